/**
 * IANA Private Enterprise Numbers (https://www.iana.org/assignments/enterprise-numbers): the
 * arc after `1.3.6.1.4.1` in sysObjectID `1.3.6.1.2.1.1.2.0` (RFC 3418), mapped to the vendor
 * name shown to users. Covers the equipment of a lycée: printers, switches, Wi-Fi, firewalls,
 * NAS, servers, UPSes, projectors.
 */

/** The enterprises arc, `iso.org.dod.internet.private.enterprises`. */
const ENTERPRISES_ARC = '1.3.6.1.4.1.';

/**
 * PEN → vendor name. `null` marks a generic agent (Net-SNMP, UCD-SNMP): the number says nothing
 * about who made the device.
 */
const VENDOR_BY_PEN: ReadonlyMap<number, string | null> = new Map<number, string | null>([
  [2, 'IBM'],
  [9, 'Cisco'],
  [11, 'HP'],
  [43, '3Com'],
  [63, 'Apple'],
  [116, 'Hitachi'],
  [119, 'NEC'],
  [122, 'Sony'],
  [171, 'D-Link'],
  [186, 'Toshiba'],
  [207, 'Allied Telesis'],
  [232, 'HP'], // Compaq: ProLiant management agents
  [236, 'Samsung'],
  [253, 'Xerox'],
  [297, 'Fujifilm'], // Fuji Xerox, now Fujifilm Business Innovation
  [311, 'Microsoft'],
  [318, 'APC'],
  [343, 'Intel'],
  [367, 'Ricoh'],
  [368, 'Axis'],
  [476, 'Vertiv'], // Liebert / Emerson Network Power
  [534, 'Eaton'],
  [641, 'Lexmark'],
  [674, 'Dell'],
  [705, 'Eaton'], // MGE UPS Systems
  [850, 'Tripp Lite'],
  [890, 'Zyxel'],
  [1248, 'Epson'],
  [1347, 'Kyocera'],
  [1602, 'Canon'],
  [1916, 'Extreme Networks'],
  [2001, 'OKI'],
  [2011, 'Huawei'],
  [2021, null], // UCD-SNMP, Net-SNMP's former name
  [2385, 'Sharp'],
  [2435, 'Brother'],
  [2636, 'Juniper'],
  [3808, 'CyberPower'],
  [4413, 'Broadcom'], // FASTPATH firmware of many white-label switches
  [4526, 'Netgear'],
  [4555, 'Socomec'],
  [5491, 'Riello'],
  [5624, 'Extreme Networks'], // Enterasys
  [6486, 'Alcatel-Lucent Enterprise'],
  [6574, 'Synology'],
  [6876, 'VMware'],
  [8072, null], // Net-SNMP: Linux, BSD, embedded systems of any maker
  [10876, 'Supermicro'],
  [11256, 'Stormshield'], // Netasq
  [11863, 'TP-Link'],
  [12356, 'Fortinet'],
  [14179, 'Cisco'], // Airespace wireless controllers
  [14823, 'Aruba'],
  [14988, 'MikroTik'],
  [18334, 'Konica Minolta'],
  [19046, 'Lenovo'],
  [24681, 'QNAP'],
  [25053, 'Ruckus'],
  [25461, 'Palo Alto Networks'],
  [25506, 'H3C'],
  [29671, 'Cisco Meraki'],
  [30065, 'Arista'],
  [41112, 'Ubiquiti'],
  [47196, 'Aruba'], // ArubaOS-CX
  [50536, 'iXsystems'], // TrueNAS
  [55062, 'QNAP'], // QTS 5 and QuTS hero MIBs
]);

/**
 * The Private Enterprise Number of a sysObjectID (`1.3.6.1.4.1.<PEN>…`, no leading dot), or
 * null when the OID is absent or outside the enterprises arc.
 */
export function enterpriseNumber(sysObjectID: string | null): number | null {
  if (sysObjectID === null || !sysObjectID.startsWith(ENTERPRISES_ARC)) return null;
  const arc = sysObjectID.slice(ENTERPRISES_ARC.length).split('.')[0];
  return /^\d+$/.test(arc) ? Number(arc) : null;
}

/**
 * The vendor registered under a Private Enterprise Number, or null when unknown or when the
 * number belongs to a generic agent such as Net-SNMP (8072).
 */
export function vendorFromEnterprise(pen: number): string | null {
  return VENDOR_BY_PEN.get(pen) ?? null;
}

const firstWord = (name: string) => name.split(/[\s-]/)[0].toLowerCase();

/** First word → the shortest vendor name starting with it (`cisco` → `Cisco`, not `Cisco Meraki`). */
const KNOWN_BY_FIRST_WORD: ReadonlyMap<string, string> = new Map(
  [...VENDOR_BY_PEN.values()]
    .filter((name): name is string => name !== null)
    .sort((a, b) => b.length - a.length)
    .map((name) => [firstWord(name), name]),
);

/**
 * The vendor name Parc already uses for a registrant name (from the OUI registry) that starts
 * with the same word, e.g. `Brother industries` → `Brother`, `Cisco Systems` → `Cisco`;
 * otherwise the name unchanged. Keeps one spelling per vendor in the inventory.
 */
export function canonicalVendor(name: string): string {
  return KNOWN_BY_FIRST_WORD.get(firstWord(name)) ?? name;
}
