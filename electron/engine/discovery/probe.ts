/**
 * Finding which credential opens a host. The credentials are tried in order of preference, each
 * one a short while after the previous (so a host answering the first costs one request, and a
 * silent host about one timeout, not one per credential); the first one *in order* that the
 * agent accepts wins: the referent's order, with the one that worked last time for this device first.
 */
import type { Credential } from '../../../shared/domain/credentials';
import { PROBE_OIDS } from '../snmp/mibs/snmpv2-mib';
import { SnmpError, type SessionFactory, type SessionOptions, type SnmpSession } from '../snmp/session';

/** The outcome of probing one address; `T` is what the probe reads. */
export type ProbeOutcome<T = unknown> =
  | {
      kind: 'open';
      session: SnmpSession;
      credentialIndex: number;
      /** What the probe read; null when the agent refused it with an error-status (SNMPv1 lacking an object). */
      answer: T | null;
      /** Set when the agent answered the probe's first request, then failed it (e.g. stopped answering). */
      failure?: SnmpError;
    }
  /** Nothing answered with any credential. */
  | { kind: 'silent' }
  /** Something answered but no credential got a valid reply: `reason` says why (no secret in it). */
  | { kind: 'refused'; reason: string };

/** Longest wait, milliseconds, before the next credential is tried while the previous one has not answered. */
const MAX_STAGGER_MS = 250;

/** A probe attempt's result: the answer, a failure, or not sent (an earlier credential had already opened the host). */
type Attempt<T> = { answer: T | null; failure?: SnmpError } | SnmpError | 'not-sent';

/** `session`, calling `onAnswer` whenever one of its requests gets an answer. */
function watched(session: SnmpSession, onAnswer: () => void): SnmpSession {
  const tap =
    <A extends unknown[], R>(request: (...args: A) => Promise<R>) =>
    (...args: A) =>
      request(...args).then((result) => {
        onAnswer();
        return result;
      });
  return {
    version: session.version,
    get: tap(session.get),
    getNext: tap(session.getNext),
    getBulk: tap(session.getBulk),
    close: () => session.close(),
  };
}

/**
 * A probe for `probeHost`: one GET of sysObjectID, sysDescr and sysUpTime (SNMPv2-MIB, RFC 3418).
 * @returns the three varbinds (null where absent).
 */
export const probeSystem = (session: SnmpSession) => session.get(PROBE_OIDS);

/**
 * Probes `ip` with the credentials in `order`, each started `min(timeoutMs / 4, 250)` ms after
 * the previous unless an earlier one has already been accepted.
 * @param order indexes into `credentials`, in the order of preference.
 * @param read the probe's request(s) on a session; its first request decides whether the
 *   credential opens the host (default: GET of `PROBE_OIDS`).
 * @returns an open session (the caller closes it) with what the probe read, or why none opened.
 *   Never throws.
 */
export async function probeHost<T>(
  ip: string,
  credentials: readonly Credential[],
  order: readonly number[],
  openSession: SessionFactory,
  options: SessionOptions,
  read: (session: SnmpSession) => Promise<T>,
): Promise<ProbeOutcome<T>> {
  const stagger = Math.min(MAX_STAGGER_MS, options.timeoutMs / 4);
  const sessions: (SnmpSession | null)[] = order.map(() => null);
  let opened = false;
  const attempts = order.map((index, i): Promise<Attempt<T>> =>
    new Promise<void>((resolve) => (i === 0 ? resolve() : setTimeout(resolve, i * stagger))).then(
      (): Attempt<T> | Promise<Attempt<T>> => {
        if (opened) return 'not-sent';
        const session = openSession(ip, credentials[index], options);
        sessions[i] = session;
        let answered = false;
        return read(watched(session, () => (answered = opened = true))).then(
          (answer) => {
            opened = true;
            return { answer };
          },
          (error: unknown) => {
            const failure = error instanceof SnmpError ? error : new SnmpError('invalid', 'invalid answer');
            if (failure.credentialAccepted) opened = true;
            return answered ? { answer: null, failure } : failure;
          },
        );
      },
    ),
  );
  let winner = -1;
  let answer: T | null = null;
  let failure: SnmpError | undefined;
  const failures: SnmpError[] = [];
  for (let i = 0; i < attempts.length; i++) {
    const attempt = await attempts[i];
    if (attempt === 'not-sent') continue;
    if (!(attempt instanceof SnmpError) || attempt.credentialAccepted) {
      winner = i;
      if (!(attempt instanceof SnmpError)) ({ answer, failure } = attempt);
      break;
    }
    failures.push(attempt);
  }
  sessions.forEach((session, i) => {
    if (i !== winner) session?.close();
  });
  if (winner >= 0)
    return {
      kind: 'open',
      session: sessions[winner] as SnmpSession,
      credentialIndex: order[winner],
      answer,
      ...(failure ? { failure } : {}),
    };
  const answered = failures.find((f) => f.kind !== 'timeout');
  return answered ? { kind: 'refused', reason: answered.message } : { kind: 'silent' };
}

/**
 * The order to try `credentials` on each address: the referent's order, with the credential
 * that last worked for the device at that address first.
 * @param keyOf the keyed hash of a credential (credentials-repo); `remembered` maps IP → key.
 * @returns the credentials' keys (to remember the winner) and `orderFor(ip)`: indexes into `credentials`.
 */
export function credentialOrder(
  credentials: readonly Credential[],
  keyOf: (credential: Credential) => string,
  remembered: ReadonlyMap<string, string>,
): { keys: string[]; orderFor(ip: string): number[] } {
  const keys = credentials.map(keyOf);
  return {
    keys,
    orderFor(ip) {
      const order = credentials.map((_, i) => i);
      const preferred = keys.indexOf(remembered.get(ip) ?? '');
      if (preferred > 0) order.unshift(...order.splice(preferred, 1));
      return order;
    },
  };
}
