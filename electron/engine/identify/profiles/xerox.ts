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
    printer: {
      // XEROX-HOST-RESOURCES-EXT-MIB xcmHrDevDetailValueInteger (`.8.53.13.2.1.6`): print (.1.20.x),
      // copy (.11.20.x) and scan (.10.20.x) counters.
      pageCounters: {
        mono: ['1.3.6.1.4.1.253.8.53.13.2.1.6.1.20.34', '1.3.6.1.4.1.253.8.53.13.2.1.6.11.20.3'],
        color: ['1.3.6.1.4.1.253.8.53.13.2.1.6.1.20.33', '1.3.6.1.4.1.253.8.53.13.2.1.6.11.20.25'],
        print: ['1.3.6.1.4.1.253.8.53.13.2.1.6.1.20.1'],
        copy: ['1.3.6.1.4.1.253.8.53.13.2.1.6.11.20.3', '1.3.6.1.4.1.253.8.53.13.2.1.6.11.20.25'],
        scan: ['1.3.6.1.4.1.253.8.53.13.2.1.6.10.20.11', '1.3.6.1.4.1.253.8.53.13.2.1.6.10.20.12'],
      },
      // `Black Toner, PN 006R01509;SN…`: the generic "PN" pattern finds it; this one finds bare numbers.
      partNumbers: [/\b(\d{3}R\d{5})\b/],
    },
  },
];
