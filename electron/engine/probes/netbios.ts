/**
 * NetBIOS name service NODE STATUS (NBSTAT) over UDP 137, RFC 1002 §4.2.17 (request) and §4.2.18
 * (response): the names a Windows PC (or a Samba server, or some printers) has registered, its
 * workgroup or domain, and the MAC in the statistics' UNIT_ID. The messenger name of the logged-on
 * user (suffix 0x03) is personal data: it is dropped while decoding and never leaves this module.
 */
import { createSocket } from 'node:dgram';
import { randomInt } from 'node:crypto';
import ipaddr from 'ipaddr.js';

/** One entry of the NODE_NAME array: the name (trailing spaces removed), its 16th byte and its G flag. */
export interface NetbiosName {
  name: string;
  /** The 16th byte: 0x00 workstation / domain, 0x20 file server, 0x1b/0x1c/0x1d/0x1e domain roles… */
  suffix: number;
  /** NAME_FLAGS G bit: a group name (workgroup, domain), else a unique name. */
  group: boolean;
}

/** What a node status response says about a host. */
export interface NodeStatus {
  /** Registered names in the order of the response, without the user's messenger name (see module doc). */
  names: NetbiosName[];
  /** The first unique name with suffix 0x00 (the computer name), or null. */
  computerName: string | null;
  /** The first group name with suffix 0x00 (the workgroup or NT domain), or null. */
  workgroup: string | null;
  /** UNIT_ID of the statistics as `aa:bb:cc:dd:ee:ff`; null when all zero (Samba) or absent. */
  mac: string | null;
}

/** Options of {@link queryNodeStatus}. */
export interface NodeStatusQueryOptions {
  /** UDP port of the name service, default 137. */
  port?: number;
  /** Wait for an answer after each send, in milliseconds. */
  timeoutMs: number;
  /** Sends after the first one, default 1. */
  retries?: number;
  /** Aborting closes the socket and resolves null at once. */
  signal?: AbortSignal;
}

/** RFC 1002 §4.2.1.1 header size, and the question/RR name of "*": length 32 + 32 half-ASCII bytes + root. */
const HEADER_LENGTH = 12;
/** QTYPE / RR_TYPE NBSTAT (§4.2.1.2) and QCLASS / RR_CLASS IN. */
const TYPE_NBSTAT = 0x0021;
const CLASS_IN = 0x0001;
/** One NODE_NAME entry: 16 bytes of name + 2 bytes NAME_FLAGS (§4.2.18). */
const NODE_NAME_LENGTH = 18;
const UNIT_ID_LENGTH = 6;
/** Header flag bits (§4.2.1.1): R (response), OPCODE (4 bits), RCODE (4 bits). */
const FLAG_RESPONSE = 0x8000;
const OPCODE_MASK = 0x7800;
const RCODE_MASK = 0x000f;
/** NAME_FLAGS G bit. */
const NAME_FLAG_GROUP = 0x8000;
/** Suffixes we read (Microsoft's 16th-byte conventions). */
const SUFFIX_WORKSTATION = 0x00;
const SUFFIX_MESSENGER = 0x03;
const DEFAULT_PORT = 137;
const DEFAULT_RETRIES = 1;

/**
 * Encodes a NetBIOS name (16 bytes: padded name + suffix) as an RFC 1001 §14.1 first-level encoded label:
 * each half-byte becomes 'A' + nibble, preceded by the length 32, followed by the empty root label.
 */
function encodeName(raw: Buffer): Buffer {
  const out = Buffer.alloc(34);
  out[0] = 32;
  for (let i = 0; i < 16; i++) {
    out[1 + 2 * i] = 0x41 + (raw[i] >> 4);
    out[2 + 2 * i] = 0x41 + (raw[i] & 0x0f);
  }
  out[33] = 0;
  return out;
}

/**
 * The 50-byte NODE STATUS REQUEST (RFC 1002 §4.2.17): header with `transactionId`, all flags clear (a
 * unicast query, no recursion), QDCOUNT 1; question name "*" padded with NULs (§4.2.17 wildcard),
 * QTYPE NBSTAT 0x21, QCLASS IN.
 * @throws RangeError when `transactionId` is not an integer in 0..65535.
 */
export function encodeNodeStatusRequest(transactionId: number): Buffer {
  if (!Number.isInteger(transactionId) || transactionId < 0 || transactionId > 0xffff) {
    throw new RangeError(`NetBIOS transaction id out of range: ${transactionId}`);
  }
  const header = Buffer.alloc(HEADER_LENGTH);
  header.writeUInt16BE(transactionId, 0);
  header.writeUInt16BE(1, 4); // QDCOUNT
  const wildcard = Buffer.alloc(16);
  wildcard[0] = 0x2a; // '*', then 15 NULs
  const tail = Buffer.alloc(4);
  tail.writeUInt16BE(TYPE_NBSTAT, 0);
  tail.writeUInt16BE(CLASS_IN, 2);
  return Buffer.concat([header, encodeName(wildcard), tail]);
}

/** A bounds-checked reader: every read names what it reads, and throws instead of running off the end. */
class Reader {
  constructor(
    private readonly buf: Buffer,
    public offset = 0,
  ) {}
  private need(length: number, what: string): void {
    if (this.offset + length > this.buf.length) {
      throw new Error(`NetBIOS node status response truncated: ${what} at byte ${this.offset}`);
    }
  }
  u8(what: string): number {
    this.need(1, what);
    return this.buf[this.offset++];
  }
  u16(what: string): number {
    this.need(2, what);
    const value = this.buf.readUInt16BE(this.offset);
    this.offset += 2;
    return value;
  }
  bytes(length: number, what: string): Buffer {
    this.need(length, what);
    const value = this.buf.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }
  /** Skips a domain-style name (§4.1): labels up to the root label, or ending in a compression pointer. */
  skipName(what: string): void {
    for (let total = 0; ;) {
      const length = this.u8(what);
      if (length === 0) return;
      if ((length & 0xc0) === 0xc0) {
        this.u8(what);
        return;
      }
      if (length > 63) throw new Error(`NetBIOS node status response: bad label length ${length} in ${what}`);
      total += length + 1;
      if (total > 255) throw new Error(`NetBIOS node status response: ${what} longer than 255 bytes`);
      this.bytes(length, what);
    }
  }
}

/**
 * Decodes a NODE STATUS RESPONSE (RFC 1002 §4.2.18): header, any echoed questions, then the first answer
 * of type NBSTAT whose RDATA is NUM_NAMES, NUM_NAMES × (16-byte name + NAME_FLAGS), then STATISTICS whose
 * first 6 bytes are UNIT_ID. Names are decoded as Latin-1 with trailing spaces and NULs removed. A RDATA
 * whose statistics are shorter than UNIT_ID (some embedded stacks) gives `mac: null`.
 * @param transactionId when given, the NAME_TRN_ID the response must carry.
 * @throws Error (with a message saying what is wrong) when the packet is not a response, carries another
 * transaction id, an error RCODE, another opcode, no NBSTAT answer, or is truncated anywhere. Never reads
 * outside `buf`.
 */
export function decodeNodeStatusResponse(buf: Buffer, transactionId?: number): NodeStatus {
  const reader = new Reader(buf);
  const id = reader.u16('NAME_TRN_ID');
  const flags = reader.u16('flags');
  const qdCount = reader.u16('QDCOUNT');
  const anCount = reader.u16('ANCOUNT');
  reader.u16('NSCOUNT');
  reader.u16('ARCOUNT');
  if (transactionId !== undefined && id !== transactionId) {
    throw new Error(`NetBIOS response for transaction ${id}, expected ${transactionId}`);
  }
  if ((flags & FLAG_RESPONSE) === 0) throw new Error('NetBIOS packet is a request, not a response');
  if ((flags & OPCODE_MASK) !== 0)
    throw new Error(`NetBIOS response has opcode ${(flags & OPCODE_MASK) >> 11}`);
  if ((flags & RCODE_MASK) !== 0) throw new Error(`NetBIOS response has error RCODE ${flags & RCODE_MASK}`);
  if (anCount === 0) throw new Error('NetBIOS node status response has no answer');

  for (let i = 0; i < qdCount; i++) {
    reader.skipName('question name');
    reader.bytes(4, 'question type and class');
  }
  for (let i = 0; i < anCount; i++) {
    reader.skipName('RR_NAME');
    const type = reader.u16('RR_TYPE');
    const rrClass = reader.u16('RR_CLASS');
    reader.bytes(4, 'TTL');
    const rdLength = reader.u16('RDLENGTH');
    const rdata = reader.bytes(rdLength, 'RDATA');
    if (type === TYPE_NBSTAT && rrClass === CLASS_IN) return decodeRdata(rdata);
  }
  throw new Error('NetBIOS response has no NBSTAT answer');
}

/** NODE_NAME array and STATISTICS of one NBSTAT answer. */
function decodeRdata(rdata: Buffer): NodeStatus {
  const reader = new Reader(rdata);
  const count = reader.u8('NUM_NAMES');
  const all: NetbiosName[] = [];
  for (let i = 0; i < count; i++) {
    const raw = reader.bytes(NODE_NAME_LENGTH, 'NODE_NAME');
    all.push({
      name: raw.toString('latin1', 0, 15).replace(/[ \0]+$/, ''),
      suffix: raw[15],
      group: (raw.readUInt16BE(16) & NAME_FLAG_GROUP) !== 0,
    });
  }
  const isUnique = (suffix: number) => (entry: NetbiosName) => !entry.group && entry.suffix === suffix;
  const computerName = all.find(isUnique(SUFFIX_WORKSTATION))?.name ?? null;
  const workgroup = all.find((entry) => entry.group && entry.suffix === SUFFIX_WORKSTATION)?.name ?? null;
  // The messenger service registers COMPUTER<03> and USER<03>: keep the first, drop the user's.
  const names = all.filter((entry) => !isUnique(SUFFIX_MESSENGER)(entry) || entry.name === computerName);
  const remaining = rdata.length - reader.offset;
  const unitId = remaining >= UNIT_ID_LENGTH ? reader.bytes(UNIT_ID_LENGTH, 'UNIT_ID') : null;
  const mac =
    unitId === null || unitId.every((byte) => byte === 0)
      ? null
      : [...unitId].map((byte) => byte.toString(16).padStart(2, '0')).join(':');
  return { names, computerName, workgroup, mac };
}

/**
 * Asks `ip` for its node status over UDP (one socket per query, source port chosen by the system; bound to
 * 127.0.0.1 when `ip` is a loopback address so that tests never open a socket on the LAN). The request is
 * sent again after each silent `timeoutMs`, `retries` times (same transaction id, so a late answer to an
 * earlier send still counts). Datagrams from another address, with another transaction id, or malformed
 * are ignored.
 * @returns the decoded status, or null when nothing valid arrived in time, the socket failed, `signal` was
 * aborted, or `ip` is not a dotted IPv4 address (nothing is sent then: no name lookup). Never rejects.
 */
export function queryNodeStatus(ip: string, options: NodeStatusQueryOptions): Promise<NodeStatus | null> {
  const port = options.port ?? DEFAULT_PORT;
  const sends = 1 + Math.max(0, options.retries ?? DEFAULT_RETRIES);
  const transactionId = randomInt(0, 0x10000);
  const request = encodeNodeStatusRequest(transactionId);
  const { signal } = options;
  if (signal?.aborted || !ipaddr.IPv4.isValidFourPartDecimal(ip)) return Promise.resolve(null);

  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    let timer: NodeJS.Timeout | undefined;
    let sent = 0;
    let settled = false;
    const finish = (status: NodeStatus | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.close();
      resolve(status);
    };
    const onAbort = (): void => finish(null);
    const send = (): void => {
      if (settled) return;
      if (sent++ === sends) return finish(null);
      socket.send(request, port, ip, (error) => {
        if (error) finish(null);
      });
      timer = setTimeout(send, options.timeoutMs);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.on('error', () => finish(null));
    socket.on('message', (message, remote) => {
      if (remote.address !== ip) return;
      try {
        finish(decodeNodeStatusResponse(message, transactionId));
      } catch {
        // Not our answer, or not a valid one: keep waiting for the right one until the timeout.
      }
    });
    const loopback = ipaddr.IPv4.parse(ip).range() === 'loopback';
    socket.bind({ port: 0, address: loopback ? '127.0.0.1' : undefined }, send);
  });
}
