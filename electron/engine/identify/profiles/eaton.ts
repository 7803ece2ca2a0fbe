import type { VendorProfile } from '../profile-schema';

/**
 * Eaton UPSes: XUPS-MIB `1.3.6.1.4.1.534.1` (xupsIdentModel `.1.2.0`, xupsIdentSoftwareVersion
 * `.1.3.0`) and MGE's MG-SNMP-UPS-MIB `1.3.6.1.4.1.705.1` (upsmgIdentFamilyName `.1.1.0`,
 * upsmgIdentSerialNumber `.1.7.0`). Old ConnectUPS cards answer no UPS-MIB.
 */
export const eatonProfiles: readonly VendorProfile[] = [
  {
    id: 'eaton-ups',
    vendor: 'Eaton',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.534.1' }, { sysObjectIDPrefix: '1.3.6.1.4.1.705.1' }],
    type: 'ups',
    serial: { oids: ['1.3.6.1.4.1.705.1.1.7.0'] },
    model: { oids: ['1.3.6.1.4.1.534.1.1.2.0', '1.3.6.1.4.1.705.1.1.1.0'] },
    firmware: { oids: ['1.3.6.1.4.1.534.1.1.3.0'], sysDescr: /\bV(\d+(?:\.\d+)+)/ },
  },
];
