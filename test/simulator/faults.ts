/**
 * Misbehaviours of broken or hostile agents, for robustness tests of the SNMP client side. Each fault acts at
 * one stage of answering, and each stage is a data table the simulator consults in order:
 * 1. the request is dropped or answered with garbage (`silent`, `garbage`, `v1-only`, `stall-after-first`);
 * 2. the recording is rewritten once, column by column (`RECORD_FAULTS`: `wrong-types`, `odd-strings`);
 * 3. the MIB view lies about what comes next (`VIEW_FAULTS`: `growing-subtree`);
 * 4. the Response PDU is rewritten (`RESPONSE_FAULTS`: `loop`, the three exceptions, `wrong-request-id`);
 * 5. the encoded bytes are damaged (`WIRE_FAULTS`: `truncated`, `malformed-ber`);
 * 6. the answer leaves from another socket (`wrong-source`, in simulator.ts).
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { SnmpException, SnmpRequest, SnmpResponse } from './ber-codec';
import type { MibEntry, MibView } from './mib-view';
import { isStrictlyUnder } from './oid';
import type { SnmpValue, SnmprecRecord } from './snmprec';
import type { BulkLimits } from './responder';

/**
 * How a simulated device misbehaves:
 * - `silent`: the port is open but nothing ever answers (firewalled agent, wrong SNMP version everywhere);
 * - `garbage`: every request gets random bytes that are not a BER message;
 * - `v1-only`: SNMPv2c requests are ignored, SNMPv1 is answered (old printers and UPS cards);
 * - `loop`: GetNext/GetBulk answers repeat the requested OID instead of a greater one (buggy firmware that
 *   makes naive walkers spin forever);
 * - `stall-after-first`: the first request is answered, later ones never (an agent that hangs mid-walk);
 * - `growing-subtree`: after the last real row of every table column, GetNext/GetBulk invent one more row
 *   (`<column>.<last row + 1>`), forever: each answer is greater and stays in the walked subtree (scalars `….0` are real);
 * - `end-of-mib`, `no-such-object`, `no-such-instance`: every varbind of every response carries that
 *   RFC 3416 exception, whatever was asked (so it sits in every position of Get, GetNext and GetBulk);
 * - `wrong-types`: Printer-MIB, HOST-RESOURCES-MIB, IF-MIB and system columns hold the wrong SMI type, negative
 *   or absurd numbers, Counter64 and Opaque values (`WRONG_TYPES`);
 * - `odd-strings`: OCTET STRINGs of 0 bytes, of 65,000 bytes, of invalid UTF-8 and with NUL bytes in sysDescr,
 *   sysName, sysLocation, sysContact, prtGeneralSerialNumber and supply descriptions (`ODD_STRINGS`);
 * - `wrong-request-id`: every answer carries another request-id than the request's;
 * - `wrong-source`: the (correct) answer leaves from another UDP port of the device's address;
 * - `truncated`: a valid response with its last third cut off;
 * - `malformed-ber`: a valid response whose BER lengths lie (`BER_LIES`, one after the other).
 */
export type FaultMode =
  | 'silent'
  | 'garbage'
  | 'v1-only'
  | 'loop'
  | 'stall-after-first'
  | 'growing-subtree'
  | 'end-of-mib'
  | 'no-such-object'
  | 'no-such-instance'
  | 'wrong-types'
  | 'odd-strings'
  | 'wrong-request-id'
  | 'wrong-source'
  | 'truncated'
  | 'malformed-ber';

/** Every fault mode, for table-driven tests. */
export const FAULT_MODES: readonly FaultMode[] = [
  'silent',
  'garbage',
  'v1-only',
  'loop',
  'stall-after-first',
  'growing-subtree',
  'end-of-mib',
  'no-such-object',
  'no-such-instance',
  'wrong-types',
  'odd-strings',
  'wrong-request-id',
  'wrong-source',
  'truncated',
  'malformed-ber',
];

/** 8 to 64 random bytes, never starting with a SEQUENCE tag so that no parser can mistake them for SNMP. */
export function garbageBytes(): Buffer {
  const bytes = randomBytes(randomInt(8, 65));
  if (bytes[0] === 0x30) bytes[0] = 0xff;
  return bytes;
}

/** The `loop` fault: every varbind of a GetNext/GetBulk response carries the OID it was asked for. */
export function repeatRequestedOids(request: SnmpRequest, response: SnmpResponse): SnmpResponse {
  if (request.kind === 'get') return response;
  const nonRepeaters = Math.min(request.nonRepeaters, request.oids.length);
  const repeaters = request.oids.length - nonRepeaters;
  const requestedOid = (index: number): string =>
    index < nonRepeaters
      ? request.oids[index]
      : request.oids[nonRepeaters + ((index - nonRepeaters) % Math.max(repeaters, 1))];
  return {
    ...response,
    varbinds: response.varbinds.map((varbind, i) => ({ ...varbind, oid: requestedOid(i) })),
  };
}

// ---- 2. Recording rewrites -------------------------------------------------------------------------------

/**
 * One lie about a column or scalar: every recorded instance under `oid` (or the scalar instance `oid` itself,
 * added when the recording lacks it) takes `value`.
 */
export interface ValueOverride {
  /** Numeric OID of a column (every row) or of a scalar instance ending in `.0`. */
  readonly oid: string;
  /** The object's MIB name, for reading the table. */
  readonly name: string;
  readonly value: SnmpValue;
}

const octets = (text: string): SnmpValue => ({ type: 'OctetString', value: Buffer.from(text, 'utf8') });
const bytes = (...values: readonly (number | string)[]): SnmpValue => ({
  type: 'OctetString',
  value: Buffer.concat(
    values.map((v) => (typeof v === 'string' ? Buffer.from(v, 'latin1') : Buffer.from([v]))),
  ),
});

/** Size of the `odd-strings` sysDescr: 64 KiB less what the rest of the response needs (UDP carries 65,507). */
export const HUGE_STRING_BYTES = 65_000;

/** Values of the wrong SMI type, negative and absurd, in the columns readers trust most (RFC 3805, RFC 2790). */
export const WRONG_TYPES: readonly ValueOverride[] = [
  { oid: '1.3.6.1.2.1.1.3.0', name: 'sysUpTime', value: octets('yesterday') },
  { oid: '1.3.6.1.2.1.1.7.0', name: 'sysServices', value: { type: 'Integer', value: -1 } },
  { oid: '1.3.6.1.2.1.2.2.1.3', name: 'ifType', value: octets('ethernet') },
  { oid: '1.3.6.1.2.1.2.2.1.6', name: 'ifPhysAddress', value: { type: 'Integer', value: 42 } },
  {
    oid: '1.3.6.1.2.1.25.2.3.1.4',
    name: 'hrStorageAllocationUnits',
    value: { type: 'Counter64', value: 1n << 40n },
  },
  { oid: '1.3.6.1.2.1.25.2.3.1.5', name: 'hrStorageSize', value: { type: 'Integer', value: -1 } },
  { oid: '1.3.6.1.2.1.25.3.2.1.2', name: 'hrDeviceType', value: octets('printer') },
  { oid: '1.3.6.1.2.1.25.3.5.1.1', name: 'hrPrinterStatus', value: { type: 'Integer', value: -7 } },
  {
    oid: '1.3.6.1.2.1.25.3.5.1.2',
    name: 'hrPrinterDetectedErrorState',
    value: { type: 'Integer', value: 12 },
  },
  {
    oid: '1.3.6.1.2.1.43.10.2.1.4',
    name: 'prtMarkerLifeCount',
    value: { type: 'Counter64', value: (1n << 64n) - 1n },
  },
  {
    oid: '1.3.6.1.2.1.43.11.1.1.4',
    name: 'prtMarkerSuppliesClass',
    value: { type: 'Opaque', value: Buffer.from('9f780441a00000', 'hex') }, // Opaque float 20.0
  },
  {
    oid: '1.3.6.1.2.1.43.11.1.1.5',
    name: 'prtMarkerSuppliesType',
    value: { type: 'Integer', value: 2_147_483_647 },
  },
  {
    oid: '1.3.6.1.2.1.43.11.1.1.7',
    name: 'prtMarkerSuppliesSupplyUnit',
    value: { type: 'Counter32', value: 0xffff_ffff },
  },
  {
    oid: '1.3.6.1.2.1.43.11.1.1.8',
    name: 'prtMarkerSuppliesMaxCapacity',
    value: { type: 'Integer', value: -2_147_483_648 },
  },
  { oid: '1.3.6.1.2.1.43.11.1.1.9', name: 'prtMarkerSuppliesLevel', value: octets('75%') },
];

/** OCTET STRINGs that are empty, huge, invalid UTF-8 or full of NULs. */
export const ODD_STRINGS: readonly ValueOverride[] = [
  {
    oid: '1.3.6.1.2.1.1.1.0',
    name: 'sysDescr',
    value: octets('Hostile agent '.padEnd(HUGE_STRING_BYTES, 'x')),
  },
  { oid: '1.3.6.1.2.1.1.4.0', name: 'sysContact', value: bytes() },
  // C3 28 is an invalid UTF-8 sequence; 81 is undefined in windows-1252; FF FE is a stray byte-order mark.
  { oid: '1.3.6.1.2.1.1.5.0', name: 'sysName', value: bytes('imprimante-', 0xc3, 0x28, 0x81, 0xff, 0xfe) },
  { oid: '1.3.6.1.2.1.1.6.0', name: 'sysLocation', value: bytes(0, 'Salle', 0, 'B12', 0, 0, 0) },
  { oid: '1.3.6.1.2.1.43.5.1.1.17', name: 'prtGeneralSerialNumber', value: bytes() },
  // E9 alone is invalid UTF-8 (Latin-1 é): the declared charset fails, the generic decoder takes over.
  {
    oid: '1.3.6.1.2.1.43.11.1.1.6',
    name: 'prtMarkerSuppliesDescription',
    value: bytes('Toner', 0, 'noir ', 0xe9, 0, 0),
  },
];

/** The rewrites of a recording, by fault. */
export const RECORD_FAULTS: Partial<Readonly<Record<FaultMode, readonly ValueOverride[]>>> = {
  'wrong-types': WRONG_TYPES,
  'odd-strings': ODD_STRINGS,
};

/**
 * The recording a faulty device serves: `records` with the overrides of `fault` applied (unchanged for
 * faults that do not rewrite values). Order is left to the MIB view.
 */
export function applyRecordFault(
  records: readonly SnmprecRecord[],
  fault: FaultMode | undefined,
): SnmprecRecord[] {
  const overrides = fault === undefined ? undefined : RECORD_FAULTS[fault];
  if (!overrides) return [...records];
  const under = (override: ValueOverride, oid: string) =>
    oid === override.oid || oid.startsWith(`${override.oid}.`);
  const rewritten = records.map((record) => {
    const override = overrides.find((o) => under(o, record.oid));
    return override ? { oid: record.oid, value: override.value } : record;
  });
  const missingScalars = overrides
    .filter((o) => o.oid.endsWith('.0') && !records.some((record) => record.oid === o.oid))
    .map((o) => ({ oid: o.oid, value: o.value }));
  return [...rewritten, ...missingScalars];
}

// ---- 3. View lies ----------------------------------------------------------------------------------------

/**
 * The `growing-subtree` view: exact lookups are true, but past the last real row of a column (when the real
 * successor of `oid` is not under the same parent) the agent invents `parent.(last + 1)`, whose value is the
 * Integer `last + 1`. Scalar instances (last arc 0) keep their real successor, so the system group still reads.
 */
export function growingView(view: MibView): MibView {
  return {
    ...view,
    next: (oid) => {
      const real = view.next(oid);
      const parent = oid.slice(0, -1);
      const last = oid[oid.length - 1];
      if (last === 0 || (real && isStrictlyUnder(parent, real.parts))) return real;
      const parts = [...parent, last + 1];
      const phantom: MibEntry = { oid: parts.join('.'), parts, value: { type: 'Integer', value: last + 1 } };
      return phantom;
    },
  };
}

/** Views that lie, by fault. */
export const VIEW_FAULTS: Partial<Readonly<Record<FaultMode, (view: MibView) => MibView>>> = {
  'growing-subtree': growingView,
};

// ---- 4. Response rewrites --------------------------------------------------------------------------------

/** Every varbind of the response carries `exception` (RFC 3416 §3), in every position. */
export function exceptionEverywhere(type: SnmpException['type']) {
  return (_request: SnmpRequest, response: SnmpResponse): SnmpResponse => ({
    ...response,
    varbinds: response.varbinds.map((varbind) => ({ oid: varbind.oid, value: { type } })),
  });
}

/** Another request-id than the request's, of the same sign (so it encodes in as many bytes). */
export function otherRequestId(_request: SnmpRequest, response: SnmpResponse): SnmpResponse {
  return { ...response, requestId: response.requestId ^ 0x0101 };
}

/** Rewrites of the Response PDU, by fault. */
export const RESPONSE_FAULTS: Partial<
  Readonly<Record<FaultMode, (request: SnmpRequest, response: SnmpResponse) => SnmpResponse>>
> = {
  loop: repeatRequestedOids,
  'end-of-mib': exceptionEverywhere('endOfMibView'),
  'no-such-object': exceptionEverywhere('noSuchObject'),
  'no-such-instance': exceptionEverywhere('noSuchInstance'),
  'wrong-request-id': otherRequestId,
};

/** Bulk limits other than the default, by fault: the 65,000-byte sysDescr must fit one GetBulk response. */
export const BULK_LIMITS_BY_FAULT: Partial<Readonly<Record<FaultMode, BulkLimits>>> = {
  'odd-strings': { maxVarbinds: 64, maxVarbindBytes: 65_300 },
};

// ---- 5. Wire damage --------------------------------------------------------------------------------------

/** Offset and size of the length field of the TLV starting at `offset` (X.690 §8.1.3). */
function lengthField(message: Buffer, offset: number): { at: number; size: number } {
  const first = message[offset + 1];
  return { at: offset + 1, size: first < 0x80 ? 1 : 1 + (first & 0x7f) };
}

/** Replaces the length field of the TLV at `offset` with `length` (raw length octets). */
function withLength(message: Buffer, offset: number, length: readonly number[]): Buffer {
  const { at, size } = lengthField(message, offset);
  return Buffer.concat([message.subarray(0, at), Buffer.from(length), message.subarray(at + size)]);
}

/** Offset of the community OCTET STRING: after the message SEQUENCE header and the version INTEGER. */
function communityOffset(message: Buffer): number {
  const outer = lengthField(message, 0);
  const version = outer.at + outer.size;
  return version + 2 + message[version + 1];
}

/** Offset of the request-id INTEGER: the first TLV inside the PDU, after the community. */
function requestIdOffset(message: Buffer): number {
  const community = communityOffset(message);
  const pdu = community + 2 + message[community + 1];
  const header = lengthField(message, pdu);
  return header.at + header.size;
}

/** Offset of the error-status INTEGER, after the request-id. */
function errorStatusOffset(message: Buffer): number {
  const requestId = requestIdOffset(message);
  return requestId + 2 + message[requestId + 1];
}

/**
 * Ways BER lengths lie in a response (X.690 §8.1.3), each a function of the well-formed message: the
 * community claims 127 bytes, the request-id claims 127 bytes, the error-status claims none. (Lies in
 * SEQUENCE lengths are not served: asn1-ber, like most BER readers, reads what a SEQUENCE holds without
 * checking its length, so such a lie changes nothing the client sees.)
 */
export const BER_LIES: readonly ((message: Buffer) => Buffer)[] = [
  (message) => withLength(message, communityOffset(message), [0x7f]),
  (message) => withLength(message, requestIdOffset(message), [0x7f]),
  (message) => withLength(message, errorStatusOffset(message), [0x00]),
];

/** Damage to the encoded response, by fault; `answerIndex` (0, 1, 2… per device) picks variants in turn. */
export const WIRE_FAULTS: Partial<
  Readonly<Record<FaultMode, (message: Buffer, answerIndex: number) => Buffer>>
> = {
  truncated: (message) => message.subarray(0, Math.max(1, Math.floor((message.length * 2) / 3))),
  'malformed-ber': (message, answerIndex) => BER_LIES[answerIndex % BER_LIES.length](message),
};
