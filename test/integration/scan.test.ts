/**
 * The whole scan over real UDP against Parc's own simulator (no ../shared needed): every
 * fixture is identified as its golden file says, silent hosts are not devices, broken ones are
 * reported, credentials fall back in order and the one that worked is tried first next time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine';
import { createNetSnmpSession, type SessionFactory } from '../../electron/engine/snmp/session';
import type { Credential } from '../../shared/domain/credentials';
import type { ScanProgress } from '../../shared/domain/scan';
import { fixturePath } from '../simulator/fixtures';
import { startFixtureNetwork, type FixtureNetwork } from '../simulator/lab-network';
import { startSimulator } from '../simulator/simulator';

const community = (c: string, version: '1' | '2c' = '2c'): Credential => ({
  kind: 'community',
  version,
  community: c,
});
const FAST = { timeoutMs: 700, retries: 1 };

describe('scan of the fixture network over UDP', () => {
  let network: FixtureNetwork;
  beforeAll(async () => {
    network = await startFixtureNetwork();
  });
  afterAll(() => network.simulator.stop());

  it('identifies every fixture as its golden file says and reports the garbage host', async () => {
    const engine = createEngine({ dbPath: ':memory:' });
    const progress: ScanProgress[] = [];
    const handle = await engine.scan.start(
      {
        targets: ['127.77.0.1-127.77.0.30'],
        credentials: [community('public')],
        port: network.simulator.port,
        ...FAST,
      },
      { onProgress: (p) => progress.push(p) },
    );
    const { scan, devices } = await handle.done;
    const fixtures = network.hosts.filter((h) => h.expected);
    expect(devices).toHaveLength(fixtures.length);
    for (const host of fixtures) {
      const device = devices.find((d) => d.ip === host.address);
      expect({ name: host.name, ...device }).toMatchObject({ name: host.name, ...host.expected });
    }
    expect(scan).toMatchObject({ status: 'done', addressCount: 30, respondedCount: fixtures.length });
    const garbage = network.hosts.find((h) => h.name === 'garbage');
    expect(scan.problems).toEqual([{ ip: garbage?.address, reason: 'answers that are not valid SNMP' }]);
    // Every address swept, then the printers read.
    const swept = progress.filter((p) => p.phase === 'addresses').at(-1);
    expect(swept).toMatchObject({ done: 30, total: 30, found: fixtures.length });
    const printers = devices.filter((d) => d.type === 'printer').length;
    expect(printers).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ phase: 'printers', done: printers, total: printers });
    engine.close();
  });

  it('decodes Latin-1 text from the device once, without losing a byte', async () => {
    const engine = createEngine({ dbPath: ':memory:' });
    const target = network.hosts.find((h) => h.name === 'printer-generic-netsnmp');
    const handle = await engine.scan.start({
      targets: [target?.address ?? ''],
      credentials: [community('public')],
      port: network.simulator.port,
      ...FAST,
    });
    const [device] = (await handle.done).devices;
    expect(device.sysLocation).toMatch(/â|é|è|ç/);
    expect(device.sysLocation).not.toContain('\ufffd');
    engine.close();
  });
});

describe('credentials', () => {
  it('tries each credential in order, remembers the one that worked, and never reports a silent host', async () => {
    const sim = await startSimulator({
      devices: [
        { address: '127.78.0.1', records: fixturePath('switch-cisco'), communities: ['lycee-ro'] },
        { address: '127.78.0.2', records: fixturePath('ups-apc'), communities: ['public'] },
        { address: '127.78.0.3', records: fixturePath('ups-apc'), fault: 'silent' },
      ],
    });
    const opened: string[] = [];
    const spy: SessionFactory = (host, credential, options) => {
      if (credential.kind === 'community') opened.push(`${host}:${credential.community}`);
      return createNetSnmpSession(host, credential, options);
    };
    const engine = createEngine({ dbPath: ':memory:', openSession: spy });
    const request = {
      targets: ['127.78.0.1-127.78.0.4'],
      credentials: [community('public'), community('lycee-ro')],
      port: sim.port,
      ...FAST,
    };
    const first = await (await engine.scan.start(request)).done;
    expect(first.devices.map((d) => [d.ip, d.type])).toEqual([
      ['127.78.0.1', 'switch'],
      ['127.78.0.2', 'ups'],
    ]);
    expect(first.scan.problems).toEqual([]);
    // Both credentials are tried on a new host, in the referent's order.
    expect(opened.filter((o) => o.startsWith('127.78.0.1:'))).toEqual([
      '127.78.0.1:public',
      '127.78.0.1:lycee-ro',
    ]);

    opened.length = 0;
    const second = await (await engine.scan.start(request)).done;
    expect(second.devices).toHaveLength(2);
    expect(second.scan).toMatchObject({ newCount: 0, updatedCount: 2 });
    // The remembered credential comes first for that device next time.
    expect(opened.filter((o) => o.startsWith('127.78.0.1:'))[0]).toBe('127.78.0.1:lycee-ro');
    expect(opened.filter((o) => o.startsWith('127.78.0.2:'))[0]).toBe('127.78.0.2:public');
    engine.close();
    await sim.stop();
  });

  it('reads an agent that only speaks SNMPv1', async () => {
    const sim = await startSimulator({
      devices: [{ address: '127.78.1.1', records: fixturePath('printer-hp-laserjet'), fault: 'v1-only' }],
    });
    const engine = createEngine({ dbPath: ':memory:' });
    const handle = await engine.scan.start({
      targets: ['127.78.1.1'],
      credentials: [community('public'), community('public', '1')],
      port: sim.port,
      ...FAST,
    });
    const { devices } = await handle.done;
    expect(devices).toHaveLength(1);
    expect(devices[0]).toMatchObject({ type: 'printer', vendor: 'HP' });
    engine.close();
    await sim.stop();
  });

  it('reports an agent that answers once then goes silent, and goes on', async () => {
    const sim = await startSimulator({
      devices: [
        { address: '127.78.2.1', records: fixturePath('switch-cisco'), fault: 'stall-after-first' },
        { address: '127.78.2.2', records: fixturePath('ups-apc') },
      ],
    });
    const engine = createEngine({ dbPath: ':memory:' });
    const handle = await engine.scan.start({
      targets: ['127.78.2.1', '127.78.2.2'],
      credentials: [community('public')],
      port: sim.port,
      ...FAST,
    });
    const { scan, devices } = await handle.done;
    expect(devices.map((d) => d.ip)).toEqual(['127.78.2.2']);
    expect(scan.problems).toEqual([{ ip: '127.78.2.1', reason: 'answered, then: no answer (timeout)' }]);
    engine.close();
    await sim.stop();
  });
});

describe('agents that lie', () => {
  it('stops walking an agent whose GETNEXT answers do not advance, and still identifies it', async () => {
    const sim = await startSimulator({
      devices: [{ address: '127.78.5.1', records: fixturePath('ups-apc'), fault: 'loop' }],
    });
    const engine = createEngine({ dbPath: ':memory:' });
    const handle = await engine.scan.start({
      targets: ['127.78.5.1'],
      credentials: [community('public')],
      port: sim.port,
      ...FAST,
    });
    const { devices } = await handle.done;
    // GETs still work, so the system group probe answers; walks stop at the first repeated OID.
    expect(devices).toHaveLength(1);
    expect(sim.requests('127.78.5.1')).toBeLessThan(50);
    engine.close();
    await sim.stop();
  });
});

describe('scan lifecycle', () => {
  it('closing the engine mid-scan (the app quits) ends the scan without an unhandled error', async () => {
    const sim = await startSimulator({
      devices: [
        { address: '127.78.6.1', records: fixturePath('printer-hp-laserjet') },
        { address: '127.78.6.2', records: fixturePath('switch-cisco') },
      ],
    });
    try {
      const engine = createEngine({ dbPath: ':memory:' });
      const handle = await engine.scan.start({
        targets: ['127.78.6.1-127.78.6.20'],
        credentials: [community('public')],
        port: sim.port,
        ...FAST,
      });
      await new Promise((r) => setTimeout(r, 20));
      engine.close();
      await expect(handle.done).rejects.toThrow('database connection is not open');
    } finally {
      await sim.stop();
    }
  });

  it('cancels, keeps what was found, and marks devices that disappeared as missing', async () => {
    const sim = await startSimulator({
      devices: [
        { address: '127.78.3.1', records: fixturePath('ups-apc') },
        { address: '127.78.3.2', records: fixturePath('switch-cisco') },
      ],
    });
    const engine = createEngine({ dbPath: ':memory:' });
    const base = { credentials: [community('public')], port: sim.port, ...FAST };
    await (
      await engine.scan.start({ ...base, targets: ['127.78.3.1-127.78.3.2'] })
    ).done;
    await sim.stop();

    const onlyUps = await startSimulator({
      devices: [{ address: '127.78.3.1', records: fixturePath('ups-apc') }],
    });
    const { scan, devices } = await (
      await engine.scan.start({ ...base, port: onlyUps.port, targets: ['127.78.3.0/24'] })
    ).done;
    expect(scan.missingCount).toBe(1);
    expect(devices.map((d) => [d.ip, d.missing])).toEqual([
      ['127.78.3.1', false],
      ['127.78.3.2', true],
    ]);

    const handle = await engine.scan.start({ ...base, port: onlyUps.port, targets: ['127.78.4.0/24'] });
    await expect(engine.scan.start({ ...base, targets: ['127.78.4.1'] })).rejects.toThrow('already running');
    expect(engine.scan.cancel(handle.scanId)).toBe(true);
    const cancelled = await handle.done;
    expect(cancelled.scan.status).toBe('cancelled');
    expect(cancelled.scan.missingCount).toBe(0);
    expect(engine.scan.last()?.id).toBe(handle.scanId);
    engine.close();
    await onlyUps.stop();
  });
});
