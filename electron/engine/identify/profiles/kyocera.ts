import type { VendorProfile } from '../profile-schema';

/**
 * Kyocera printers and their OEM twins UTAX / TA Triumph-Adler, enterprise `1.3.6.1.4.1.1347`
 * (sysDescr `KYOCERA Document Solutions Printing System`, `TA_UTAX Printing System`). Model
 * `.43.5.1.1.1.1`, serial `.43.5.1.1.28.1`, main firmware `.43.5.4.1.5.1.1`.
 */
const kyoceraValues: Pick<VendorProfile, 'type' | 'serial' | 'model' | 'firmware' | 'printer'> = {
  type: 'printer',
  serial: { oids: ['1.3.6.1.4.1.1347.43.5.1.1.28.1'] },
  model: { oids: ['1.3.6.1.4.1.1347.43.5.1.1.1.1'] },
  firmware: { oids: ['1.3.6.1.4.1.1347.43.5.4.1.5.1.1'] },
  printer: {
    // KYOCERA-MIB counters: `.42.3.1.1.1.1.<function>` (1 print, 2 copy) and
    // `.42.3.1.2.1.1.<function>.<colour>` (colour 1 black & white, 3 full colour).
    pageCounters: {
      mono: ['1.3.6.1.4.1.1347.42.3.1.2.1.1.1.1', '1.3.6.1.4.1.1347.42.3.1.2.1.1.2.1'],
      color: ['1.3.6.1.4.1.1347.42.3.1.2.1.1.1.3', '1.3.6.1.4.1.1347.42.3.1.2.1.1.2.3'],
      print: ['1.3.6.1.4.1.1347.42.3.1.1.1.1.1'],
      copy: ['1.3.6.1.4.1.1347.42.3.1.1.1.1.2'],
    },
  },
};

export const kyoceraProfiles: readonly VendorProfile[] = [
  {
    id: 'utax-printer',
    vendor: 'UTAX',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.1347', sysDescr: /\b(?:TA_)?UTAX\b|Triumph-Adler/i }],
    ...kyoceraValues,
  },
  {
    id: 'kyocera-printer',
    vendor: 'Kyocera',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.1347' }],
    ...kyoceraValues,
  },
];
