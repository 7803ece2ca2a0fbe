import * as snmp from 'net-snmp';
import { afterEach, describe, expect, it } from 'vitest';
import { fixturePath } from '../../simulator/fixtures';
import { parseSnmprec, startSimulator, type SimDevice, type Simulator } from '../../simulator/simulator';
import { TIMED_OUT, closeSessions, get, getBulk, getNext, openSession, subtree } from './snmp-client';

const RECORDING = `
# a small Net-SNMP-like host, deliberately unsorted, with one duplicate
1.3.6.1.2.1.1.5.0|4|unit-sim
1.3.6.1.2.1.1.1.0|4|Linux unit-sim 6.1.0-18-amd64 #1 SMP x86_64
1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10
1.3.6.1.2.1.1.3.0|67|4294967295
1.3.6.1.2.1.1.6.0|4x|42e274696d656e7420412c2073616c6c6520313034
1.3.6.1.2.1.1.7.0|2|72
1.3.6.1.2.1.1.5.0|4|duplicate, ignored

1.3.6.1.2.1.2.2.1.1.1|2|1
1.3.6.1.2.1.2.2.1.1.2|2|2
1.3.6.1.2.1.2.2.1.2.1|4|lo
1.3.6.1.2.1.2.2.1.2.2|4|eth0
1.3.6.1.2.1.2.2.1.3.1|2|24
1.3.6.1.2.1.2.2.1.3.2|2|6
1.3.6.1.2.1.2.2.1.6.1|4x|
1.3.6.1.2.1.2.2.1.6.2|4x|001122aabbcc
1.3.6.1.2.1.2.2.1.10.2|65|4294967295
1.3.6.1.2.1.2.2.1.5.2|66|1000000000
1.3.6.1.2.1.4.20.1.1.192.168.1.20|64|192.168.1.20
1.3.6.1.2.1.31.1.1.1.6.2|70|18446744073709551615
1.3.6.1.2.1.31.1.1.1.10.2|70|9007199254740993
1.3.6.1.4.1.2021.10.1.6.1|68x|9f78043f800000
1.3.6.1.4.1.99999.1.0|2|-2147483648
1.3.6.1.4.1.99999.2.0|4x|00ff41e900
1.3.6.1.4.1.99999.3.0|5|
1.3.6.1.4.1.99999.4.0|6|0.0
`;

const SYS_NAME = '1.3.6.1.2.1.1.5.0';
const IF_DESCR = '1.3.6.1.2.1.2.2.1.2';
const RECORDS = parseSnmprec(RECORDING);

let simulator: Simulator | undefined;
afterEach(async () => {
  closeSessions();
  await simulator?.stop();
  simulator = undefined;
});

async function serve(...devices: (Omit<SimDevice, 'records'> & Partial<SimDevice>)[]): Promise<Simulator> {
  simulator = await startSimulator({ devices: devices.map((device) => ({ records: RECORDS, ...device })) });
  return simulator;
}

describe('parseSnmprec', () => {
  it('sorts by OID component-wise, keeps the first duplicate and skips comments and blank lines', () => {
    const oids = RECORDS.map((record) => record.oid);
    expect(oids.slice(0, 6)).toEqual([1, 2, 3, 5, 6, 7].map((n) => `1.3.6.1.2.1.1.${n}.0`));
    expect(oids.indexOf('1.3.6.1.2.1.2.2.1.10.2')).toBeGreaterThan(oids.indexOf('1.3.6.1.2.1.2.2.1.6.2'));
    expect(RECORDS.find((record) => record.oid === SYS_NAME)?.value).toEqual({
      type: 'OctetString',
      value: Buffer.from('unit-sim'),
    });
    expect(RECORDS).toHaveLength(24);
  });

  it('decodes every type', () => {
    const value = (oid: string) => RECORDS.find((record) => record.oid === oid)?.value;
    expect(value('1.3.6.1.2.1.1.3.0')).toEqual({ type: 'TimeTicks', value: 4294967295 });
    expect(value('1.3.6.1.2.1.31.1.1.1.6.2')).toEqual({ type: 'Counter64', value: 18446744073709551615n });
    expect(value('1.3.6.1.2.1.2.2.1.6.1')).toEqual({ type: 'OctetString', value: Buffer.alloc(0) });
    expect(value('1.3.6.1.4.1.99999.3.0')).toEqual({ type: 'Null' });
    expect(value('1.3.6.1.4.1.2021.10.1.6.1')).toEqual({
      type: 'Opaque',
      value: Buffer.from('9f78043f800000', 'hex'),
    });
  });

  it.each([
    ['1.3.6.1.2.1.1.7.0|2|2147483648', /line 2: .*outside/],
    ['1.3.6.1.2.1.1.7.0|65|-1', /line 2: -1 is outside/],
    ['1.3.6.1.2.1.1.7.0|70|18446744073709551616', /line 2: .*2\^64/],
    ['1.3.6.1.2.1.1.7.0|4x|abc', /line 2: .*hexadecimal/],
    ['1.3.6.1.2.1.1.7.0|64|10.0.0.256', /line 2: .*IPv4/],
    ['1.3.6.1.2.1.1.7.0|99|x', /line 2: unsupported type '99'/],
    ['1.3.6.1.2.1.1.7.0 no separators', /line 2: expected OID\|TYPE\|VALUE/],
    ['1.3.6.x|4|x', /line 2: invalid OID/],
  ])('rejects %s', (line, message) => {
    expect(() => parseSnmprec(`# header\n${line}\n`)).toThrow(message);
  });
});

describe('startSimulator, SNMPv2c', () => {
  it('answers get with exact values of every type', async () => {
    const { port } = await serve({ address: '127.0.0.21' });
    const session = openSession('127.0.0.21', { port });
    const varbinds = await get(session, [
      SYS_NAME,
      '1.3.6.1.2.1.1.2.0',
      '1.3.6.1.2.1.1.3.0',
      '1.3.6.1.2.1.1.7.0',
      '1.3.6.1.2.1.2.2.1.10.2',
      '1.3.6.1.2.1.2.2.1.5.2',
      '1.3.6.1.2.1.4.20.1.1.192.168.1.20',
      '1.3.6.1.4.1.99999.1.0',
      '1.3.6.1.4.1.99999.3.0',
      '1.3.6.1.4.1.99999.4.0',
      '1.3.6.1.4.1.2021.10.1.6.1',
    ]);
    expect(varbinds.map((varbind) => [varbind.type, varbind.value])).toEqual([
      [snmp.ObjectType.OctetString, Buffer.from('unit-sim')],
      [snmp.ObjectType.OID, '1.3.6.1.4.1.8072.3.2.10'],
      [snmp.ObjectType.TimeTicks, 4294967295],
      [snmp.ObjectType.Integer, 72],
      [snmp.ObjectType.Counter32, 4294967295],
      [snmp.ObjectType.Gauge32, 1000000000],
      [snmp.ObjectType.IpAddress, '192.168.1.20'],
      [snmp.ObjectType.Integer, -2147483648],
      [snmp.ObjectType.Null, null],
      [snmp.ObjectType.OID, '0.0'],
      [snmp.ObjectType.Opaque, Buffer.from('9f78043f800000', 'hex')],
    ]);
  });

  it('preserves Latin-1 and NUL bytes of hex octet strings', async () => {
    const { port } = await serve({ address: '127.0.0.21' });
    const [location, raw, mac] = await get(openSession('127.0.0.21', { port }), [
      '1.3.6.1.2.1.1.6.0',
      '1.3.6.1.4.1.99999.2.0',
      '1.3.6.1.2.1.2.2.1.6.2',
    ]);
    expect(location.value).toEqual(Buffer.from('Bâtiment A, salle 104', 'latin1'));
    expect(raw.value).toEqual(Buffer.from([0x00, 0xff, 0x41, 0xe9, 0x00]));
    expect((mac.value as Buffer).toString('hex')).toBe('001122aabbcc');
  });

  it('encodes Counter64 exactly, up to 2^64-1', async () => {
    const { port } = await serve({ address: '127.0.0.21' });
    const varbinds = await get(openSession('127.0.0.21', { port }), [
      '1.3.6.1.2.1.31.1.1.1.6.2',
      '1.3.6.1.2.1.31.1.1.1.10.2',
    ]);
    const asBigInt = (value: unknown) => BigInt(`0x${(value as Buffer).toString('hex')}`);
    expect(varbinds.map((varbind) => varbind.type)).toEqual([
      snmp.ObjectType.Counter64,
      snmp.ObjectType.Counter64,
    ]);
    expect(varbinds.map((varbind) => asBigInt(varbind.value))).toEqual([2n ** 64n - 1n, 2n ** 53n + 1n]);
  });

  it('answers getNext with the lexicographic successor', async () => {
    const { port } = await serve({ address: '127.0.0.21' });
    const varbinds = await getNext(openSession('127.0.0.21', { port }), [
      SYS_NAME,
      '1.3.6.1.2.1.2.2.1.6',
      '1.3',
    ]);
    expect(varbinds.map((varbind) => varbind.oid)).toEqual([
      '1.3.6.1.2.1.1.6.0',
      '1.3.6.1.2.1.2.2.1.6.1',
      '1.3.6.1.2.1.1.1.0',
    ]);
  });

  it('walks a table column with GetBulk', async () => {
    const { port } = await serve({ address: '127.0.0.21' });
    const session = openSession('127.0.0.21', { port });
    const column = await subtree(session, IF_DESCR, 1);
    expect(column.map((varbind) => [varbind.oid, String(varbind.value)])).toEqual([
      [`${IF_DESCR}.1`, 'lo'],
      [`${IF_DESCR}.2`, 'eth0'],
    ]);
    const table = await subtree(session, '1.3.6.1.2.1.2.2', 50);
    expect(table.map((varbind) => varbind.oid)).toEqual(
      RECORDS.map((record) => record.oid).filter((oid) => oid.startsWith('1.3.6.1.2.1.2.2.')),
    );
  });

  it('answers GetBulk with non-repeaters once and repeaters in rows', async () => {
    const { port } = await serve({ address: '127.0.0.21' });
    const session = openSession('127.0.0.21', { port });
    const [first, descr, type] = await getBulk(
      session,
      ['1.3.6.1.2.1.1.4', IF_DESCR, '1.3.6.1.2.1.2.2.1.3'],
      1,
      3,
    );
    expect((first as snmp.Varbind).oid).toBe(SYS_NAME);
    expect((descr as snmp.Varbind[]).map((varbind) => varbind.oid)).toEqual([
      `${IF_DESCR}.1`,
      `${IF_DESCR}.2`,
      '1.3.6.1.2.1.2.2.1.3.1',
    ]);
    expect((type as snmp.Varbind[]).map((varbind) => varbind.value)).toEqual([24, 6, 1000000000]); // ifType.1, ifType.2, then ifSpeed.2
  });

  it('stops a GetBulk at the end of the MIB with endOfMibView', async () => {
    const { port } = await serve({ address: '127.0.0.21' });
    const [rows] = await getBulk(openSession('127.0.0.21', { port }), ['1.3.6.1.4.1.99999.3'], 0, 10);
    expect((rows as snmp.Varbind[]).map((varbind) => [varbind.oid, varbind.type])).toEqual([
      ['1.3.6.1.4.1.99999.3.0', snmp.ObjectType.Null],
      ['1.3.6.1.4.1.99999.4.0', snmp.ObjectType.OID],
      ['1.3.6.1.4.1.99999.4.0', snmp.ObjectType.EndOfMibView],
    ]);
  });

  it('caps a GetBulk response at 64 varbinds and about 60 KB', async () => {
    const many = Array.from({ length: 200 }, (_, i) => ({
      oid: `1.3.6.1.4.1.99999.9.${i + 1}`,
      value: { type: 'Integer' as const, value: i },
    }));
    const big = Array.from({ length: 100 }, (_, i) => ({
      oid: `1.3.6.1.4.1.99999.9.${i + 1}`,
      value: { type: 'OctetString' as const, value: Buffer.alloc(4000, 0x41) },
    }));
    const { port } = await serve(
      { address: '127.0.0.21', records: many },
      { address: '127.0.0.22', records: big },
    );
    const [manyRows] = await getBulk(openSession('127.0.0.21', { port }), ['1.3.6.1.4.1.99999.9'], 0, 1000);
    const [bigRows] = await getBulk(openSession('127.0.0.22', { port }), ['1.3.6.1.4.1.99999.9'], 0, 1000);
    expect((manyRows as snmp.Varbind[]).map((varbind) => varbind.value)).toEqual(
      Array.from({ length: 64 }, (_, i) => i),
    );
    expect(bigRows).toHaveLength(14); // 14 × 4018 bytes fit in 60 000
  });

  it('returns noSuchObject, noSuchInstance and endOfMibView', async () => {
    const { port } = await serve({ address: '127.0.0.21' });
    const session = openSession('127.0.0.21', { port });
    const varbinds = await get(session, [
      '1.3.6.1.2.1.1.5.1',
      `${IF_DESCR}.9`,
      '1.3.6.1.2.1.1.99.0',
      SYS_NAME,
    ]);
    expect(varbinds.map((varbind) => [varbind.oid, varbind.type])).toEqual([
      ['1.3.6.1.2.1.1.5.1', snmp.ObjectType.NoSuchInstance],
      [`${IF_DESCR}.9`, snmp.ObjectType.NoSuchInstance],
      ['1.3.6.1.2.1.1.99.0', snmp.ObjectType.NoSuchObject],
      [SYS_NAME, snmp.ObjectType.OctetString],
    ]);
    const [last] = await getNext(session, ['1.3.6.1.4.1.99999.4.0']);
    expect([last.oid, last.type]).toEqual(['1.3.6.1.4.1.99999.4.0', snmp.ObjectType.EndOfMibView]);
  });

  it('does not answer a wrong community, but counts the request', async () => {
    const sim = await serve({ address: '127.0.0.21', communities: ['lycee-ro'] });
    await expect(
      get(openSession('127.0.0.21', { port: sim.port, timeout: 200 }), [SYS_NAME]),
    ).rejects.toMatchObject(TIMED_OUT);
    const [sysName] = await get(openSession('127.0.0.21', { port: sim.port, community: 'lycee-ro' }), [
      SYS_NAME,
    ]);
    expect(String(sysName.value)).toBe('unit-sim');
    expect(sim.requests('127.0.0.21')).toBe(2);
  });

  it('serves several devices on one port, each on its own address, from records or a file path', async () => {
    const path = fixturePath('server-linux');
    const sim = await serve({ address: '127.0.0.21' }, { address: '127.0.0.22', records: path });
    const [first] = await get(openSession('127.0.0.21', { port: sim.port }), [SYS_NAME]);
    const [second] = await get(openSession('127.0.0.22', { port: sim.port }), [SYS_NAME]);
    expect(String(first.value)).toBe('unit-sim');
    expect(String(second.value)).not.toBe('unit-sim');
    expect([sim.requests('127.0.0.21'), sim.requests('127.0.0.22'), sim.requests()]).toEqual([1, 1, 2]);
  });

  it('refuses addresses outside 127.0.0.0/8 and duplicate addresses', async () => {
    await expect(
      startSimulator({ devices: [{ address: '192.168.1.20', records: RECORDS }] }),
    ).rejects.toThrow(/127\.0\.0\.0\/8/);
    const twice = { address: '127.0.0.21', records: RECORDS };
    await expect(startSimulator({ devices: [twice, twice] })).rejects.toThrow(/distinct/);
  });
});

describe('startSimulator, SNMPv1', () => {
  it('answers get and getNext', async () => {
    const { port } = await serve({ address: '127.0.0.21' });
    const session = openSession('127.0.0.21', { port, version: 'v1' });
    const [sysName] = await get(session, [SYS_NAME]);
    const [next] = await getNext(session, [SYS_NAME]);
    expect([String(sysName.value), next.oid]).toEqual(['unit-sim', '1.3.6.1.2.1.1.6.0']);
  });

  it('reports a missing object as noSuchName with its error-index', async () => {
    const { port } = await serve({ address: '127.0.0.21' });
    const session = openSession('127.0.0.21', { port, version: 'v1' });
    const failure = get(session, [SYS_NAME, '1.3.6.1.2.1.1.99.0']);
    await expect(failure).rejects.toMatchObject({
      status: snmp.ErrorStatus.NoSuchName,
      message: 'NoSuchName: 1.3.6.1.2.1.1.99.0',
    });
    await expect(getNext(session, ['1.3.6.1.4.1.99999.4.0'])).rejects.toMatchObject({
      status: snmp.ErrorStatus.NoSuchName,
    });
  });

  it('hides Counter64 objects from SNMPv1 (RFC 3584)', async () => {
    const { port } = await serve({ address: '127.0.0.21' });
    const session = openSession('127.0.0.21', { port, version: 'v1' });
    await expect(get(session, ['1.3.6.1.2.1.31.1.1.1.6.2'])).rejects.toMatchObject({
      status: snmp.ErrorStatus.NoSuchName,
    });
    const [next] = await getNext(session, ['1.3.6.1.2.1.31']);
    expect(next.oid).toBe('1.3.6.1.4.1.2021.10.1.6.1');
  });

  it('walks a table column with GetNext', async () => {
    const { port } = await serve({ address: '127.0.0.21' });
    const column = await subtree(openSession('127.0.0.21', { port, version: 'v1' }), IF_DESCR);
    expect(column.map((varbind) => String(varbind.value))).toEqual(['lo', 'eth0']);
  });
});

describe('fault modes', () => {
  it('silent: the request is received but never answered', async () => {
    const sim = await serve({ address: '127.0.0.23', fault: 'silent' });
    const session = openSession('127.0.0.23', { port: sim.port, timeout: 200 });
    await expect(get(session, [SYS_NAME])).rejects.toMatchObject(TIMED_OUT);
    expect(sim.requests('127.0.0.23')).toBe(1);
  });

  it('garbage: the answer cannot be parsed and the request times out', async () => {
    const { port } = await serve({ address: '127.0.0.23', fault: 'garbage' });
    // Long enough for the garbage answer to arrive on a loaded machine; it still never parses.
    const session = openSession('127.0.0.23', { port, timeout: 1000 });
    const parseErrors: Error[] = [];
    session.on('error', (error) => parseErrors.push(error));
    await expect(get(session, [SYS_NAME])).rejects.toMatchObject(TIMED_OUT);
    expect(parseErrors).toHaveLength(1);
  });

  it('v1-only: SNMPv2c is ignored, SNMPv1 answered', async () => {
    const { port } = await serve({ address: '127.0.0.23', fault: 'v1-only' });
    await expect(get(openSession('127.0.0.23', { port, timeout: 200 }), [SYS_NAME])).rejects.toMatchObject(
      TIMED_OUT,
    );
    const [sysName] = await get(openSession('127.0.0.23', { port, version: 'v1' }), [SYS_NAME]);
    expect(String(sysName.value)).toBe('unit-sim');
  });

  it('loop: GetNext and GetBulk answers repeat the requested OID', async () => {
    const { port } = await serve({ address: '127.0.0.23', fault: 'loop' });
    const session = openSession('127.0.0.23', { port });
    // net-snmp accepts an equal OID as "following" (oidFollowsOid), so a naive walk would never end.
    const [same] = await getNext(session, [SYS_NAME]);
    const [rows] = await getBulk(session, [IF_DESCR], 0, 3);
    expect([same.oid, same.value]).toEqual([SYS_NAME, Buffer.from('Bâtiment A, salle 104', 'latin1')]);
    expect((rows as snmp.Varbind[]).map((varbind) => [varbind.oid, String(varbind.value)])).toEqual([
      [IF_DESCR, 'lo'],
      [IF_DESCR, 'eth0'],
      [IF_DESCR, '24'],
    ]);
    const [sysName] = await get(session, [SYS_NAME]);
    expect(String(sysName.value)).toBe('unit-sim');
  });

  it('stall-after-first: only the first request is answered', async () => {
    const sim = await serve({ address: '127.0.0.23', fault: 'stall-after-first' });
    // The first request must be answered even on a loaded machine; the second never is.
    const session = openSession('127.0.0.23', { port: sim.port, timeout: 1000 });
    const [sysName] = await get(session, [SYS_NAME]);
    expect(String(sysName.value)).toBe('unit-sim');
    await expect(get(session, [SYS_NAME])).rejects.toMatchObject(TIMED_OUT);
    expect(sim.requests()).toBe(2);
  });
});
