import { describe, expect, it } from 'vitest';
import { firstRows, getScalars } from '../../../../electron/engine/snmp/read';
import { SnmpError, type SnmpSession } from '../../../../electron/engine/snmp/session';
import { SnmpType, type Varbind } from '../../../../electron/engine/snmp/values';

const vb = (oid: string, text: string): Varbind => ({
  oid,
  type: SnmpType.OctetString,
  value: Buffer.from(text),
});

/** An SNMPv1-like agent: a request naming any object it lacks fails whole with noSuchName (2). */
function v1Agent(objects: Record<string, string>): SnmpSession & { requests: number } {
  const sorted = Object.keys(objects).sort();
  const session = {
    version: '1' as const,
    requests: 0,
    async get(oids: readonly string[]) {
      session.requests++;
      if (oids.some((o) => !(o in objects))) throw new SnmpError('error-status', 'agent error-status 2', 2);
      return oids.map((o) => vb(o, objects[o]));
    },
    async getNext(oids: readonly string[]) {
      session.requests++;
      const next = oids.map((o) => sorted.find((k) => k > o));
      if (next.some((k) => k === undefined)) throw new SnmpError('error-status', 'agent error-status 2', 2);
      return next.map((k) => vb(k as string, objects[k as string]));
    },
    walk: async () => ({ varbinds: [], truncated: null }),
    close: () => undefined,
  };
  return session;
}

describe('getScalars', () => {
  it('asks again one by one when an SNMPv1 agent refuses the batch, keeping what exists', async () => {
    const agent = v1Agent({ '1.1.0': 'a', '1.3.0': 'c' });
    const values = await getScalars(agent, ['1.1.0', '1.2.0', '1.3.0']);
    expect([...values.keys()]).toEqual(['1.1.0', '1.3.0']);
    expect(agent.requests).toBe(4);
  });

  it('lets a timeout through: the agent stopped answering', async () => {
    const agent = v1Agent({});
    agent.get = async () => {
      throw new SnmpError('timeout', 'no answer (timeout)');
    };
    await expect(getScalars(agent, ['1.1.0'])).rejects.toMatchObject({ kind: 'timeout' });
  });
});

describe('firstRows', () => {
  it('keeps only answers inside each base, even past the end of an SNMPv1 MIB', async () => {
    const agent = v1Agent({ '1.3.1.1': 'x', '1.5.2.1': 'y' });
    const rows = await firstRows(agent, ['1.3', '1.4', '1.9']);
    expect([...rows.keys()]).toEqual(['1.3']);
  });
});
