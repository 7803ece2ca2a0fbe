import type { VendorProfile } from '../profile-schema';

/**
 * Synology NAS, SYNOLOGY-SYSTEM-MIB `1.3.6.1.4.1.6574.1.5`: modelName `.1.0`, serialNumber
 * `.2.0`, version `.3.0` (`DSM 6.2-25426`). DSM 6 answers with Net-SNMP's Linux sysObjectID
 * and a plain Linux sysDescr, so modelName is probed.
 */
export const synologyProfiles: readonly VendorProfile[] = [
  {
    id: 'synology-nas',
    vendor: 'Synology',
    match: [
      { sysObjectIDPrefix: '1.3.6.1.4.1.6574' },
      { sysObjectIDPrefix: '1.3.6.1.4.1.8072.3.2.10', probeOid: '1.3.6.1.4.1.6574.1.5.1.0' },
    ],
    type: 'nas',
    serial: { oids: ['1.3.6.1.4.1.6574.1.5.2.0'] },
    model: { oids: ['1.3.6.1.4.1.6574.1.5.1.0'] },
    firmware: { oids: [{ oid: '1.3.6.1.4.1.6574.1.5.3.0', pattern: /^(?:DSM\s+)?(.+)$/ }] },
  },
];
