/**
 * The snmprec text format (as read by snmpsim and LibreNMS tests): one `OID|TYPE|VALUE` line per object,
 * numeric OID without a leading dot, TYPE the BER tag number of the value (RFC 2578 / RFC 3416), with an
 * `x` suffix when VALUE is written in hexadecimal. Blank lines and lines starting with `#` are comments.
 */
import { compareOids, parseOid } from './oid';

/** An SNMP value as the simulator serves it, by SMI type (RFC 2578 §7.1). */
export type SnmpValue =
  /** Tag 2, INTEGER / Integer32, −2^31 … 2^31−1. */
  | { readonly type: 'Integer'; readonly value: number }
  /** Tag 4, exact bytes (a plain value is UTF-8 text, `4x` gives the bytes in hex). */
  | { readonly type: 'OctetString'; readonly value: Buffer }
  /** Tag 5. */
  | { readonly type: 'Null' }
  /** Tag 6, dotted numeric OID. */
  | { readonly type: 'ObjectIdentifier'; readonly value: string }
  /** Tag 64 (0x40), dotted IPv4 address. */
  | { readonly type: 'IpAddress'; readonly value: string }
  /** Tags 65, 66, 67: unsigned 32-bit; TimeTicks count hundredths of a second. */
  | { readonly type: 'Counter32' | 'Gauge32' | 'TimeTicks'; readonly value: number }
  /** Tag 68 (0x44), the wrapped BER bytes (always hex in snmprec, e.g. an Opaque float `9f780441a00000`). */
  | { readonly type: 'Opaque'; readonly value: Buffer }
  /** Tag 70 (0x46), unsigned 64-bit, exact. */
  | { readonly type: 'Counter64'; readonly value: bigint };

/** One object instance of a recording. */
export interface SnmprecRecord {
  /** Dotted numeric OID, no leading dot. */
  readonly oid: string;
  readonly value: SnmpValue;
}

const MAX_UINT32 = 0xffff_ffff;
const MAX_UINT64 = (1n << 64n) - 1n;

/**
 * Parses snmprec text into records sorted by OID (component-wise), keeping the first of duplicate OIDs.
 * @throws Error naming the line number when a line is malformed or a value is out of range for its type.
 */
export function parseSnmprec(text: string): SnmprecRecord[] {
  const byOid = new Map<string, { parts: number[]; record: SnmprecRecord }>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    try {
      const record = parseLine(line);
      if (!byOid.has(record.oid)) byOid.set(record.oid, { parts: parseOid(record.oid), record });
    } catch (error) {
      throw new Error(`snmprec line ${index + 1}: ${(error as Error).message}`, { cause: error });
    }
  });
  return [...byOid.values()].sort((a, b) => compareOids(a.parts, b.parts)).map((entry) => entry.record);
}

function parseLine(line: string): SnmprecRecord {
  const first = line.indexOf('|');
  const second = line.indexOf('|', first + 1);
  if (first < 0 || second < 0) throw new Error(`expected OID|TYPE|VALUE, got '${line}'`);
  const oid = line.slice(0, first).replace(/^\./, '');
  parseOid(oid);
  return { oid, value: parseValue(line.slice(first + 1, second), line.slice(second + 1)) };
}

function parseValue(type: string, text: string): SnmpValue {
  switch (type) {
    case '2':
      return { type: 'Integer', value: parseInteger(text, -(2 ** 31), 2 ** 31 - 1) };
    case '4':
      return { type: 'OctetString', value: Buffer.from(text, 'utf8') };
    case '4x':
      return { type: 'OctetString', value: parseHex(text) };
    case '5':
      return { type: 'Null' };
    case '6':
      parseOid(text);
      return { type: 'ObjectIdentifier', value: text };
    case '64':
      return { type: 'IpAddress', value: parseIpAddress(text) };
    case '65':
      return { type: 'Counter32', value: parseInteger(text, 0, MAX_UINT32) };
    case '66':
      return { type: 'Gauge32', value: parseInteger(text, 0, MAX_UINT32) };
    case '67':
      return { type: 'TimeTicks', value: parseInteger(text, 0, MAX_UINT32) };
    case '68':
    case '68x':
      return { type: 'Opaque', value: parseHex(text) };
    case '70':
      return { type: 'Counter64', value: parseCounter64(text) };
    default:
      throw new Error(`unsupported type '${type}'`);
  }
}

function parseInteger(text: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(text)) throw new Error(`'${text}' is not an integer`);
  const value = Number(text);
  if (value < min || value > max) throw new Error(`${text} is outside ${min}…${max}`);
  return value;
}

function parseCounter64(text: string): bigint {
  if (!/^\d+$/.test(text)) throw new Error(`'${text}' is not an unsigned integer`);
  const value = BigInt(text);
  if (value > MAX_UINT64) throw new Error(`${text} is above 2^64-1`);
  return value;
}

function parseHex(text: string): Buffer {
  if (!/^([0-9a-fA-F]{2})*$/.test(text)) throw new Error(`'${text}' is not hexadecimal bytes`);
  return Buffer.from(text, 'hex');
}

function parseIpAddress(text: string): string {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) {
    throw new Error(`'${text}' is not an IPv4 address`);
  }
  return text;
}
