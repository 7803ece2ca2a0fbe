import type { VendorProfile } from '../profile-schema';

/** Fortinet FortiGate firewalls, FORTINET-CORE-MIB `1.3.6.1.4.1.12356`: fnSysSerial `.100.1.1.1.0`. */
export const fortinetProfiles: readonly VendorProfile[] = [
  {
    id: 'fortigate',
    vendor: 'Fortinet',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.12356.101' }],
    type: 'router',
    serial: { oids: ['1.3.6.1.4.1.12356.100.1.1.1.0'] },
  },
];
