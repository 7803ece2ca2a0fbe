import type { VendorProfile } from '../profile-schema';

/**
 * TrueNAS / FreeNAS (iXsystems), enterprise `1.3.6.1.4.1.50536`; older releases answer with
 * a generic sysObjectID but a sysDescr such as `FreeNAS-11.3-U2.1 (6a6a2dfda7). Hardware: …`.
 */
export const truenasProfiles: readonly VendorProfile[] = [
  {
    id: 'truenas',
    vendor: 'iXsystems',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.50536' }, { sysDescr: /^(?:FreeNAS|TrueNAS)-/ }],
    type: 'nas',
    model: { sysDescr: /^(FreeNAS|TrueNAS(?: SCALE| CORE)?)-/ },
    firmware: { sysDescr: /^(?:FreeNAS|TrueNAS)-(\S+)/ },
  },
];
