import type { VendorProfile } from '../profile-schema';

/**
 * APC (Schneider Electric) UPSes with a Network Management Card, PowerNet-MIB `1.3.6.1.4.1.318`.
 * The card's sysDescr carries its own model and serial (`MN:AP9631 … SN: ZA1349002368`); the
 * UPS's own values come first: upsAdvIdentSerialNumber `.1.1.1.1.2.3.0`, upsBasicIdentModel
 * `.1.1.1.1.1.1.0`, upsAdvIdentFirmwareRevision `.1.1.1.1.2.1.0`.
 */
export const apcProfiles: readonly VendorProfile[] = [
  {
    id: 'apc-ups',
    vendor: 'APC',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.318' }],
    type: 'ups',
    serial: { oids: ['1.3.6.1.4.1.318.1.1.1.1.2.3.0'], sysDescr: /\bSN:\s*([^\s)]+)/ },
    model: { oids: ['1.3.6.1.4.1.318.1.1.1.1.1.1.0'], sysDescr: /\bMN:\s*([^\s)]+)/ },
    firmware: { oids: ['1.3.6.1.4.1.318.1.1.1.1.2.1.0'], sysDescr: /\bPF:v?([\d.]+)/ },
  },
];
