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
  },
  {
    id: 'epson',
    vendor: 'Epson',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.1248' }],
  },
];
