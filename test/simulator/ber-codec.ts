/**
 * BER encoding and decoding of SNMPv1 / SNMPv2c community messages (RFC 1157, RFC 3416 PDUs, RFC 1901
 * message wrapper), on top of `asn1-ber`. Only what an agent needs: decode requests, encode responses.
 */
import { Ber } from 'asn1-ber';
import type { SnmpValue } from './snmprec';

/** Message version field: 0 = SNMPv1, 1 = SNMPv2c. */
export type CommunityVersion = 0 | 1;

/** The request PDUs the simulator answers. */
export type RequestKind = 'get' | 'getNext' | 'getBulk';

/** A decoded GetRequest, GetNextRequest or GetBulkRequest. */
export interface SnmpRequest {
  readonly version: CommunityVersion;
  /** Community exactly as sent. */
  readonly community: Buffer;
  readonly kind: RequestKind;
  readonly requestId: number;
  /** GetBulk only (0 otherwise): leading varbinds answered once. */
  readonly nonRepeaters: number;
  /** GetBulk only (0 otherwise): GetNext repetitions for the other varbinds. */
  readonly maxRepetitions: number;
  /** Requested OIDs, dotted. Request values are ignored (they are NULL for these PDUs). */
  readonly oids: readonly string[];
}

/** SNMPv2 exception values (RFC 3416 §3), encoded as context-specific NULLs. */
export type SnmpException = { readonly type: 'noSuchObject' | 'noSuchInstance' | 'endOfMibView' };

/** One variable binding of a response. */
export interface Varbind {
  readonly oid: string;
  readonly value: SnmpValue | SnmpException;
}

/** A Response PDU inside its community message. */
export interface SnmpResponse {
  readonly version: CommunityVersion;
  readonly community: Buffer;
  readonly requestId: number;
  /** RFC 3416 error-status (0 noError, 2 noSuchName, …). */
  readonly errorStatus: number;
  /** 1-based index of the failing varbind, 0 when none. */
  readonly errorIndex: number;
  readonly varbinds: readonly Varbind[];
}

const TAG = {
  Sequence: 0x30,
  Integer: 0x02,
  OctetString: 0x04,
  IpAddress: 0x40,
  Counter32: 0x41,
  Gauge32: 0x42,
  TimeTicks: 0x43,
  Opaque: 0x44,
  Counter64: 0x46,
  noSuchObject: 0x80,
  noSuchInstance: 0x81,
  endOfMibView: 0x82,
  Response: 0xa2,
} as const;

const REQUEST_KINDS: Readonly<Record<number, RequestKind>> = {
  0xa0: 'get',
  0xa1: 'getNext',
  0xa5: 'getBulk',
};

/**
 * Decodes a community-based request message.
 * @throws Error when the bytes are not a well-formed v1/v2c Get, GetNext or GetBulk message.
 */
export function decodeRequest(buffer: Buffer): SnmpRequest {
  const reader = new Ber.Reader(buffer);
  present(reader.readSequence(TAG.Sequence));
  const version = present(reader.readInt(TAG.Integer));
  if (version !== 0 && version !== 1) throw new Error(`unsupported SNMP version field ${version}`);
  const community = present(reader.readString(TAG.OctetString, true));
  const kind = REQUEST_KINDS[present(reader.readSequence())];
  if (kind === undefined) throw new Error('unsupported PDU type');
  const requestId = present(reader.readInt(TAG.Integer));
  const nonRepeaters = present(reader.readInt(TAG.Integer));
  const maxRepetitions = present(reader.readInt(TAG.Integer));
  present(reader.readSequence(TAG.Sequence));
  const end = reader.offset + reader.length;
  const oids: string[] = [];
  while (reader.offset < end) {
    present(reader.readSequence(TAG.Sequence));
    oids.push(present(reader.readOID()));
    present(reader.readString(present(reader.peek()), true));
  }
  const isBulk = kind === 'getBulk';
  return {
    version,
    community,
    kind,
    requestId,
    nonRepeaters: isBulk ? Math.max(0, nonRepeaters) : 0,
    maxRepetitions: isBulk ? Math.max(0, maxRepetitions) : 0,
    oids,
  };
}

/** Encodes a complete Response message. */
export function encodeResponse(response: SnmpResponse): Buffer {
  const writer = new Ber.Writer();
  writer.startSequence();
  writer.writeInt(response.version, TAG.Integer);
  writer.writeBuffer(response.community, TAG.OctetString);
  writer.startSequence(TAG.Response);
  writer.writeInt(response.requestId, TAG.Integer);
  writer.writeInt(response.errorStatus, TAG.Integer);
  writer.writeInt(response.errorIndex, TAG.Integer);
  writer.startSequence();
  for (const varbind of response.varbinds) writer.writeBuffer(encodeVarbind(varbind));
  writer.endSequence();
  writer.endSequence();
  writer.endSequence();
  return writer.buffer;
}

/** Encodes one `SEQUENCE { name OID, value }`; its length is what a varbind costs in a response. */
export function encodeVarbind(varbind: Varbind): Buffer {
  const writer = new Ber.Writer();
  writer.startSequence();
  writer.writeOID(varbind.oid);
  writeValue(writer, varbind.value);
  writer.endSequence();
  return writer.buffer;
}

function writeValue(writer: Ber.Writer, value: SnmpValue | SnmpException): void {
  switch (value.type) {
    case 'Integer':
    case 'Counter32':
    case 'Gauge32':
    case 'TimeTicks':
      // asn1-ber writes the shortest two's-complement form, so 2^32-1 becomes 00 ff ff ff ff as required.
      return writer.writeInt(value.value, TAG[value.type]);
    case 'OctetString':
    case 'Opaque':
      return writer.writeBuffer(value.value, TAG[value.type]);
    case 'Null':
      return writer.writeNull();
    case 'ObjectIdentifier':
      return writer.writeOID(value.value);
    case 'IpAddress':
      return writer.writeBuffer(Buffer.from(value.value.split('.').map(Number)), TAG.IpAddress);
    case 'Counter64':
      return writer.writeBuffer(unsignedBytes(value.value), TAG.Counter64);
    case 'noSuchObject':
    case 'noSuchInstance':
    case 'endOfMibView':
      writer.writeByte(TAG[value.type]);
      return writer.writeByte(0);
    default:
      return assertNever(value);
  }
}

/** Content octets of an unsigned INTEGER: big-endian, a leading 00 when the top bit is set. */
function unsignedBytes(value: bigint): Buffer {
  const hex = value.toString(16);
  const bytes = Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, 'hex');
  return bytes[0] >= 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes;
}

function present<T>(value: T | null): T {
  if (value === null) throw new Error('truncated BER message');
  return value;
}

function assertNever(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}
