import type { VendorProfile } from '../profile-schema';

/** Konica Minolta (and Develop) MFPs, enterprise `1.3.6.1.4.1.18334`; firmware `.1.1.1.1.6.1.0`. */
export const konicaMinoltaProfiles: readonly VendorProfile[] = [
  {
    id: 'konica-minolta-printer',
    vendor: 'Konica Minolta',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.18334' }],
    type: 'printer',
    model: { sysDescr: /^KONICA MINOLTA\s+(.+)$/i },
    firmware: { oids: ['1.3.6.1.4.1.18334.1.1.1.1.6.1.0'] },
    printer: {
      // Printer counters `.1.1.1.5.7.2.2.1.5.<colour>.<function>`: colour 1 black, 2 colour; function 1 copy, 2 print.
      pageCounters: {
        mono: ['1.3.6.1.4.1.18334.1.1.1.5.7.2.2.1.5.1.1', '1.3.6.1.4.1.18334.1.1.1.5.7.2.2.1.5.1.2'],
        color: ['1.3.6.1.4.1.18334.1.1.1.5.7.2.2.1.5.2.1', '1.3.6.1.4.1.18334.1.1.1.5.7.2.2.1.5.2.2'],
        print: ['1.3.6.1.4.1.18334.1.1.1.5.7.2.2.1.5.1.2', '1.3.6.1.4.1.18334.1.1.1.5.7.2.2.1.5.2.2'],
        copy: ['1.3.6.1.4.1.18334.1.1.1.5.7.2.2.1.5.1.1', '1.3.6.1.4.1.18334.1.1.1.5.7.2.2.1.5.2.1'],
      },
    },
  },
];
