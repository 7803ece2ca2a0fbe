/**
 * Finding which credential opens a host. The credentials are tried in order of preference, each
 * one a short while after the previous (so a host answering the first costs one request, and a
 * silent host about one timeout, not one per credential); the first one *in order* that the
 * agent accepts wins: the referent's order, with the one that worked last time for this device first.
 */
import type { Credential } from '../../../shared/domain/credentials';
import { PROBE_OIDS } from '../snmp/mibs/snmpv2-mib';
import { SnmpError, type SessionFactory, type SessionOptions, type SnmpSession } from '../snmp/session';

/** A probe that opened its host; `T` is what the probe reads. */
export interface ProbeOpen<T> {
  kind: 'open';
  session: SnmpSession;
  credentialIndex: number;
  /** What the probe read; null when the agent refused it with an error-status (SNMPv1 lacking an object). */
  answer: T | null;
}

/** The outcome of probing one address; `T` is what the probe reads. */
export type ProbeOutcome<T> =
  | ProbeOpen<T>
  /** Nothing answered with any credential. */
  | { kind: 'silent' }
  /** Something answered but no credential got a valid reply: `reason` says why (no secret in it). */
  | { kind: 'refused'; reason: string };

/** A probe attempt's result: the answer, a failure, or not sent (an earlier credential had already opened the host). */
type Attempt<T> = { answer: T } | SnmpError | 'not-sent';

/**
 * A probe for `probeHost`: one GET of sysObjectID, sysDescr and sysUpTime (SNMPv2-MIB, RFC 3418).
 * @returns the three varbinds (null where absent).
 */
export const probeSystem = (session: SnmpSession) => session.get(PROBE_OIDS);

/**
 * Milliseconds between two credentials: a quarter of the timeout, or four times the scan's
 * smoothed latency when the agents answer slower (at most half the timeout), so that a busy
 * agent is not sent a second credential it will refuse while it works on the first.
 */
function staggerMs(options: SessionOptions): number {
  const busy = 4 * (options.window?.smoothedMs ?? 0);
  return Math.min(options.timeoutMs / 2, Math.max(options.timeoutMs / 4, busy));
}

/**
 * Probes `ip` with the credentials in `order`, each started once the previous one's request has
 * been out `staggerMs` without an answer (or has failed), unless an earlier one has already been
 * accepted.
 * @param order indexes into `credentials`, in the order of preference.
 * @param read the probe: one request on a session (e.g. `probeSystem`).
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
  const stagger = staggerMs(options);
  const sessions: (SnmpSession | null)[] = order.map(() => null);
  let opened = false;
  const attempts: Promise<Attempt<T>>[] = [];
  let previousSent: Promise<void> = Promise.resolve();
  for (let i = 0; i < order.length; i++) {
    let sent = () => undefined as void;
    const thisSent = new Promise<void>((resolve) => (sent = resolve));
    // The next credential goes once this one's request has been out `stagger` ms unanswered, or
    // has failed: time spent waiting for room in the scan's window does not count.
    const start =
      i === 0
        ? Promise.resolve()
        : Promise.race([
            // unref: once the probe has its answer, this wait must not keep a finished CLI alive.
            previousSent.then(() => new Promise<void>((resolve) => setTimeout(resolve, stagger).unref())),
            attempts[i - 1].then(() => undefined),
          ]);
    attempts.push(
      start.then((): Attempt<T> | Promise<Attempt<T>> => {
        if (opened) {
          sent();
          return 'not-sent';
        }
        const session = openSession(ip, credentials[order[i]], { ...options, onSend: sent });
        sessions[i] = session;
        return read(session).then(
          (answer) => {
            opened = true;
            return { answer };
          },
          (error: unknown) => {
            sent();
            const failure = error instanceof SnmpError ? error : new SnmpError('invalid', 'invalid answer');
            if (failure.credentialAccepted) opened = true;
            return failure;
          },
        );
      }),
    );
    previousSent = thisSent;
  }
  let winner = -1;
  let answer: T | null = null;
  const failures: SnmpError[] = [];
  for (let i = 0; i < attempts.length; i++) {
    const attempt = await attempts[i];
    if (attempt === 'not-sent') continue;
    if (!(attempt instanceof SnmpError) || attempt.credentialAccepted) {
      winner = i;
      answer = attempt instanceof SnmpError ? null : attempt.answer;
      break;
    }
    failures.push(attempt);
  }
  sessions.forEach((session, i) => {
    if (i !== winner) session?.close();
  });
  if (winner >= 0)
    return { kind: 'open', session: sessions[winner] as SnmpSession, credentialIndex: order[winner], answer };
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
