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
  },
];
