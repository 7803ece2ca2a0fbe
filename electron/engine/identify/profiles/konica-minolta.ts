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
  },
];
