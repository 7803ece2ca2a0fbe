/**
 * Turning raw SNMP values (as net-snmp hands them over) into text, numbers and MAC addresses.
 * Text is decoded exactly once, here: valid UTF-8, else ISO-8859-1 (Latin-1, read as its
 * windows-1252 superset), which maps every byte, so accented text is never lost. Devices are
 * not trusted: NUL bytes are removed, other control characters become U+FFFD, and text is cut
 * at `MAX_TEXT_CHARS`. Numbers that are not exact in a float (Counter64 beyond 2^53) are not numbers.
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

/**
 * Most characters kept from one OCTET STRING shown as text (sysDescr, sysLocation, supply
 * descriptions…): real ones are under 256 (RFC 3418 sizes sysDescr 0..255); a 64 KiB one is an
 * agent bug or an attack, and the first 1,024 characters say all there is to say.
 */
export const MAX_TEXT_CHARS = 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');
/** net-snmp style hex dumps sent as text: `48 50 20 4C 61` (pairs separated by single spaces). */
const HEX_DUMP = /^[0-9A-Fa-f]{2}( [0-9A-Fa-f]{2})+ ?$/;

/** C0 controls but tab, LF and CR; DEL; C1 controls (what windows-1252 leaves of 81, 8D, 8F, 90, 9D). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Makes device text safe to show and store: NULs removed, other control characters (but tab,
 * LF, CR) replaced by U+FFFD, spaces trimmed, cut at `maxChars` characters (never inside a
 * surrogate pair).
 * @returns the text, or null when nothing is left.
 */
export function cleanText(text: string, maxChars = MAX_TEXT_CHARS): string | null {
  let clean = text.replace(/\0/g, '').replace(CONTROL, '\ufffd').trim();
  if (clean.length > maxChars) {
    const cut = /[\ud800-\udbff]/.test(clean[maxChars - 1]) ? maxChars - 1 : maxChars;
    clean = clean.slice(0, cut).trimEnd();
  }
  return clean === '' ? null : clean;
}

/**
 * Decodes an OCTET STRING as text: UTF-8 when valid, else Latin-1; a text that is itself a
 * space-separated hex dump of printable text is decoded once more. Then `cleanText`: NULs
 * removed (trailing padding and embedded ones), other control characters become U+FFFD, at
 * most `MAX_TEXT_CHARS` characters.
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
  return cleanText(text);
}

/**
 * A MAC address from raw bytes (IF-MIB ifPhysAddress, BRIDGE-MIB dot1dBaseBridgeAddress).
 * @returns `aa:bb:cc:dd:ee:ff`, or null unless exactly 6 bytes.
 */
export function macFromBytes(bytes: Buffer): string | null {
  if (bytes.length !== 6) return null;
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/**
 * Reads a value as text (OctetString decoded, Counter64 exact, numbers and OIDs as their
 * decimal/dotted form), cleaned like `decodeText`.
 */
export function varbindText(varbind: Varbind | undefined | null): string | null {
  if (!varbind || varbind.value === null || varbind.value === undefined) return null;
  const { value, type } = varbind;
  if (type === SnmpType.Counter64 && Buffer.isBuffer(value)) return counter64(value).toString();
  if (Buffer.isBuffer(value)) return decodeText(value);
  return cleanText(String(value));
}

/**
 * Reads a value as a number (integers, counters, gauges, time ticks), else null: null too for
 * OCTET STRINGs and Opaque, and for values a float cannot hold exactly (a Counter64 beyond
 * 2^53 − 1: read it with `varbindText` or `counter64`).
 */
export function varbindNumber(varbind: Varbind | undefined | null): number | null {
  if (!varbind) return null;
  const { value, type } = varbind;
  const exact = (n: number) => (Number.isSafeInteger(n) ? n : null);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return exact(Number(value));
  if (type === SnmpType.Counter64 && Buffer.isBuffer(value)) return exact(Number(counter64(value)));
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return exact(Number(value.trim()));
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
