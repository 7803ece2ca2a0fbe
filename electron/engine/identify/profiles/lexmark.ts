import type { VendorProfile } from '../profile-schema';

/** Lexmark printers, enterprise `1.3.6.1.4.1.641`; sysDescr `Lexmark T640 version NS.NP.N219 kernel …`. */
export const lexmarkProfiles: readonly VendorProfile[] = [
  {
    id: 'lexmark-printer',
    vendor: 'Lexmark',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.641' }],
    type: 'printer',
    model: { sysDescr: /^Lexmark\s+(\S+)/ },
    firmware: { sysDescr: /\bversion\s+(\S+)/ },
    // Lexmark part numbers: `50F2H00`, `24B6035`.
    printer: { partNumbers: [/\b(\d{2}[A-Z]\d[0-9A-Z]\d{2})\b/] },
  },
];
