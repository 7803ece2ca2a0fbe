/**
 * The PJLink client: one TCP connection to a projector, the greeting, authentication when asked,
 * then CLSS and the status queries one after the other (JBMIA PJLink class 1 v1.04 and class 2
 * v2.00). Read-only: it never sends a set command.
 */
import type { PjlinkStatus } from '../../../../shared/domain/projector';
import { pjlinkDigest } from './auth';
import { openLineSocket, type LineSocket } from './line-socket';
import {
  buildCommand,
  CLASS_COMMAND,
  isAuthError,
  parseClass,
  parseGreeting,
  parseResponse,
  PJLINK_ERROR_CODES,
  PJLINK_PORT,
  STATUS_QUERIES,
} from './protocol';

/** Default time allowed for each exchange (connection, greeting, one command and its answer), milliseconds. */
export const PJLINK_TIMEOUT_MS = 2000;

/** The whole query is bounded by this many exchange timeouts. */
const OVERALL_TIMEOUTS = 10;

/** Options of `queryPjlink`. Times in milliseconds. */
export interface PjlinkQueryOptions {
  /** TCP port, default 4352. */
  readonly port?: number;
  /** PJLink password, used only when the projector asks for one; never logged nor put in a message. */
  readonly password?: string;
  /** Per exchange, default 2000. The whole query gets at most 10 times this. */
  readonly timeoutMs?: number;
  /** Aborting closes the connection; the query then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/**
 * Why a PJLink query failed:
 * - `refused`: nothing listens on the port, or the host cannot be reached (system error);
 * - `timeout`: no connection, or connected but no greeting, within the timeout;
 * - `auth`: the projector wants a password and none was given, or it answered `PJLINK ERRA`;
 * - `protocol`: the greeting is not PJLink's, or the projector refused the session (`PJLINK ERRn`).
 * `greeted` is true when a PJLink greeting was read: the device speaks PJLink even though the
 * query failed (see `isPjlinkDevice`). Messages never contain the password or the digest.
 */
export class PjlinkError extends Error {
  constructor(
    readonly kind: 'refused' | 'timeout' | 'auth' | 'protocol',
    message: string,
    readonly greeted = false,
  ) {
    super(message);
    this.name = 'PjlinkError';
  }
}

/**
 * True when a `queryPjlink` outcome proves a PJLink projector at the address: a status, or a
 * `PjlinkError` thrown after the PJLink greeting (kind `auth`: "PJLink present but locked").
 * False for `refused`, `timeout` and a non-PJLink greeting (no PJLink there, or nothing known).
 */
export function isPjlinkDevice(outcome: PjlinkStatus | unknown): boolean {
  if (outcome instanceof PjlinkError) return outcome.greeted;
  return (
    typeof outcome === 'object' && outcome !== null && 'pjlinkClass' in outcome && 'unavailable' in outcome
  );
}

/**
 * Reads a projector's PJLink status over one TCP connection: greeting, MD5 authentication when the
 * greeting is `PJLINK 1 <random>`, CLSS, then POWR, INPT, AVMT, ERST, LAMP, NAME, INF1, INF2, INFO
 * (`%1`) and, for class 2, SNUM, SVER, FILT, RLMP, RFIL (`%2`).
 *
 * Each exchange waits at most `timeoutMs`, the whole query at most 10 × `timeoutMs`. A command
 * answered ERR1–ERR4 or malformed, left unanswered in time, or cut by the projector closing the
 * connection (standby projectors do) leaves its field null and is listed in `unavailable`; the
 * query still resolves with what was read.
 * @param host IPv4 address (or name) of the projector.
 * @throws PjlinkError `refused`, `timeout`, `auth` or `protocol` (see the class); the signal's
 * reason when `options.signal` aborts.
 */
export async function queryPjlink(host: string, options: PjlinkQueryOptions = {}): Promise<PjlinkStatus> {
  const port = options.port ?? PJLINK_PORT;
  const timeoutMs = options.timeoutMs ?? PJLINK_TIMEOUT_MS;
  const { signal } = options;
  const deadline = Date.now() + OVERALL_TIMEOUTS * timeoutMs;
  const where = `${host}:${port}`;

  const opened = await openLineSocket(host, port, timeoutMs, signal);
  throwIfAborted(signal);
  if ('failure' in opened) {
    if (opened.failure.kind === 'timeout') {
      throw new PjlinkError('timeout', `No TCP connection to ${where} within ${timeoutMs} ms.`);
    }
    const code = opened.failure.kind === 'refused' ? opened.failure.code : 'aborted';
    throw new PjlinkError('refused', `Nothing answers PJLink on ${where} (${code}).`);
  }
  const { socket } = opened;
  const onAbort = (): void => socket.close();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const random = await readGreeting(socket, where, timeoutMs, signal);
    if (random !== null && (options.password === undefined || options.password === '')) {
      throw new PjlinkError('auth', `The projector at ${where} needs a PJLink password.`, true);
    }
    const session: Session = {
      socket,
      signal,
      where,
      timeoutMs,
      deadline,
      digest: random === null ? null : pjlinkDigest(random, options.password ?? ''),
      closed: false,
    };
    return await readStatus(session, random !== null);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    socket.close();
  }
}

/** Reads the greeting. @returns the random number to authenticate with, or null for `PJLINK 0`. */
async function readGreeting(
  socket: LineSocket,
  where: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<string | null> {
  // Give up as soon as the first bytes cannot start "PJLINK " (an SSH or HTTP banner).
  const notPjlink = (partial: string): boolean => {
    const start = partial.replace(/^[\0\s]+/, '').slice(0, 7);
    return !'PJLINK '.startsWith(start.toUpperCase());
  };
  const result = await socket.readLine(timeoutMs, notPjlink);
  throwIfAborted(signal);
  if ('timedOut' in result) {
    throw new PjlinkError('timeout', `No PJLink greeting from ${where} within ${timeoutMs} ms.`);
  }
  if ('closed' in result) {
    throw new PjlinkError('protocol', `${where} closed the connection without a PJLink greeting.`);
  }
  const greeting = parseGreeting(result.line);
  if (greeting === null) throw new PjlinkError('protocol', `${where} does not speak PJLink.`);
  if (greeting.kind === 'error') {
    if (greeting.code === 'ERRA') {
      throw new PjlinkError('auth', `The projector at ${where} refused the session (PJLINK ERRA).`, true);
    }
    const meaning = PJLINK_ERROR_CODES[greeting.code];
    throw new PjlinkError('protocol', `The projector at ${where} refused the session (${meaning}).`, true);
  }
  return greeting.kind === 'challenge' ? greeting.random : null;
}

/** An authenticated (or open) connection being read. `digest` is sent once, before the first command. */
interface Session {
  readonly socket: LineSocket;
  readonly signal: AbortSignal | undefined;
  readonly where: string;
  readonly timeoutMs: number;
  readonly deadline: number;
  digest: string | null;
  closed: boolean;
}

async function readStatus(session: Session, authenticated: boolean): Promise<PjlinkStatus> {
  const status: PjlinkStatus = {
    pjlinkClass: 1,
    power: null,
    input: null,
    avMute: null,
    errors: null,
    lamps: [],
    name: null,
    manufacturer: null,
    product: null,
    otherInfo: null,
    serial: null,
    softwareVersion: null,
    lampModel: null,
    filterModel: null,
    filterHours: null,
    authenticated,
    unavailable: [],
  };

  const classValue = await exchange(session, 1, CLASS_COMMAND);
  const pjlinkClass = classValue === null ? null : parseClass(classValue);
  if (pjlinkClass === null) status.unavailable.push(CLASS_COMMAND);
  else status.pjlinkClass = pjlinkClass;

  for (const query of STATUS_QUERIES) {
    if (query.pjlinkClass > status.pjlinkClass) continue;
    const value = await exchange(session, query.pjlinkClass, query.command);
    if (value === null || !query.apply(status, value)) status.unavailable.push(query.command);
  }
  return status;
}

/**
 * Sends one query and waits for the answer to that command, skipping lines about other commands
 * (a late answer to an earlier query that timed out, class 2 notifications).
 * @returns the value, or null when the command gave nothing usable (error code, time out, closed).
 * @throws PjlinkError `auth` on `PJLINK ERRA` or an `ERRA` answer.
 */
async function exchange(session: Session, pjlinkClass: 1 | 2, command: string): Promise<string | null> {
  const exchangeDeadline = Math.min(Date.now() + session.timeoutMs, session.deadline);
  if (session.closed || exchangeDeadline <= Date.now()) return null;
  session.socket.write((session.digest ?? '') + buildCommand(pjlinkClass, command));
  session.digest = null;
  for (;;) {
    const result = await session.socket.readLine(exchangeDeadline - Date.now());
    throwIfAborted(session.signal);
    if ('timedOut' in result) return null;
    if ('closed' in result) {
      session.closed = true;
      return null;
    }
    if (isAuthError(result.line)) throw refusedPassword(session.where);
    const response = parseResponse(result.line);
    if (response === null || response.command !== command) continue;
    if (response.kind === 'value') return response.value;
    if (response.code === 'ERRA') throw refusedPassword(session.where);
    return null;
  }
}

function refusedPassword(where: string): PjlinkError {
  return new PjlinkError('auth', `The projector at ${where} refused the PJLink password (ERRA).`, true);
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  signal?.throwIfAborted();
}
