import type { VendorProfile } from '../profile-schema';

/**
 * Ubiquiti, enterprise `1.3.6.1.4.1.41112`: EdgeMAX routers `.1.5`, airMAX radios `.1.4`,
 * UniFi access points (sysObjectID the bare enterprise, UBNT-UniFi-MIB `.1.6`: model
 * `.1.6.3.3.0`, version `.1.6.3.6.0`; sysDescr `U-LTE-Pro-EU 6.6.57.15206`).
 */
export const ubiquitiProfiles: readonly VendorProfile[] = [
  {
    id: 'ubiquiti-edgemax',
    vendor: 'Ubiquiti',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.41112.1.5' }],
    type: 'router',
  },
  {
    id: 'ubiquiti-unifi',
    vendor: 'Ubiquiti',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.41112' }],
    type: 'access-point',
    model: { oids: ['1.3.6.1.4.1.41112.1.6.3.3.0'], sysDescr: /^(\S+)\s+\d+(?:\.\d+)+$/ },
    firmware: { oids: ['1.3.6.1.4.1.41112.1.6.3.6.0'], sysDescr: /^\S+\s+(\d+(?:\.\d+)+)$/ },
  },
];
