import type { VendorProfile } from '../profile-schema';

/**
 * Canon printers and MFPs, CANON-MIB `1.3.6.1.4.1.1602` (sysObjectID `.4.x`). Model
 * `.1.1.1.1.0` and firmware `.1.1.1.4.0`; sysDescr is `Canon <model> /P`.
 */
export const canonProfiles: readonly VendorProfile[] = [
  {
    id: 'canon-printer',
    vendor: 'Canon',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.1602.4' }],
    type: 'printer',
    model: { oids: ['1.3.6.1.4.1.1602.1.1.1.1.0'], sysDescr: /^Canon\s+(.+?)(?:\s+\/P)?$/ },
    firmware: { oids: ['1.3.6.1.4.1.1602.1.1.1.4.0'] },
    // `CRG 046`, `Canon Cartridge 719/719H`.
    printer: {
      partNumbers: [/\b(CRG[- ]?\d{3}[A-Z]{0,2})\b/, /\bCartridge\s+(\d{3}[A-Z]{0,2}(?:\/\d{3}[A-Z]{0,2})?)/],
    },
  },
  {
    id: 'canon',
    vendor: 'Canon',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.1602' }],
  },
];
