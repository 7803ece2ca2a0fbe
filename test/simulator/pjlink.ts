/**
 * A PJLink projector simulator for tests (JBMIA PJLink class 1 v1.04, class 2 v2.00): each simulated
 * projector listens on its own 127.x.y.z address and TCP port, greets, checks the MD5 digest when it
 * has a password, and answers status queries from its settings like a real projector would (ERR1 for
 * unknown commands and, on a class 1 projector, for every `%2` command). Read-only: set commands are
 * answered ERR2. Loopback only.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { pjlinkDigest } from '../../electron/engine/probes/pjlink/auth';

/**
 * How a simulated projector misbehaves:
 * - `silent`: accepts the TCP connection and never says anything;
 * - `close-in-standby`: when off, answers up to POWR, then closes the connection on the next command;
 * - `err3-in-standby`: when off, answers ERR3 (unavailable time) to LAMP, INPT and AVMT;
 * - `lowercase-padded`: every line, greeting included, in lower case with trailing spaces;
 * - `garbage-greeting`: greets like an SSH server, not PJLink;
 * - `stall-after-greeting`: greets (and checks the digest), then never answers a command.
 */
export type PjlinkSimFault =
  | 'silent'
  | 'close-in-standby'
  | 'lowercase-padded'
  | 'err3-in-standby'
  | 'garbage-greeting'
  | 'stall-after-greeting';

/** One simulated projector. Values are those the PJLink commands return. */
export interface PjlinkSimProjector {
  /** Loopback IPv4 address in 127.0.0.0/8, e.g. `127.79.0.10`. */
  readonly address: string;
  /** TCP port; 0 picks a free one (see `PjlinkSimulator.port`). */
  readonly port: number;
  readonly pjlinkClass: 1 | 2;
  /** When set, the greeting is `PJLINK 1 <random>` and the first command must carry MD5(random + password). */
  readonly password?: string;
  readonly power: 'off' | 'on' | 'cooling' | 'warming';
  /** INPT answer, default `31` (digital 1). */
  readonly input?: string;
  /** AVMT answer, default `30` (nothing muted). */
  readonly avMute?: string;
  /** LAMP pairs; empty (a laser projector) answers ERR1. */
  readonly lamps: readonly { readonly hours: number; readonly on: boolean }[];
  /** ERST answer, six digits `000000` (fan, lamp, temperature, cover, filter, other). */
  readonly errors: string;
  readonly name: string;
  readonly manufacturer: string;
  readonly product: string;
  readonly otherInfo: string;
  /** SNUM (class 2); empty answer when absent. */
  readonly serial?: string;
  /** SVER (class 2); empty answer when absent. */
  readonly softwareVersion?: string;
  /** FILT hours (class 2); ERR1 (no filter) when absent. */
  readonly filterHours?: number;
  /** RLMP (class 2); empty answer when absent. */
  readonly lampModel?: string;
  /** RFIL (class 2); empty answer when absent. */
  readonly filterModel?: string;
  readonly fault?: PjlinkSimFault;
}

/** A running simulator. */
export interface PjlinkSimulator {
  /** Closes every server and connection; safe to call twice. */
  stop(): Promise<void>;
  /** The port a projector listens on (useful with port 0). */
  port(address: string): number;
  /** TCP connections accepted by a projector so far. */
  connections(address: string): number;
  /** Command lines received by a projector (digest removed, CR removed), in order, e.g. `%1POWR ?`. */
  commands(address: string): string[];
}

const POWER_CODES = { off: '0', on: '1', cooling: '2', warming: '3' } as const;
const STANDBY_ERR3_COMMANDS = new Set(['LAMP', 'INPT', 'AVMT']);
const CLASS_2_COMMANDS = new Set(['SNUM', 'SVER', 'FILT', 'RLMP', 'RFIL', 'INNM', 'IRES', 'RRES', 'FREZ']);

interface Running {
  readonly projector: PjlinkSimProjector;
  readonly server: Server;
  readonly sockets: Set<Socket>;
  connections: number;
  readonly commands: string[];
}

/**
 * Starts one TCP server per projector, on its address and port.
 * @throws Error when an address is not in 127.0.0.0/8 or a server cannot listen (the ones already
 * started are stopped).
 */
export async function startPjlinkSimulator(options: {
  readonly projectors: readonly PjlinkSimProjector[];
}): Promise<PjlinkSimulator> {
  const running = new Map<string, Running>();
  const stop = async (): Promise<void> => {
    const all = [...running.values()];
    running.clear();
    await Promise.all(
      all.map(
        (entry) =>
          new Promise<void>((resolve) => {
            for (const socket of entry.sockets) socket.destroy();
            entry.server.close(() => resolve());
          }),
      ),
    );
  };
  try {
    for (const projector of options.projectors) {
      if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(projector.address)) {
        throw new Error(`not a loopback address: ${projector.address}`);
      }
      const entry: Running = {
        projector,
        server: createServer(),
        sockets: new Set(),
        connections: 0,
        commands: [],
      };
      running.set(projector.address, entry);
      entry.server.on('connection', (socket) => serve(entry, socket));
      await new Promise<void>((resolve, reject) => {
        entry.server.once('error', reject);
        entry.server.listen({ host: projector.address, port: projector.port }, () => resolve());
      });
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const find = (address: string): Running => {
    const entry = running.get(address);
    if (!entry) throw new Error(`no simulated projector at ${address}`);
    return entry;
  };
  return {
    stop,
    port: (address) => {
      const bound = find(address).server.address();
      if (bound === null || typeof bound === 'string') throw new Error(`${address} is not listening`);
      return bound.port;
    },
    connections: (address) => find(address).connections,
    commands: (address) => [...find(address).commands],
  };
}

function serve(entry: Running, socket: Socket): void {
  const { projector } = entry;
  entry.connections += 1;
  entry.sockets.add(socket);
  socket.on('close', () => entry.sockets.delete(socket));
  socket.on('error', () => socket.destroy());
  if (projector.fault === 'silent') return;
  if (projector.fault === 'garbage-greeting') {
    socket.write('SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n');
    return;
  }

  const send = (line: string): void => {
    if (socket.destroyed) return;
    socket.write(projector.fault === 'lowercase-padded' ? `${line.toLowerCase()}   \r` : `${line}\r`);
  };
  const random = projector.password === undefined ? null : randomBytes(4).toString('hex');
  let authenticated = random === null;
  let poweredAnswered = false;
  let buffered = '';
  send(random === null ? 'PJLINK 0' : `PJLINK 1 ${random}`);

  socket.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    for (let end = buffered.indexOf('\r'); end >= 0; end = buffered.indexOf('\r')) {
      let line = buffered.slice(0, end).replace(/^\n/, '');
      buffered = buffered.slice(end + 1);
      if (!authenticated && random !== null) {
        const expected = pjlinkDigest(random, projector.password ?? '');
        if (line.slice(0, 32).toLowerCase() !== expected) {
          send('PJLINK ERRA');
          socket.end();
          return;
        }
        authenticated = true;
        line = line.slice(32);
      }
      entry.commands.push(line);
      if (projector.fault === 'stall-after-greeting') continue;
      const match = /^%([12])([A-Z0-9]{4}) (.*)$/.exec(line);
      if (!match) continue;
      const [, prefix, command, parameter] = match;
      const standby = projector.power === 'off';
      if (projector.fault === 'close-in-standby' && standby && poweredAnswered) {
        socket.destroy();
        return;
      }
      send(`%${prefix}${command}=${answer(projector, prefix === '2' ? 2 : 1, command, parameter)}`);
      if (command === 'POWR') poweredAnswered = true;
    }
  });
}

/** The value (or error code) a projector answers to one command. */
function answer(
  projector: PjlinkSimProjector,
  pjlinkClass: 1 | 2,
  command: string,
  parameter: string,
): string {
  if (pjlinkClass > projector.pjlinkClass) return 'ERR1';
  if (CLASS_2_COMMANDS.has(command) && pjlinkClass !== 2) return 'ERR1';
  if (parameter !== '?') return 'ERR2';
  if (
    projector.fault === 'err3-in-standby' &&
    projector.power === 'off' &&
    STANDBY_ERR3_COMMANDS.has(command)
  ) {
    return 'ERR3';
  }
  switch (command) {
    case 'POWR':
      return POWER_CODES[projector.power];
    case 'INPT':
      return projector.input ?? '31';
    case 'AVMT':
      return projector.avMute ?? '30';
    case 'ERST':
      return projector.errors;
    case 'LAMP':
      return projector.lamps.length === 0
        ? 'ERR1'
        : projector.lamps.map((lamp) => `${lamp.hours} ${lamp.on ? 1 : 0}`).join(' ');
    case 'NAME':
      return projector.name;
    case 'INF1':
      return projector.manufacturer;
    case 'INF2':
      return projector.product;
    case 'INFO':
      return projector.otherInfo;
    case 'CLSS':
      return String(projector.pjlinkClass);
    case 'SNUM':
      return projector.serial ?? '';
    case 'SVER':
      return projector.softwareVersion ?? '';
    case 'FILT':
      return projector.filterHours === undefined ? 'ERR1' : String(projector.filterHours);
    case 'RLMP':
      return projector.lampModel ?? '';
    case 'RFIL':
      return projector.filterModel ?? '';
    default:
      return 'ERR1';
  }
}
