/**
 * A simulator of hosts without SNMP for the agentless probes (issue 10): on its own 127.x.y.z address,
 * each host accepts TCP connections on the listed ports (shifted by `portOffset`, since ports below 1024
 * need privileges) and closes them at once, and answers NetBIOS NODE STATUS requests (RFC 1002 §4.2.17)
 * with a node status response (§4.2.18) on `netbiosPort`. A host with nothing listed drops everything.
 * The response encoder here is written apart from the engine's decoder on purpose. Loopback only.
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type Server } from 'node:net';

/** One simulated host. */
export interface SimHost {
  /** Loopback IPv4 address, in 127.0.0.0/8 (tests use 127.78.0.x). */
  readonly address: string;
  /** Logical TCP ports that accept (each listens on port + portOffset). */
  readonly tcpPorts?: readonly number[];
  /** Answer NBSTAT with these; no answer at all when absent. `mac` is `aa:bb:cc:dd:ee:ff`. */
  readonly nbstat?: { readonly computerName: string; readonly workgroup: string; readonly mac: string };
}

/** A running host simulator. */
export interface HostSimulator {
  /** Closes every listener and socket; safe to call twice. */
  stop(): Promise<void>;
}

const TYPE_NBSTAT = 0x0021;
const CLASS_IN = 0x0001;
/** NAME_FLAGS: G (group) and ACT (active); B-node (ONT 00). */
const FLAG_GROUP = 0x8000;
const FLAG_ACTIVE = 0x0400;
/** Header flags of the response: R, AA; opcode 0 (query), RCODE 0. */
const RESPONSE_FLAGS = 0x8400;
const STATISTICS_LENGTH = 46;

/**
 * Starts the listeners of every host.
 * @throws Error when an address is not in 127.0.0.0/8 or a port cannot be bound (everything bound so far
 * is closed first).
 */
export async function startHostSimulator(options: {
  readonly hosts: readonly SimHost[];
  readonly portOffset: number;
  readonly netbiosPort: number;
}): Promise<HostSimulator> {
  const servers: Server[] = [];
  const sockets: UdpSocket[] = [];
  const stopAll = async (): Promise<void> => {
    await Promise.all([
      ...servers.map((server) => new Promise<void>((done) => server.close(() => done()))),
      ...sockets.map((socket) => new Promise<void>((done) => socket.close(() => done()))),
    ]);
  };
  try {
    for (const host of options.hosts) {
      if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host.address)) {
        throw new Error(`simulated host address must be in 127.0.0.0/8: ${host.address}`);
      }
      for (const port of host.tcpPorts ?? []) {
        servers.push(await listenTcp(host.address, port + options.portOffset));
      }
      if (host.nbstat) sockets.push(await listenNetbios(host.address, options.netbiosPort, host.nbstat));
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  let stopped: Promise<void> | undefined;
  return { stop: () => (stopped ??= stopAll()) };
}

function listenTcp(address: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => {
      socket.on('error', () => undefined); // the prober resets the connection at once
      socket.destroy();
    });
    server.once('error', reject);
    server.listen({ host: address, port, exclusive: true }, () => resolve(server));
  });
}

function listenNetbios(
  address: string,
  port: number,
  nbstat: NonNullable<SimHost['nbstat']>,
): Promise<UdpSocket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.once('error', reject);
    socket.on('message', (message, remote) => {
      const transactionId = nodeStatusRequestId(message);
      if (transactionId !== null) {
        socket.send(encodeNodeStatusResponse(transactionId, nbstat), remote.port, remote.address);
      }
    });
    socket.bind(port, address, () => {
      socket.off('error', reject);
      socket.on('error', () => undefined);
      resolve(socket);
    });
  });
}

/** The transaction id of a well-formed NBSTAT request (one question, 34-byte name, QTYPE 0x21), else null. */
export function nodeStatusRequestId(message: Buffer): number | null {
  if (message.length < 50 || (message.readUInt16BE(2) & 0x8000) !== 0 || message.readUInt16BE(4) !== 1) {
    return null;
  }
  if (message[12] !== 32 || message[45] !== 0) return null;
  if (message.readUInt16BE(46) !== TYPE_NBSTAT || message.readUInt16BE(48) !== CLASS_IN) return null;
  return message.readUInt16BE(0);
}

/** RFC 1001 §14.1 first-level encoding of a 16-byte NetBIOS name (length 32, half-bytes as 'A'+n, root). */
function encodeName(raw: Buffer): Buffer {
  const out = Buffer.alloc(34);
  out[0] = 32;
  raw.forEach((byte, i) => {
    out[1 + 2 * i] = 0x41 + (byte >> 4);
    out[2 + 2 * i] = 0x41 + (byte & 0x0f);
  });
  return out;
}

/** A NODE_NAME entry: 15-byte space-padded name, suffix, NAME_FLAGS. */
function nodeName(name: string, suffix: number, group: boolean): Buffer {
  const entry = Buffer.alloc(18, 0x20);
  entry.write(name.slice(0, 15), 'latin1');
  entry[15] = suffix;
  entry.writeUInt16BE((group ? FLAG_GROUP : 0) | FLAG_ACTIVE, 16);
  return entry;
}

/**
 * A node status response as Windows sends it: RR_NAME "*", NBSTAT/IN, TTL 0, names COMPUTERNAME<00>
 * unique, WORKGROUP<00> group, COMPUTERNAME<20> unique, then 46 bytes of statistics starting with UNIT_ID.
 */
export function encodeNodeStatusResponse(
  transactionId: number,
  nbstat: NonNullable<SimHost['nbstat']>,
): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(transactionId, 0);
  header.writeUInt16BE(RESPONSE_FLAGS, 2);
  header.writeUInt16BE(1, 6); // ANCOUNT
  const names = [
    nodeName(nbstat.computerName, 0x00, false),
    nodeName(nbstat.workgroup, 0x00, true),
    nodeName(nbstat.computerName, 0x20, false),
  ];
  const statistics = Buffer.alloc(STATISTICS_LENGTH);
  Buffer.from(nbstat.mac.replace(/[:-]/g, ''), 'hex').copy(statistics, 0, 0, 6);
  const rdata = Buffer.concat([Buffer.from([names.length]), ...names, statistics]);
  const rr = Buffer.alloc(10);
  rr.writeUInt16BE(TYPE_NBSTAT, 0);
  rr.writeUInt16BE(CLASS_IN, 2);
  rr.writeUInt32BE(0, 4); // TTL
  rr.writeUInt16BE(rdata.length, 8);
  const wildcard = Buffer.alloc(16); // "*" padded with NULs (RFC 1002 §4.2.17)
  wildcard[0] = 0x2a;
  return Buffer.concat([header, encodeName(wildcard), rr, rdata]);
}
