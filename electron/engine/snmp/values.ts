/**
 * Turning raw SNMP values (as net-snmp hands them over) into text, numbers and MAC addresses.
 * Text is decoded exactly once, here: valid UTF-8, else ISO-8859-1 (Latin-1), which maps every
 * byte, so nothing is ever dropped; trailing NUL padding (common on printers) is removed.
 */

/** BER tags of SNMP values (RFC 2578, RFC 3416), as net-snmp's `ObjectType`. */
export const SnmpType = {
  Integer: 2,
  OctetString: 4,
  Null: 5,
  OID: 6,
  IpAddress: 64,
  Counter32: 65,
  Gauge32: 66,
  TimeTicks: 67,
  Opaque: 68,
  Counter64: 70,
  NoSuchObject: 128,
  NoSuchInstance: 129,
  EndOfMibView: 130,
} as const;

/** One variable binding with a real value (exceptions are filtered out by the session). */
export interface Varbind {
  /** Dotted OID without a leading dot. */
  oid: string;
  /** BER tag, see `SnmpType`. */
  type: number;
  /** Buffer for OctetString/Opaque/Counter64, number for integers, string for OID/IpAddress. */
  value: Buffer | number | string | bigint | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');
/** net-snmp style hex dumps sent as text: `48 50 20 4C 61` (pairs separated by single spaces). */
const HEX_DUMP = /^[0-9A-Fa-f]{2}( [0-9A-Fa-f]{2})+ ?$/;

/**
 * Decodes an OCTET STRING as text: UTF-8 when valid, else Latin-1; a text that is itself a
 * space-separated hex dump of printable text is decoded once more. Trailing NULs are removed.
 * @returns the text, or null when empty after trimming.
 */
export function decodeText(bytes: Buffer): string | null {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  const trimmedBytes = bytes.subarray(0, end);
  let text: string;
  try {
    text = utf8.decode(trimmedBytes);
  } catch {
    text = latin1.decode(trimmedBytes);
  }
  if (HEX_DUMP.test(text)) {
    const inner = Buffer.from(text.replace(/ /g, ''), 'hex');
    if (inner.every((b) => b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0)) {
      return decodeText(inner);
    }
  }
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * A MAC address from raw bytes (IF-MIB ifPhysAddress, BRIDGE-MIB dot1dBaseBridgeAddress).
 * @returns `aa:bb:cc:dd:ee:ff`, or null unless exactly 6 bytes.
 */
export function macFromBytes(bytes: Buffer): string | null {
  if (bytes.length !== 6) return null;
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** Reads a value as text (OctetString decoded, numbers and OIDs as their decimal/dotted form). */
export function varbindText(varbind: Varbind | undefined | null): string | null {
  if (!varbind || varbind.value === null || varbind.value === undefined) return null;
  const { value, type } = varbind;
  if (type === SnmpType.Counter64 && Buffer.isBuffer(value)) return counter64(value).toString();
  if (Buffer.isBuffer(value)) return decodeText(value);
  const text = String(value).trim();
  return text === '' ? null : text;
}

/** Reads a value as a finite number (integers, counters, gauges, time ticks), else null. */
export function varbindNumber(varbind: Varbind | undefined | null): number | null {
  if (!varbind) return null;
  const { value, type } = varbind;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (type === SnmpType.Counter64 && Buffer.isBuffer(value)) return Number(counter64(value));
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return null;
}

/** Reads a value as a dotted OID (sysObjectID, hrDeviceType), without leading dot, else null. */
export function varbindOid(varbind: Varbind | undefined | null): string | null {
  if (!varbind || typeof varbind.value !== 'string') return null;
  const oid = varbind.value.replace(/^\./, '');
  return /^\d+(\.\d+)*$/.test(oid) ? oid : null;
}

/** Reads an OCTET STRING value as a MAC address (6 raw bytes), else null. */
export function varbindMac(varbind: Varbind | undefined | null): string | null {
  return varbind && Buffer.isBuffer(varbind.value) ? macFromBytes(varbind.value) : null;
}

/** A Counter64 (big-endian unsigned bytes, as net-snmp gives it) as an exact BigInt. */
export function counter64(bytes: Buffer): bigint {
  let result = 0n;
  for (const byte of bytes) result = (result << 8n) | BigInt(byte);
  return result;
}

/** Compares two dotted OIDs component by component (−1, 0, 1). */
export function compareOids(a: string, b: string): number {
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = Number(x[i]) - Number(y[i]);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

/** True when `oid` is strictly inside the subtree `base` (`1.3.6.1.2.1.1.5.0` is inside `1.3.6.1.2.1.1`). */
export function isInSubtree(oid: string, base: string): boolean {
  return oid.startsWith(base + '.');
}
