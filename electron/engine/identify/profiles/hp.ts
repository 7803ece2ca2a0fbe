import type { VendorProfile } from '../profile-schema';

/**
 * HP, enterprise `1.3.6.1.4.1.11`. JetDirect printers (`.2.3.9`) describe themselves as
 * `HP ETHERNET MULTI-ENVIRONMENT,SN:VNCRC48198,FN:…,PID:HP LaserJet MFP M130nw`; PID may be
 * renamed by the owner, so the model first comes from the IEEE 1284 device ID
 * (`.2.3.9.1.1.7.0`, field `MDL:`). ProCurve / Aruba switches (`.2.3.7`) put model and
 * revision in sysDescr.
 */
export const hpProfiles: readonly VendorProfile[] = [
  {
    id: 'hp-jetdirect',
    vendor: 'HP',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.11.2.3.9' }],
    type: 'printer',
    serial: { sysDescr: /\bSN:([^,]+)/ },
    model: {
      oids: [{ oid: '1.3.6.1.4.1.11.2.3.9.1.1.7.0', pattern: /\bMDL:([^;]+)/ }],
      sysDescr: /\bPID:([^,]+)/,
    },
    printer: {
      // HP-LASERJET-COMMON-MIB status-prt-eng: total-mono-page-count, total-color-page-count.
      pageCounters: {
        mono: ['1.3.6.1.4.1.11.2.3.9.4.2.1.4.1.2.6.0'],
        color: ['1.3.6.1.4.1.11.2.3.9.4.2.1.4.1.2.7.0'],
      },
      // Ink cartridges named by number: `HP 953XL Black`.
      partNumbers: [/\bHP\s+(\d{2,3}[A-Z]{0,3})\b/],
    },
  },
  {
    id: 'hp-procurve',
    vendor: 'HP',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.11.2.3.7' }],
    type: 'switch',
    model: { sysDescr: /^(?:HP|Aruba)\s+(.+?)\s+Switch\b/ },
    firmware: { sysDescr: /\brevision\s+([^,\s]+)/ },
  },
  {
    id: 'hp',
    vendor: 'HP',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.11' }, { sysObjectIDPrefix: '1.3.6.1.4.1.232' }],
  },
];
