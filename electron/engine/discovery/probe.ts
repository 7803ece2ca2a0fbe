/**
 * Finding which credential opens a host. The credentials are tried in order of preference, each
 * one a short while after the previous (so a host answering the first costs one request, and a
 * silent host about one timeout, not one per credential); the first one *in order* that the
 * agent accepts wins: the referent's order, with the one that worked last time for this device first.
 */
import type { Credential } from '../../../shared/domain/credentials';
import { PROBE_OIDS, probeAnswerFrom, type ProbeAnswer } from '../snmp/mibs/snmpv2-mib';
import { SnmpError, type SessionFactory, type SessionOptions, type SnmpSession } from '../snmp/session';

/** The outcome of probing one address. */
export type ProbeOutcome =
  | {
      kind: 'open';
      session: SnmpSession;
      credentialIndex: number;
      /** What the probe GET read; null when the agent refused it with an error-status (SNMPv1 lacking one object). */
      answer: ProbeAnswer | null;
    }
  /** Nothing answered with any credential. */
  | { kind: 'silent' }
  /** Something answered but no credential got a valid reply: `reason` says why (no secret in it). */
  | { kind: 'refused'; reason: string };

/** Longest wait, milliseconds, before the next credential is tried while the previous one has not answered. */
const MAX_STAGGER_MS = 250;

/** A probe attempt's result: the answer, a failure, or not sent (an earlier credential had already opened the host). */
type Attempt = { answer: ProbeAnswer | null } | SnmpError | 'not-sent';

/**
 * Probes `ip` with the credentials in `order` (GET of `PROBE_OIDS`: the SNMPv2-MIB system group
 * and ifNumber), each started `min(timeoutMs / 4, 250)` ms after the previous unless an earlier
 * one has already been accepted.
 * @param order indexes into `credentials`, in the order of preference.
 * @returns an open session (the caller closes it) with what the probe read, or why none opened.
 *   Never throws.
 */
export async function probeHost(
  ip: string,
  credentials: readonly Credential[],
  order: readonly number[],
  openSession: SessionFactory,
  options: SessionOptions,
): Promise<ProbeOutcome> {
  const stagger = Math.min(MAX_STAGGER_MS, options.timeoutMs / 4);
  const sessions: (SnmpSession | null)[] = order.map(() => null);
  let opened = false;
  const attempts = order.map((index, i): Promise<Attempt> =>
    new Promise<void>((resolve) => (i === 0 ? resolve() : setTimeout(resolve, i * stagger))).then(
      (): Attempt | Promise<Attempt> => {
        if (opened) return 'not-sent';
        const session = openSession(ip, credentials[index], options);
        sessions[i] = session;
        return session.get(PROBE_OIDS).then(
          (varbinds) => {
            opened = true;
            return { answer: probeAnswerFrom(varbinds) };
          },
          (error: unknown) => {
            const failure = error instanceof SnmpError ? error : new SnmpError('invalid', 'invalid answer');
            if (failure.credentialAccepted) opened = true;
            return failure;
          },
        );
      },
    ),
  );
  let winner = -1;
  let answer: ProbeAnswer | null = null;
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
