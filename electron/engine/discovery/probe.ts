/**
 * Finding which credential opens a host. All credentials are tried at once (so a silent host
 * costs one timeout, not one per credential), but the first one *in order* that the agent
 * accepts wins: the referent's order, with the one that worked last time for this device first.
 */
import type { Credential } from '../../../shared/domain/credentials';
import { PROBE_OIDS } from '../snmp/mibs/snmpv2-mib';
import { SnmpError, type SessionFactory, type SessionOptions, type SnmpSession } from '../snmp/session';

/** The outcome of probing one address. */
export type ProbeOutcome =
  | { kind: 'open'; session: SnmpSession; credentialIndex: number }
  /** Nothing answered with any credential. */
  | { kind: 'silent' }
  /** Something answered but no credential got a valid reply: `reason` says why (no secret in it). */
  | { kind: 'refused'; reason: string };

/**
 * Probes `ip` with every credential (GET sysObjectID.0, sysDescr.0, sysUpTime.0 of SNMPv2-MIB).
 * @param order indexes into `credentials`, in the order of preference.
 * @returns an open session (the caller closes it), or why none opened. Never throws.
 */
export async function probeHost(
  ip: string,
  credentials: readonly Credential[],
  order: readonly number[],
  openSession: SessionFactory,
  options: SessionOptions,
): Promise<ProbeOutcome> {
  const sessions = order.map((index) => openSession(ip, credentials[index], options));
  const attempts = sessions.map((session) =>
    session.get(PROBE_OIDS).then(
      () => null,
      (error: unknown) => (error instanceof SnmpError ? error : new SnmpError('invalid', 'invalid answer')),
    ),
  );
  let winner = -1;
  const failures: SnmpError[] = [];
  for (let i = 0; i < attempts.length; i++) {
    const failure = await attempts[i];
    if (failure === null || failure.credentialAccepted) {
      winner = i;
      break;
    }
    failures.push(failure);
  }
  sessions.forEach((session, i) => {
    if (i !== winner) session.close();
  });
  if (winner >= 0) return { kind: 'open', session: sessions[winner], credentialIndex: order[winner] };
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
