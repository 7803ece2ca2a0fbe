/**
 * MAC address → manufacturer, from the IEEE registries (MA-L, MA-M, MA-S) shipped by the
 * `oui-data` package. The 5.6 MB table is loaded on first use only, then kept.
 */
import { createRequire } from 'node:module';

/** OUI-data's table: upper-case hex prefix (6, 7 or 9 digits) → registrant name and address lines. */
type OuiTable = Readonly<Record<string, string>>;

let table: OuiTable | null = null;

function ouiTable(): OuiTable {
  table ??= createRequire(__filename)('oui-data') as OuiTable;
  return table;
}

/** Registry entries that name no manufacturer. */
const ANONYMOUS = new Set(['private', 'ieee registration authority']);

/** Legal-form suffixes dropped from registrant names (`Cisco Systems, Inc` → `Cisco Systems`). */
const LEGAL_SUFFIX =
  /[\s,]+(?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|gmbh|ag|sa|s\.a|bv|b\.v|srl|s\.r\.l|plc|oy|ab|kk|co\.?,?\s*ltd|co\.?,?\s*inc)\.?$/i;

/** A registrant name without its legal-form suffixes. */
function shortName(registrant: string): string {
  let name = registrant.trim();
  for (let previous = ''; previous !== name;) {
    previous = name;
    name = name.replace(LEGAL_SUFFIX, '').trim();
  }
  return name;
}

/**
 * The manufacturer registered for a MAC address's prefix, e.g. `00:00:0c:…` → `Cisco Systems`,
 * or null: unknown prefix, private registration, locally administered or malformed address.
 * @param mac any common notation (`aa:bb:cc:dd:ee:ff`, `aa-bb-…`, `aabb.cc…`, bare hex).
 */
export function vendorFromMac(mac: string): string | null {
  const hex = mac.replace(/[^0-9a-f]/gi, '').toUpperCase();
  if (hex.length !== 12 || (parseInt(hex.slice(0, 2), 16) & 0x02) !== 0) return null;
  const data = ouiTable();
  const entry = data[hex.slice(0, 9)] ?? data[hex.slice(0, 7)] ?? data[hex.slice(0, 6)];
  const registrant = entry?.split('\n')[0] ?? '';
  return registrant === '' || ANONYMOUS.has(registrant.trim().toLowerCase()) ? null : shortName(registrant);
}
