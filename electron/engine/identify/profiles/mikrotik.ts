import type { VendorProfile } from '../profile-schema';

/** MikroTik RouterOS, MIKROTIK-MIB `1.3.6.1.4.1.14988`: mtxrSerialNumber `.1.1.7.3.0`, mtxrFirmwareVersion `.1.1.7.4.0`. */
export const mikrotikProfiles: readonly VendorProfile[] = [
  {
    id: 'mikrotik-routeros',
    vendor: 'MikroTik',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.14988' }],
    type: 'router',
    serial: { oids: ['1.3.6.1.4.1.14988.1.1.7.3.0'] },
    model: { sysDescr: /^RouterOS\s+(.+)$/ },
    firmware: { oids: ['1.3.6.1.4.1.14988.1.1.7.4.0'] },
  },
];
