import type { VendorProfile } from '../profile-schema';

/**
 * Xerox printers, enterprise `1.3.6.1.4.1.253`: sysDescr `Xerox AltaLink C8045; SS 100.002…`;
 * the IEEE 1284 device ID (`.8.51.1.2.1.20.1`, field `MDL:`) also names the model.
 */
export const xeroxProfiles: readonly VendorProfile[] = [
  {
    id: 'xerox-printer',
    vendor: 'Xerox',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.253' }],
    type: 'printer',
    model: {
      oids: [{ oid: '1.3.6.1.4.1.253.8.51.1.2.1.20.1', pattern: /\bMDL:\s*([^;]+)/ }],
      sysDescr: /^Xerox\s+([^;]+)/,
    },
  },
];
