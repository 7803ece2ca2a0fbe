import type { VendorProfile } from '../profile-schema';

/** Sharp MFPs, enterprise `1.3.6.1.4.1.2385`: sysDescr `SHARP MX-3570N`, firmware `.2.1.1.2.1.2.1`. */
export const sharpProfiles: readonly VendorProfile[] = [
  {
    id: 'sharp-printer',
    vendor: 'Sharp',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.2385' }],
    type: 'printer',
    model: { sysDescr: /^SHARP\s+(.+)$/ },
    firmware: { oids: ['1.3.6.1.4.1.2385.2.1.1.2.1.2.1'] },
    printer: {
      // Counter table `.1.1.19.2.1.3.<function>.4.<colour>` (names in `.1.1.19.2.1.4`): function 1
      // prints, 4 copies, 5 totals, 7 scans; colour 60 all, 61 black & white, 63 full colour.
      pageCounters: {
        mono: ['1.3.6.1.4.1.2385.1.1.19.2.1.3.5.4.61'],
        color: ['1.3.6.1.4.1.2385.1.1.19.2.1.3.5.4.63'],
        print: ['1.3.6.1.4.1.2385.1.1.19.2.1.3.1.4.60'],
        copy: ['1.3.6.1.4.1.2385.1.1.19.2.1.3.4.4.60'],
        scan: ['1.3.6.1.4.1.2385.1.1.19.2.1.3.7.4.51', '1.3.6.1.4.1.2385.1.1.19.2.1.3.7.4.53'],
      },
    },
  },
];
