import type { VendorProfile } from '../profile-schema';

/**
 * Netgear, enterprise `1.3.6.1.4.1.4526`. ProSafe smart switches describe themselves as
 * `GS724Tv4 ProSafe 24-port Gigabit Ethernet Smart Switch, 6.3.1.11, B1.0.0.4`.
 */
export const netgearProfiles: readonly VendorProfile[] = [
  {
    id: 'netgear-switch',
    vendor: 'Netgear',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.4526', sysDescr: /\bSwitch\b/i }],
    type: 'switch',
    model: { sysDescr: /^(\S+)/ },
    firmware: { sysDescr: /,\s*(\d+(?:\.\d+)+)\s*,/ },
  },
  {
    id: 'netgear',
    vendor: 'Netgear',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.4526' }],
  },
];
