/**
 * The only user of net-snmp: SNMP v1, v2c and v3 sessions with timeouts, retries and pacing
 * (walks are built on them in read.ts). Every request is awaited one after the other on a session, so a device never
 * has more than one of our requests in flight; a shared pacer caps the scan's request rate.
 */
import { getCiphers } from 'node:crypto';
import snmp from 'net-snmp';
import type { Credential } from '../../../shared/domain/credentials';
import type { RequestWindow } from './window';
import { SnmpType, type Varbind } from './values';

/** How to reach an agent. Times in milliseconds. */
export interface SessionOptions {
  port: number;
  /** Per-request timeout, milliseconds. */
  timeoutMs: number;
  /** Extra attempts after a timeout (0 = one attempt). */
  retries: number;
  /** Awaited before every request (rate limit shared by a scan); optional. */
  pace?: () => Promise<void>;
  /** Adaptive limit on the requests in flight to agents that answered, shared by a scan (window.ts). */
  window?: RequestWindow;
  /** Called each time a request leaves (after pacing and the window): a probe's clock starts then. */
  onSend?: () => void;
  /** The agent is known to answer (it did during this scan): the window and the longer timeout at once. */
  knownAgent?: boolean;
}

/** One agent, reached with one credential. Methods reject with `SnmpError` on timeouts and failures. */
export interface SnmpSession {
  readonly version: '1' | '2c' | '3';
  /** GET: one entry per OID, null where the agent has no such object/instance. */
  get(oids: readonly string[]): Promise<(Varbind | null)[]>;
  /** GETNEXT: the next object after each OID, null at the end of the MIB. */
  getNext(oids: readonly string[]): Promise<(Varbind | null)[]>;
  /**
   * GETBULK (RFC 3416 §4.2.3): the object after each of `next` (non-repeaters), then up to
   * `maxRepetitions` successors of each of `columns`, in one request. SNMPv2c and v3 only
   * (`walkColumns` in read.ts walks with GETNEXT on v1).
   * @returns `next[i]` answers `next[i]`; `columns[j]` lists the successors of `columns[j]` in
   *   order (fewer than asked when the agent shortened its answer); null for an end of MIB.
   */
  getBulk(next: readonly string[], columns: readonly string[], maxRepetitions: number): Promise<BulkAnswer>;
  close(): void;
}

/** The answer to a GETBULK, split per requested OID (see `SnmpSession.getBulk`). */
export interface BulkAnswer {
  next: (Varbind | null)[];
  columns: (Varbind | null)[][];
}

/**
 * Why a request failed:
 * - `timeout`: no answer at all;
 * - `error-status`: the agent answered with an SNMP error (RFC 3416), so the credential is good;
 * - `auth`: an SNMPv3 agent refused the user, key or security level (a USM report, RFC 3414);
 * - `invalid`: an answer came but could not be decoded or did not match the request.
 * Messages never contain a community or key.
 */
export class SnmpError extends Error {
  constructor(
    readonly kind: 'timeout' | 'error-status' | 'auth' | 'invalid',
    message: string,
    /** SNMP error-status (RFC 3416) for `error-status`, e.g. 2 noSuchName. */
    readonly status?: number,
  ) {
    super(message);
  }
  /** True when the agent accepted the credential (it answered, maybe with an error-status). */
  get credentialAccepted(): boolean {
    return this.kind === 'error-status';
  }
}

/** Opens an SNMP session to `host` with `credential`. Creating one sends nothing. */
export type SessionFactory = (host: string, credential: Credential, options: SessionOptions) => SnmpSession;

/**
 * True when this runtime can encrypt with the given SNMPv3 privacy protocol. DES-CBC needs
 * OpenSSL's legacy provider on Node 20+ (`--openssl-legacy-provider`); Electron has it built in.
 */
export function privacySupported(protocol: 'des' | 'aes'): boolean {
  return getCiphers().includes(protocol === 'des' ? 'des-cbc' : 'aes-128-cfb');
}

const AUTH = { md5: snmp.AuthProtocols.md5, sha: snmp.AuthProtocols.sha, sha256: snmp.AuthProtocols.sha256 };
const PRIV = { des: snmp.PrivProtocols.des, aes: snmp.PrivProtocols.aes };
const EXCEPTIONS = new Set<number>([SnmpType.NoSuchObject, SnmpType.NoSuchInstance, SnmpType.EndOfMibView]);

/** The real factory, on net-snmp. */
export const createNetSnmpSession: SessionFactory = (host, credential, options) => {
  const common = {
    port: options.port,
    timeout: options.timeoutMs,
    retries: options.retries,
    // One request at a time per session; read.ts checks OID order in its walks.
    backwardsGetNexts: true,
    idBitsSize: 32 as const,
  };
  let raw: snmp.Session;
  let version: SnmpSession['version'];
  if (credential.kind === 'community') {
    version = credential.version;
    raw = snmp.createSession(host, credential.community, {
      ...common,
      version: credential.version === '1' ? snmp.Version1 : snmp.Version2c,
    });
  } else {
    version = '3';
    const user: snmp.User = {
      name: credential.user,
      level: credential.priv ? snmp.SecurityLevel.authPriv : snmp.SecurityLevel.authNoPriv,
      authProtocol: AUTH[credential.auth.protocol],
      authKey: credential.auth.key,
      ...(credential.priv
        ? { privProtocol: PRIV[credential.priv.protocol], privKey: credential.priv.key }
        : {}),
    };
    raw = snmp.createV3Session(host, user, { ...common, version: snmp.Version3 });
  }
  // A socket error or an undecodable packet must never crash the process: requests then time
  // out, and a timeout after undecodable packets is reported as an invalid answer.
  let undecodable = false;
  raw.on('error', () => {
    undecodable = true;
  });
  // Once the agent has answered, it is there: give its later requests a longer timeout (a busy
  // agent or an old printer answers walks slowly; the short one is for silent addresses).
  let timeoutMs = options.timeoutMs;
  if (options.knownAgent) {
    timeoutMs = options.timeoutMs * ANSWERED_TIMEOUT_FACTOR;
    (raw as unknown as { timeout: number }).timeout = timeoutMs;
  }
  const answered = () => {
    if (timeoutMs !== options.timeoutMs) return;
    timeoutMs = options.timeoutMs * ANSWERED_TIMEOUT_FACTOR;
    (raw as unknown as { timeout: number }).timeout = timeoutMs;
  };
  const call = caller(
    () => undecodable,
    () => timeoutMs * (options.retries + 1) + WATCHDOG_MARGIN_MS,
    answered,
  );
  const send: Send = async (start) => {
    if (options.pace) await options.pace();
    const known = timeoutMs !== options.timeoutMs;
    const release = options.window && known ? await options.window.acquire() : null;
    options.onSend?.();
    const started = performance.now();
    try {
      const result = await call(start);
      release?.(performance.now() - started);
      return result;
    } catch (error) {
      release?.(error instanceof SnmpError && error.kind === 'timeout' ? null : performance.now() - started);
      throw error;
    }
  };
  return wrapSession(raw, version, send);
};

/** net-snmp ResponseInvalidCode values that mean "the v3 credential was refused". */
const AUTH_CODES = new Set([4, 5, 14]);

function toSnmpError(error: unknown, undecodable: () => boolean): SnmpError {
  if (error instanceof SnmpError) return error;
  const e = error as { name?: string; status?: number; code?: number };
  if (e?.name === 'RequestTimedOutError') {
    return undecodable()
      ? new SnmpError('invalid', 'answers that are not valid SNMP')
      : new SnmpError('timeout', 'no answer (timeout)');
  }
  if (e?.name === 'RequestFailedError') {
    return new SnmpError('error-status', `agent error-status ${e.status ?? '?'}`, e.status);
  }
  if (e?.name === 'ResponseInvalidError' && e.code !== undefined && AUTH_CODES.has(e.code)) {
    return new SnmpError('auth', 'SNMPv3 credential refused by the agent');
  }
  // net-snmp's own messages may quote the community: keep only the error code.
  const code =
    e?.name === 'ResponseInvalidError' ? (snmp.ResponseInvalidCode[e.code ?? 0] ?? e.code) : e?.name;
  return new SnmpError('invalid', `invalid answer (${code ?? 'unknown'})`);
}

function normalise(vb: snmp.Varbind): Varbind | null {
  if (EXCEPTIONS.has(vb.type as number)) return null;
  return {
    oid: vb.oid.replace(/^\./, ''),
    type: vb.type as number,
    value: (vb.value ?? null) as Varbind['value'],
  };
}

/**
 * Factor applied to the timeout of a session once its agent has answered a request: the scan's
 * timeout is sized for silent addresses, and an agent that answered is only busy.
 */
const ANSWERED_TIMEOUT_FACTOR = 3;

/** Extra time, milliseconds, a request may take beyond its own timeouts before the watchdog ends it. */
const WATCHDOG_MARGIN_MS = 2000;

/**
 * Wraps net-snmp's callback calls as promises. A watchdog rejects with a timeout when net-snmp
 * never calls back (it does not when its socket cannot be bound, e.g. out of file descriptors),
 * so one broken request never stalls a scan.
 */
function caller(undecodable: () => boolean, watchdogMs: () => number, answered: () => void) {
  return function call(
    start: (cb: (error: Error | null, result?: (snmp.Varbind | snmp.Varbind[])[]) => void) => void,
  ): Promise<(snmp.Varbind | snmp.Varbind[])[]> {
    return new Promise((resolve, reject) => {
      const watchdog = setTimeout(
        () => reject(new SnmpError('timeout', 'no answer (timeout)')),
        watchdogMs(),
      );
      watchdog.unref();
      const settle = (fn: () => void) => {
        clearTimeout(watchdog);
        fn();
      };
      try {
        start((error, result) =>
          settle(() => {
            const failure = error ? toSnmpError(error, undecodable) : null;
            if (!failure || failure.credentialAccepted) answered();
            if (failure) reject(failure);
            else resolve(result ?? []);
          }),
        );
      } catch (error) {
        settle(() => reject(toSnmpError(error, undecodable)));
      }
    });
  };
}

/** Sends one request through the scan's pacing and window, as a promise (see `caller`). */
type Send = ReturnType<typeof caller>;

function wrapSession(raw: snmp.Session, version: SnmpSession['version'], send: Send): SnmpSession {
  let closed = false;

  const get = async (oids: readonly string[]) => {
    const vbs = (await send((cb) => raw.get([...oids], cb))) as snmp.Varbind[];
    return vbs.map(normalise);
  };
  const getNext = async (oids: readonly string[]) => {
    const vbs = (await send((cb) => raw.getNext([...oids], cb))) as snmp.Varbind[];
    return vbs.map(normalise);
  };
  const getBulk = async (
    next: readonly string[],
    columns: readonly string[],
    maxRepetitions: number,
  ): Promise<BulkAnswer> => {
    if (version === '1') throw new SnmpError('invalid', 'SNMPv1 has no GETBULK');
    const nested = await send((cb) => raw.getBulk([...next, ...columns], next.length, maxRepetitions, cb));
    const one = (vb: snmp.Varbind | undefined) => (vb === undefined ? null : normalise(vb));
    return {
      next: next.map((_, i) => one(nested[i] as snmp.Varbind | undefined)),
      columns: columns.map((_, j) =>
        ((nested[next.length + j] as snmp.Varbind[] | undefined) ?? []).map(normalise),
      ),
    };
  };

  return {
    version,
    get,
    getNext,
    getBulk,
    close() {
      if (closed) return;
      closed = true;
      try {
        raw.close();
      } catch {
        // already closed by net-snmp after a socket error
      }
    },
  };
}
