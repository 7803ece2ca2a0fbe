import type { VendorProfile } from '../profile-schema';

/** OKI printers, enterprise `1.3.6.1.4.1.2001`. */
export const okiProfiles: readonly VendorProfile[] = [
  {
    id: 'oki-printer',
    vendor: 'OKI',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.2001' }],
    type: 'printer',
  },
];
