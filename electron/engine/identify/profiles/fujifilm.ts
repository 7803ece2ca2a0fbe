import type { VendorProfile } from '../profile-schema';

/** Fujifilm Business Innovation (formerly Fuji Xerox) printers, enterprise `1.3.6.1.4.1.297`. */
export const fujifilmProfiles: readonly VendorProfile[] = [
  {
    id: 'fujifilm-printer',
    vendor: 'Fujifilm',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.297' }],
    type: 'printer',
    model: { sysDescr: /^(?:FUJIFILM|FUJI XEROX)\s+([^;]+?)\s*(?:;|$)/i },
  },
];
