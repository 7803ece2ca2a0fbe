import { describe, expect, it } from 'vitest';
import { firstRows, getScalars, walkColumns } from '../../../../electron/engine/snmp/read';
import { SnmpError, type SnmpSession } from '../../../../electron/engine/snmp/session';
import { compareOids, SnmpType, type Varbind } from '../../../../electron/engine/snmp/values';

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
    getBulk: async () => {
      throw new SnmpError('invalid', 'SNMPv1 has no GETBULK');
    },
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

/** An SNMPv2c agent over sorted objects that records every request (kind, OIDs, repetitions). */
function v2Agent(
  objects: Record<string, string>,
  options: { refuseBulk?: boolean; bulkLimit?: number } = {},
) {
  const sorted = Object.keys(objects).sort(compareOids);
  const after = (oid: string) => {
    const found = sorted.find((k) => compareOids(k, oid) > 0);
    return found ? vb(found, objects[found]) : null;
  };
  const log: string[] = [];
  const session: SnmpSession = {
    version: '2c',
    async get(oids) {
      log.push(`get ${oids.join(' ')}`);
      return oids.map((o) => (o in objects ? vb(o, objects[o]) : null));
    },
    async getNext(oids) {
      log.push(`next ${oids.join(' ')}`);
      return oids.map(after);
    },
    async getBulk(next, columns, maxRepetitions) {
      log.push(`bulk ${next.join(' ')} | ${columns.join(' ')} x${maxRepetitions}`);
      if (options.refuseBulk) throw new SnmpError('error-status', 'agent error-status 5', 5);
      const repetitions = Math.min(maxRepetitions, options.bulkLimit ?? maxRepetitions);
      return {
        next: next.map(after),
        columns: columns.map((column) => {
          const rows: (Varbind | null)[] = [];
          for (let cursor: string | undefined = column; rows.length < repetitions && cursor;) {
            const found = after(cursor);
            rows.push(found);
            cursor = found?.oid;
          }
          return rows;
        }),
      };
    },
    close: () => undefined,
  };
  return { session, log };
}

const IF_TABLE = {
  '1.3.6.1.2.1.2.2.1.2.1': 'lo',
  '1.3.6.1.2.1.2.2.1.2.2': 'eth0',
  '1.3.6.1.2.1.2.2.1.3.1': '24',
  '1.3.6.1.2.1.2.2.1.3.2': '6',
  '1.3.6.1.2.1.17.1.1.0': 'bridge',
  '1.3.6.1.2.1.43.5.1.1.17.1': 'SERIAL',
};

describe('walkColumns', () => {
  it('reads several columns and the first objects of other subtrees in one GETBULK sized by the expected rows', async () => {
    const { session, log } = v2Agent(IF_TABLE);
    const read = await walkColumns(session, {
      next: ['1.3.6.1.2.1.17.1.1', '1.3.6.1.2.1.33', '1.3.6.1.2.1.43'],
      columns: ['1.3.6.1.2.1.2.2.1.2', '1.3.6.1.2.1.2.2.1.3'],
      rows: 2,
    });
    expect(log).toEqual([
      'bulk 1.3.6.1.2.1.17.1.1 1.3.6.1.2.1.33 1.3.6.1.2.1.43 | 1.3.6.1.2.1.2.2.1.2 1.3.6.1.2.1.2.2.1.3 x3',
    ]);
    expect(read.columns.get('1.3.6.1.2.1.2.2.1.2')?.map((v) => v.oid)).toEqual([
      '1.3.6.1.2.1.2.2.1.2.1',
      '1.3.6.1.2.1.2.2.1.2.2',
    ]);
    expect(read.columns.get('1.3.6.1.2.1.2.2.1.3')).toHaveLength(2);
    // The scalar comes as the next object of its object; UPS-MIB is absent; Printer-MIB present.
    expect([...read.next.keys()]).toEqual(['1.3.6.1.2.1.17.1.1', '1.3.6.1.2.1.43']);
    expect(read.cut.size).toBe(0);
  });

  it('asks again only for the columns not finished, with twice the repetitions', async () => {
    const { session, log } = v2Agent(IF_TABLE);
    await walkColumns(session, { columns: ['1.3.6.1.2.1.2.2.1.2', '1.3.6.1.2.1.43'], rows: 0 });
    expect(log).toEqual([
      'bulk  | 1.3.6.1.2.1.2.2.1.2 1.3.6.1.2.1.43 x1',
      'bulk  | 1.3.6.1.2.1.2.2.1.2.1 1.3.6.1.2.1.43.5.1.1.17.1 x2',
    ]);
  });

  it('walks with GETNEXT an agent that refuses GETBULK, and an SNMPv1 agent', async () => {
    const refusing = v2Agent(IF_TABLE, { refuseBulk: true });
    const read = await walkColumns(refusing.session, { columns: ['1.3.6.1.2.1.2.2.1.3'] });
    expect(read.columns.get('1.3.6.1.2.1.2.2.1.3')?.map((v) => v.oid)).toEqual([
      '1.3.6.1.2.1.2.2.1.3.1',
      '1.3.6.1.2.1.2.2.1.3.2',
    ]);
    expect(refusing.log.filter((l) => l.startsWith('next'))).toHaveLength(3);
    const v1 = v1Agent({ '1.3.1': 'a', '1.3.2': 'b', '1.5.1': 'c' });
    const old = await walkColumns(v1, { next: ['1.5'], columns: ['1.3', '1.5'] });
    expect(old.columns.get('1.3')?.map((v) => v.oid)).toEqual(['1.3.1', '1.3.2']);
    expect(old.columns.get('1.5')?.map((v) => v.oid)).toEqual(['1.5.1']);
    expect(old.next.get('1.5')?.oid).toBe('1.5.1');
  });

  it('goes on with GETNEXT when an agent shortens a GETBULK answer to nothing', async () => {
    const { session, log } = v2Agent(IF_TABLE, { bulkLimit: 0 });
    const read = await walkColumns(session, { columns: ['1.3.6.1.2.1.2.2.1.2'] });
    expect(read.columns.get('1.3.6.1.2.1.2.2.1.2')).toHaveLength(2);
    expect(log[0]).toMatch(/^bulk/);
    expect(log.slice(1).every((l) => l.startsWith('next'))).toBe(true);
  });

  it('cuts a column at its bound and says so, keeping the rows read', async () => {
    const rows = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`1.3.9.${i + 1}`, 'x']));
    const { session } = v2Agent(rows);
    const read = await walkColumns(session, { columns: ['1.3.9'], maxRows: 20 });
    expect(read.columns.get('1.3.9')).toHaveLength(20);
    expect(read.cut.get('1.3.9')).toBe('max-rows');
  });

  it('stops a column whose agent answers an OID that does not increase', async () => {
    const { session } = v2Agent(IF_TABLE);
    session.getBulk = async (next, columns) => ({
      next: next.map(() => null),
      columns: columns.map((c) => [vb(`${c}.1`, 'a'), vb(`${c}.1`, 'a')]),
    });
    const read = await walkColumns(session, { columns: ['1.3.7'] });
    expect(read.columns.get('1.3.7')).toHaveLength(1);
    expect(read.cut.get('1.3.7')).toBe('loop');
  });
});
