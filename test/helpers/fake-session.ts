/**
 * An in-memory SNMP agent behind the `SessionFactory` interface, for unit tests that need no
 * UDP: each host has the communities it accepts and its objects; everything else times out.
 */
import type { Credential } from '../../shared/domain/credentials';
import { SnmpError, type SessionFactory, type SnmpSession } from '../../electron/engine/snmp/session';
import { compareOids, SnmpType, type Varbind } from '../../electron/engine/snmp/values';

export interface FakeHost {
  communities: string[];
  objects: Record<string, string | number | Buffer>;
  /** Answers this many requests, then none (a device that stops answering). */
  answers?: number;
}

/** A text value is an OCTET STRING, a number an INTEGER, a string starting with `oid:` an OID. */
function toVarbind(oid: string, value: string | number | Buffer): Varbind {
  if (typeof value === 'number') return { oid, type: SnmpType.Integer, value };
  if (Buffer.isBuffer(value)) return { oid, type: SnmpType.OctetString, value };
  if (value.startsWith('oid:')) return { oid, type: SnmpType.OID, value: value.slice(4) };
  return { oid, type: SnmpType.OctetString, value: Buffer.from(value) };
}

/** Every session opened, with its host and credential, so tests can prove what was (not) contacted. */
export interface FakeNetwork {
  factory: SessionFactory;
  opened: { host: string; credential: Credential }[];
}

export function fakeNetwork(hosts: Record<string, FakeHost>): FakeNetwork {
  const opened: FakeNetwork['opened'] = [];
  const factory: SessionFactory = (host, credential) => {
    opened.push({ host, credential });
    const agent = hosts[host];
    const accepts =
      agent !== undefined &&
      credential.kind === 'community' &&
      agent.communities.includes(credential.community);
    const sorted = agent ? Object.keys(agent.objects).sort(compareOids) : [];
    const answer = async () => {
      if (!accepts || (agent.answers !== undefined && agent.answers-- <= 0)) {
        throw new SnmpError('timeout', 'no answer (timeout)');
      }
    };
    const next = (oid: string) => {
      const found = sorted.find((o) => compareOids(o, oid) > 0);
      return found ? toVarbind(found, agent.objects[found]) : null;
    };
    const session: SnmpSession = {
      version: credential.kind === 'community' ? credential.version : '3',
      async get(oids) {
        await answer();
        return oids.map((oid) => (oid in agent.objects ? toVarbind(oid, agent.objects[oid]) : null));
      },
      async getNext(oids) {
        await answer();
        return oids.map(next);
      },
      async getBulk(nextOids, columns, maxRepetitions) {
        await answer();
        const successors = (oid: string) => {
          const rows: (Varbind | null)[] = [];
          for (let cursor = oid; rows.length < maxRepetitions;) {
            const vb = next(cursor);
            rows.push(vb);
            if (!vb) break;
            cursor = vb.oid;
          }
          return rows;
        };
        return { next: nextOids.map(next), columns: columns.map(successors) };
      },
      close() {},
    };
    return session;
  };
  return { factory, opened };
}

/**
 * A session whose requests never end by themselves: they fail once it is closed (as net-snmp
 * fails the requests of a closed socket), at once when it already is. `onRequest` sees each one.
 */
export function hangingSession(onRequest: () => void = () => undefined): SnmpSession {
  let closed = false;
  const waiters: (() => void)[] = [];
  const request = <T>() =>
    new Promise<T>((_resolve, reject) => {
      const fail = () => reject(new SnmpError('invalid', 'invalid answer (closed)'));
      if (closed) return fail();
      waiters.push(fail);
      onRequest();
    });
  return {
    version: '2c',
    get: request,
    getNext: request,
    getBulk: request,
    close: () => {
      closed = true;
      waiters.splice(0).forEach((fail) => fail());
    },
  };
}
