import type { VendorProfile } from '../profile-schema';

/**
 * Kyocera printers and their OEM twins UTAX / TA Triumph-Adler, enterprise `1.3.6.1.4.1.1347`
 * (sysDescr `KYOCERA Document Solutions Printing System`, `TA_UTAX Printing System`). Model
 * `.43.5.1.1.1.1`, serial `.43.5.1.1.28.1`, main firmware `.43.5.4.1.5.1.1`.
 */
const kyoceraValues: Pick<VendorProfile, 'type' | 'serial' | 'model' | 'firmware'> = {
  type: 'printer',
  serial: { oids: ['1.3.6.1.4.1.1347.43.5.1.1.28.1'] },
  model: { oids: ['1.3.6.1.4.1.1347.43.5.1.1.1.1'] },
  firmware: { oids: ['1.3.6.1.4.1.1347.43.5.4.1.5.1.1'] },
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
