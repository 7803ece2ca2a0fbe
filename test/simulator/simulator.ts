/**
 * A UDP SNMP agent simulator for integration and end-to-end tests: each simulated device answers SNMPv1 and
 * SNMPv2c Get, GetNext and GetBulk requests from an snmprec recording, on its own 127.x.y.z address, all on
 * one shared UDP port. Loopback only; no MIB files; read-only (SetRequest and v3 messages are not answered).
 */
import { createSocket, type Socket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { decodeRequest, encodeResponse, type SnmpRequest, type SnmpResponse } from './ber-codec';
import {
  applyRecordFault,
  BULK_LIMITS_BY_FAULT,
  garbageBytes,
  RESPONSE_FAULTS,
  VIEW_FAULTS,
  WIRE_FAULTS,
  type FaultMode,
} from './faults';
import { createMibView, type MibView } from './mib-view';
import { DEFAULT_BULK_LIMITS, respond, type BulkLimits } from './responder';
import { parseSnmprec, type SnmprecRecord } from './snmprec';

export { parseSnmprec } from './snmprec';
export type { SnmprecRecord, SnmpValue } from './snmprec';
export type { FaultMode } from './faults';
export { FAULT_MODES } from './faults';

/** One simulated agent. */
export interface SimDevice {
  /** Loopback IPv4 address the device listens on, in 127.0.0.0/8 (e.g. `127.77.0.10`). */
  readonly address: string;
  /** The recording to serve, parsed or as the path of an `.snmprec` file. */
  readonly records: readonly SnmprecRecord[] | string;
  /** Accepted communities; requests with another community get no answer. Default `['public']`. */
  readonly communities?: readonly string[];
  /** Misbehaviour to simulate; a well-behaved agent when absent. */
  readonly fault?: FaultMode;
}

/** A running simulator. */
export interface Simulator {
  /** UDP port shared by every device. */
  readonly port: number;
  /** Closes every socket; safe to call twice. */
  stop(): Promise<void>;
  /** Datagrams received (answered or not) by one device, or by all devices when `address` is omitted. */
  requests(address?: string): number;
}

interface DeviceState {
  readonly view: MibView;
  readonly limits: BulkLimits;
  readonly communities: readonly Buffer[];
  readonly fault: FaultMode | undefined;
  received: number;
  answered: number;
}

const BIND_ATTEMPTS = 5;

/**
 * Starts one socket per device on a shared port: `options.port`, or a free one found by binding the first
 * device on port 0 (retried when the port turns out to be taken on another address).
 * @throws Error when a device address is not a distinct 127.0.0.0/8 address, a recording is malformed, or
 * the sockets cannot be bound.
 */
export async function startSimulator(options: {
  readonly devices: readonly SimDevice[];
  readonly port?: number;
}): Promise<Simulator> {
  const addresses = options.devices.map((device) => device.address);
  if (addresses.length === 0) throw new Error('startSimulator needs at least one device');
  for (const address of addresses) assertLoopback(address);
  if (new Set(addresses).size !== addresses.length) throw new Error('device addresses must be distinct');

  const states = options.devices.map(createState);
  const sockets = await bindAll(addresses, options.port);
  // `wrong-source` devices answer from a second socket: same address, another (random) port.
  const senders: (Socket | null)[] = [];
  try {
    for (const [i, device] of options.devices.entries()) {
      senders.push(device.fault === 'wrong-source' ? await bindSocket(addresses[i], 0) : null);
    }
  } catch (error) {
    await Promise.all([...sockets, ...senders.filter((s): s is Socket => s !== null)].map(closeSocket));
    throw error;
  }
  sockets.forEach((socket, i) => {
    const state = states[i];
    const sender = senders[i] ?? socket;
    socket.on('message', (message, remote) => {
      state.received++;
      const reply = handleDatagram(state, message);
      if (reply) sender.send(reply, remote.port, remote.address);
    });
  });
  const allSockets = [...sockets, ...senders.filter((s): s is Socket => s !== null)];

  let stopped: Promise<void> | undefined;
  return {
    port: sockets[0].address().port,
    stop: () => (stopped ??= Promise.all(allSockets.map(closeSocket)).then(() => undefined)),
    requests: (address) =>
      states
        .filter((_, i) => address === undefined || addresses[i] === address)
        .reduce((sum, state) => sum + state.received, 0),
  };
}

function createState(device: SimDevice): DeviceState {
  const records =
    typeof device.records === 'string' ? parseSnmprec(readFileSync(device.records, 'utf8')) : device.records;
  const view = createMibView(applyRecordFault(records, device.fault));
  const lie = device.fault === undefined ? undefined : VIEW_FAULTS[device.fault];
  return {
    view: lie ? lie(view) : view,
    limits: (device.fault && BULK_LIMITS_BY_FAULT[device.fault]) ?? DEFAULT_BULK_LIMITS,
    communities: (device.communities ?? ['public']).map((community) => Buffer.from(community, 'utf8')),
    fault: device.fault,
    received: 0,
    answered: 0,
  };
}

/** The reply to one datagram, or null for silence (malformed message, wrong community, fault). */
function handleDatagram(state: DeviceState, message: Buffer): Buffer | null {
  if (state.fault === 'silent') return null;
  if (state.fault === 'garbage') return garbageBytes();
  let request: SnmpRequest;
  try {
    request = decodeRequest(message);
  } catch {
    return null; // real agents drop what they cannot parse (snmpInASNParseErrs)
  }
  if (!state.communities.some((community) => community.equals(request.community))) return null;
  if (state.fault === 'v1-only' && request.version !== 0) return null;
  if (state.fault === 'stall-after-first' && state.answered > 0) return null;
  let response: SnmpResponse | null;
  try {
    response = respond(state.view, request, state.limits);
  } catch {
    return null; // a malformed OID in the request
  }
  if (!response) return null;
  state.answered++;
  const rewrite = state.fault === undefined ? undefined : RESPONSE_FAULTS[state.fault];
  const encoded = encodeResponse(rewrite ? rewrite(request, response) : response);
  const damage = state.fault === undefined ? undefined : WIRE_FAULTS[state.fault];
  return damage ? damage(encoded, state.answered - 1) : encoded;
}

function assertLoopback(address: string): void {
  const parts = address.split('.');
  const valid = parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255);
  if (!valid || parts[0] !== '127')
    throw new Error(`simulated devices must use 127.0.0.0/8, not '${address}'`);
}

async function bindAll(addresses: readonly string[], port: number | undefined): Promise<Socket[]> {
  for (let attempt = 1; ; attempt++) {
    const sockets: Socket[] = [];
    try {
      for (const address of addresses) {
        sockets.push(await bindSocket(address, sockets.length > 0 ? sockets[0].address().port : (port ?? 0)));
      }
      return sockets;
    } catch (error) {
      await Promise.all(sockets.map(closeSocket));
      const portTaken = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
      if (port !== undefined || !portTaken || attempt >= BIND_ATTEMPTS) throw error;
    }
  }
}

function bindSocket(address: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.once('error', (error) => {
      socket.close();
      reject(error);
    });
    socket.bind(port, address, () => {
      socket.removeAllListeners('error');
      // A send failure must not crash the test process; the client simply sees no answer.
      socket.on('error', () => undefined);
      resolve(socket);
    });
  });
}

function closeSocket(socket: Socket): Promise<void> {
  return new Promise((resolve) => socket.close(() => resolve()));
}
