import type { VendorProfile } from '../profile-schema';

/**
 * Windows SNMP service, enterprise `1.3.6.1.4.1.311`: sysObjectID `.1.1.3.1.1` workstation,
 * `.1.1.3.1.2` server, `.1.1.3.1.3` domain controller. sysDescr ends with
 * `Software: Windows Version 6.3 (Build 17763 Multiprocessor Free)`.
 */
const windowsBuild = { sysDescr: /\((Build \d+)/ };

export const microsoftProfiles: readonly VendorProfile[] = [
  {
    id: 'windows-server',
    vendor: 'Microsoft',
    match: [
      { sysObjectIDPrefix: '1.3.6.1.4.1.311.1.1.3.1.2' },
      { sysObjectIDPrefix: '1.3.6.1.4.1.311.1.1.3.1.3' },
    ],
    type: 'server',
    firmware: windowsBuild,
  },
  {
    id: 'windows-workstation',
    vendor: 'Microsoft',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.311.1.1.3.1.1' }],
    type: 'computer',
    firmware: windowsBuild,
  },
];
