import type { VendorProfile } from '../profile-schema';

/**
 * D-Link, enterprise `1.3.6.1.4.1.171`; managed switches are `.10.x` and report their versions
 * in RMON2-MIB probeSoftwareRev `1.3.6.1.2.1.16.19.2.0` (RFC 4502).
 */
export const dlinkProfiles: readonly VendorProfile[] = [
  {
    id: 'dlink-switch',
    vendor: 'D-Link',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.171.10' }],
    type: 'switch',
    model: { sysDescr: /^(D[EGXS]S-\S+)/ },
    firmware: { oids: ['1.3.6.1.2.1.16.19.2.0'] },
  },
];
