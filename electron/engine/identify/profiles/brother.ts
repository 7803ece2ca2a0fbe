import type { VendorProfile } from '../profile-schema';

/**
 * Brother printers, enterprise `1.3.6.1.4.1.2435`. sysDescr names the network card
 * (`Brother NC-8300h, Firmware Ver.1.14 …`), not the printer: the model comes from the
 * printer-info OID `.2.4.3.2435.5.13.3.0`, the serial from `.2.3.9.4.2.1.5.5.1.0`.
 */
export const brotherProfiles: readonly VendorProfile[] = [
  {
    id: 'brother-printer',
    vendor: 'Brother',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.2435' }],
    type: 'printer',
    serial: { oids: ['1.3.6.1.4.1.2435.2.3.9.4.2.1.5.5.1.0'] },
    model: {
      oids: [
        { oid: '1.3.6.1.4.1.2435.2.4.3.2435.5.13.3.0', pattern: /^(?:Brother\s+)?(.+?)(?:\s+series)?$/ },
      ],
    },
    firmware: { sysDescr: /Firmware Ver\.\s*(\S+)/ },
  },
];
