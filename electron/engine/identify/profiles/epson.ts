import type { VendorProfile } from '../profile-schema';

/**
 * Epson (Seiko Epson), enterprise `1.3.6.1.4.1.1248`: printers under `.1`, projectors under
 * `.4` (sysDescr `EPSON Network Projector`; projectors are read further through PJLink).
 */
export const epsonProfiles: readonly VendorProfile[] = [
  {
    id: 'epson-projector',
    vendor: 'Epson',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.1248.4' }, { sysDescr: /^EPSON\b.*\bProjector\b/i }],
    type: 'projector',
  },
  {
    id: 'epson-printer',
    vendor: 'Epson',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.1248.1' }],
    type: 'printer',
    printer: {
      // Business inkjet counters (`.1.2.2.27.1.1`): .3 black & white, .4 colour.
      pageCounters: {
        mono: ['1.3.6.1.4.1.1248.1.2.2.27.1.1.3.1.1'],
        color: ['1.3.6.1.4.1.1248.1.2.2.27.1.1.4.1.1'],
      },
      // Ink references, alternatives separated by slashes: `T9441/T9451/T9461`.
      partNumbers: [/\b(T\d{4}[A-Z]?(?:\/T\d{4}[A-Z]?)*)\b/],
    },
  },
  {
    id: 'epson',
    vendor: 'Epson',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.1248' }],
  },
];
