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
    projector: {
      // Lamp operating hours (INTEGER), `.4.1.1.1.1.0`: LibreNMS reads it as "Lamp Hours" for
      // sysObjectID `.1248.4.1` (includes/discovery/sensors/count/epson-projector.inc.php), and
      // Checkmk's epson_beamer_lamp check as the lamp's operating time in hours
      // (cmk/plugins/epson/agent_based/epson_beamer_lamp.py). No filter-hours OID could be
      // sourced; PJLink class 2 `%2FILT ?` gives it.
      lampHours: ['1.3.6.1.4.1.1248.4.1.1.1.1.0'],
    },
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
