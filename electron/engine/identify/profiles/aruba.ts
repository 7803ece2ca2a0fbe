import type { VendorProfile } from '../profile-schema';

/**
 * Aruba (HPE) Wi-Fi, ARUBA-MIB `1.3.6.1.4.1.14823`: `.1.1` controllers, `.1.2` access points,
 * and ArubaOS-CX switches (`1.3.6.1.4.1.47196`). Instant APs list the cluster's APs in
 * aiAccessPointTable `.2.3.3.1.2.1.1`, indexed by AP MAC: aiAPSerialNum `.4` is read by GETNEXT.
 */
export const arubaProfiles: readonly VendorProfile[] = [
  {
    id: 'aruba-wireless',
    vendor: 'Aruba',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.14823.1.1' }, { sysObjectIDPrefix: '1.3.6.1.4.1.14823.1.2' }],
    type: 'access-point',
    serial: { columns: ['1.3.6.1.4.1.14823.2.3.3.1.2.1.1.4'] },
    model: { sysDescr: /\(MODEL:\s*([^)]+)\)/ },
    firmware: { sysDescr: /\bVersion\s+(\S+)/ },
  },
  {
    id: 'aruba-cx',
    vendor: 'Aruba',
    match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.47196' }],
    type: 'switch',
  },
];
