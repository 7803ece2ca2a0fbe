import type { VendorProfile } from '../profile-schema';

/**
 * TP-Link, enterprise `1.3.6.1.4.1.11863`. JetStream switches answer TPLINK-SYSINFO-MIB
 * `.6.1.1` (hardware `.5.0`, firmware `.6.0`, serial `.8.0`); older smart switches only
 * RMON2-MIB probeHardwareRev `1.3.6.1.2.1.16.19.3.0` / probeSoftwareRev `.2.0` (RFC 4502).
 */
export const tplinkProfiles: readonly VendorProfile[] = [
  {
    id: 'tplink',
    vendor: 'TP-Link',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.11863' }],
    serial: { oids: ['1.3.6.1.4.1.11863.6.1.1.8.0'] },
    model: { oids: ['1.3.6.1.4.1.11863.6.1.1.5.0', '1.3.6.1.2.1.16.19.3.0'] },
    firmware: { oids: ['1.3.6.1.4.1.11863.6.1.1.6.0', '1.3.6.1.2.1.16.19.2.0'] },
  },
];
