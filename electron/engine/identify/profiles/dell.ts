import type { VendorProfile } from '../profile-schema';

/**
 * Dell, enterprise `1.3.6.1.4.1.674`: laser printers (`.10898`, sysDescr
 * `Dell S5830dn version NH62.YS.N636 kernel …`, firmware `.10898.100.1.1.1.0`) and servers'
 * iDRAC (`.10892`).
 */
export const dellProfiles: readonly VendorProfile[] = [
  {
    id: 'dell-printer',
    vendor: 'Dell',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.674.10898' }],
    type: 'printer',
    model: { sysDescr: /^(Dell\s+\S+)/ },
    firmware: { oids: ['1.3.6.1.4.1.674.10898.100.1.1.1.0'], sysDescr: /\bversion\s+(\S+)/ },
  },
  {
    id: 'dell-server',
    vendor: 'Dell',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.674.10892' }],
    type: 'server',
  },
];
