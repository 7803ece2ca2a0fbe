import type { VendorProfile } from '../profile-schema';

/**
 * Ricoh printers and MFPs, enterprise `1.3.6.1.4.1.367`: sysDescr
 * `RICOH Aficio MP C3002 2.20 / RICOH Network Printer C model / …`; serial `.3.2.1.2.1.4.0`,
 * firmware `.3.2.1.1.1.2.0`.
 */
export const ricohProfiles: readonly VendorProfile[] = [
  {
    id: 'ricoh-printer',
    vendor: 'Ricoh',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.367' }],
    type: 'printer',
    serial: { oids: ['1.3.6.1.4.1.367.3.2.1.2.1.4.0'] },
    model: { sysDescr: /^RICOH\s+(.+?)\s+[\d.]+\s*\// },
    firmware: { oids: ['1.3.6.1.4.1.367.3.2.1.1.1.2.0'], sysDescr: /^RICOH\s+.+?\s+([\d.]+)\s*\// },
  },
];
