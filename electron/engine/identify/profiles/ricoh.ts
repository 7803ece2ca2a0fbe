import type { VendorProfile } from '../profile-schema';

/**
 * Ricoh printers and MFPs, enterprise `1.3.6.1.4.1.367`: sysDescr
 * `RICOH Aficio MP C3002 2.20 / RICOH Network Printer C model / …`; serial `.3.2.1.2.1.4.0`,
 * firmware `.3.2.1.1.1.2.0`.
 */
/**
 * Ricoh engine counters (`.3.2.1.2.19.5.1`): a table whose type column (.2) says what each row
 * (.9) counts: 200 copies, 201 copies black & white, 202/203 copies colour, 400 prints, 401
 * prints black & white, 402/403 prints colour, 870/871 scans.
 */
const ricohCounter = (types: number[]) => ({
  typeColumn: '1.3.6.1.4.1.367.3.2.1.2.19.5.1.2',
  valueColumn: '1.3.6.1.4.1.367.3.2.1.2.19.5.1.9',
  types,
});
const ricohCounters = {
  mono: ricohCounter([201, 401]),
  color: ricohCounter([202, 203, 402, 403]),
  print: ricohCounter([400]),
  copy: ricohCounter([200]),
  scan: ricohCounter([870, 871]),
};

export const ricohProfiles: readonly VendorProfile[] = [
  {
    id: 'ricoh-printer',
    vendor: 'Ricoh',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.367' }],
    type: 'printer',
    serial: { oids: ['1.3.6.1.4.1.367.3.2.1.2.1.4.0'] },
    model: { sysDescr: /^RICOH\s+(.+?)\s+[\d.]+\s*\// },
    firmware: { oids: ['1.3.6.1.4.1.367.3.2.1.1.1.2.0'], sysDescr: /^RICOH\s+.+?\s+([\d.]+)\s*\// },
    printer: { pageCounters: ricohCounters },
  },
];
