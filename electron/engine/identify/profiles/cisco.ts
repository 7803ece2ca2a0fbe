import type { VendorProfile } from '../profile-schema';

/**
 * Cisco, enterprise `1.3.6.1.4.1.9` (and Airespace WLCs `1.3.6.1.4.1.14179`). Most models
 * answer ENTITY-MIB; Small Business switches (`.9.6.1`) put the model in sysDescr and their
 * versions in rlPhdUnitGenParamTable `.9.6.1.101.53.14.1` (software `.2.1`, firmware `.3.1`).
 */
export const ciscoProfiles: readonly VendorProfile[] = [
  {
    id: 'cisco-business-wireless',
    vendor: 'Cisco',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.9.6.1.37' }, { sysObjectIDPrefix: '1.3.6.1.4.1.14179' }],
    type: 'access-point',
  },
  {
    id: 'cisco-small-business',
    vendor: 'Cisco',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.9.6.1' }],
    type: 'switch',
    model: { sysDescr: /^(\S+)\s.*\bSwitch\b/ },
    firmware: { oids: ['1.3.6.1.4.1.9.6.1.101.53.14.1.2.1'] },
  },
  {
    id: 'cisco',
    vendor: 'Cisco',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.9' }],
    firmware: { sysDescr: /\bVersion\s+([^,\s]+)/ },
  },
];
