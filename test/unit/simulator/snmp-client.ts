/** Promise wrappers around net-snmp sessions, for the simulator tests (the engine has its own session). */
import * as snmp from 'net-snmp';

/** Options of a v1/v2c test session; `retries` is 0 so that a timeout costs exactly `timeout` ms. */
export interface TestSessionOptions {
  readonly port: number;
  readonly version?: 'v1' | 'v2c';
  readonly community?: string;
  /** Milliseconds; default 1000. */
  readonly timeout?: number;
}

/** What a request that got no answer rejects with (net-snmp's typings do not export the class). */
export const TIMED_OUT = { name: 'RequestTimedOutError' };

const open: snmp.Session[] = [];

/** Opens a community session to `address`; close it with closeSessions(). */
export function openSession(address: string, options: TestSessionOptions): snmp.Session {
  const session = snmp.createSession(address, options.community ?? 'public', {
    port: options.port,
    version: options.version === 'v1' ? snmp.Version1 : snmp.Version2c,
    timeout: options.timeout ?? 1000,
    retries: 0,
  });
  open.push(session);
  return session;
}

/** Opens an SNMPv3 session to `address`; close it with closeSessions(). */
export function openV3Session(address: string, port: number, user: snmp.User, timeout = 2000): snmp.Session {
  const session = snmp.createV3Session(address, user, { port, timeout, retries: 0 });
  open.push(session);
  return session;
}

/** Closes every session opened since the last call. */
export function closeSessions(): void {
  for (const session of open.splice(0)) session.close();
}

/** GetRequest. */
export function get(session: snmp.Session, oids: string[]): Promise<snmp.Varbind[]> {
  return new Promise((resolve, reject) =>
    session.get(oids, (error, varbinds) => (error ? reject(error) : resolve(varbinds ?? []))),
  );
}

/** GetNextRequest. */
export function getNext(session: snmp.Session, oids: string[]): Promise<snmp.Varbind[]> {
  return new Promise((resolve, reject) =>
    session.getNext(oids, (error, varbinds) => (error ? reject(error) : resolve(varbinds ?? []))),
  );
}

/** GetBulkRequest; net-snmp returns non-repeaters as varbinds and each repeater as an array of varbinds. */
export function getBulk(
  session: snmp.Session,
  oids: string[],
  nonRepeaters: number,
  maxRepetitions: number,
): Promise<(snmp.Varbind | snmp.Varbind[])[]> {
  return new Promise((resolve, reject) =>
    session.getBulk(oids, nonRepeaters, maxRepetitions, (error, varbinds) =>
      error ? reject(error) : resolve(varbinds ?? []),
    ),
  );
}

/** Every varbind under `oid` (GetBulk for v2c, GetNext for v1). */
export function subtree(session: snmp.Session, oid: string, maxRepetitions = 20): Promise<snmp.Varbind[]> {
  const varbinds: snmp.Varbind[] = [];
  return new Promise((resolve, reject) =>
    session.subtree(
      oid,
      maxRepetitions,
      (batch) => {
        varbinds.push(...batch);
      },
      (error) => (error ? reject(error) : resolve(varbinds)),
    ),
  );
}
