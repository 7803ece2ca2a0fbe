import type { VendorProfile } from '../profile-schema';

/**
 * Samsung printers (now HP), enterprise `1.3.6.1.4.1.236.11`: sysDescr
 * `Samsung M4080FX; V11.01.03.04_02-27-2017;Engine V1.00.06 …;NIC ;S/N <serial>`.
 */
export const samsungProfiles: readonly VendorProfile[] = [
  {
    id: 'samsung-printer',
    vendor: 'Samsung',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.236.11' }],
    type: 'printer',
    serial: { sysDescr: /\bS\/N\s*([^;\s]+)/ },
    model: { sysDescr: /^Samsung\s+([^;]+)/ },
    firmware: { sysDescr: /^[^;]*;\s*(V[^;\s]+)/ },
  },
];
