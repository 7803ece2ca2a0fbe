import type { VendorProfile } from '../profile-schema';

/**
 * QNAP NAS: legacy NAS-MIB `1.3.6.1.4.1.24681` (model `.1.2.12.0`, per-enclosure table
 * `.1.4.1.1.1.1.1.2.1` with model `.3` and serial `.4`) and QTS 5 / QuTS hero MIBs
 * `1.3.6.1.4.1.55062.1` / `.2` (model `.12.3.0`, serial `.12.5.0`, firmware `.12.6.0`).
 * Some firmware answers with Net-SNMP's Linux sysObjectID: then the QTS model OID is probed.
 */
export const qnapProfiles: readonly VendorProfile[] = [
  {
    id: 'qnap-nas',
    vendor: 'QNAP',
    match: [
      { sysObjectIDPrefix: '1.3.6.1.4.1.24681' },
      { sysObjectIDPrefix: '1.3.6.1.4.1.55062' },
      { sysObjectIDPrefix: '1.3.6.1.4.1.8072.3.2.10', probeOid: '1.3.6.1.4.1.55062.1.12.3.0' },
    ],
    type: 'nas',
    serial: {
      oids: ['1.3.6.1.4.1.55062.1.12.5.0', '1.3.6.1.4.1.55062.2.12.5.0'],
      columns: ['1.3.6.1.4.1.24681.1.4.1.1.1.1.1.2.1.4'],
    },
    model: {
      oids: ['1.3.6.1.4.1.55062.1.12.3.0', '1.3.6.1.4.1.55062.2.12.3.0', '1.3.6.1.4.1.24681.1.2.12.0'],
      columns: ['1.3.6.1.4.1.24681.1.4.1.1.1.1.1.2.1.3'],
    },
    firmware: { oids: ['1.3.6.1.4.1.55062.1.12.6.0', '1.3.6.1.4.1.55062.2.12.6.0'] },
  },
];
