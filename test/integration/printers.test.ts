/**
 * Printers through the engine over UDP: a scan reads every printer it finds, `printers.list`
 * gives supplies with RFC 3805 levels, the order list and days left from the history, and the
 * TOS agent’s « C’est remplacé » restarts the forecast.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine';
import type { Engine } from '../../electron/engine/types';
import { fixturePath } from '../simulator/fixtures';
import { startSimulator } from '../simulator/simulator';

type Simulator = Awaited<ReturnType<typeof startSimulator>>;

describe('printers', () => {
  let sim: Simulator;
  let engine: Engine;
  let clock = Date.parse('2026-11-01T08:00:00.000Z');
  beforeAll(async () => {
    sim = await startSimulator({
      devices: [
        { address: '127.80.0.1', records: fixturePath('printer-hp-laserjet') },
        { address: '127.80.0.2', records: fixturePath('printer-generic-netsnmp') },
        { address: '127.80.0.3', records: fixturePath('switch-cisco') },
      ],
    });
    engine = createEngine({ dbPath: ':memory:', now: () => new Date(clock).toISOString() });
    engine.settings.set({ port: sim.port, timeoutMs: 700, retries: 1 });
    const handle = await engine.scan.start({
      targets: ['127.80.0.1-127.80.0.3'],
      credentials: [{ kind: 'community', version: '2c', community: 'public' }],
      port: sim.port,
      timeoutMs: 700,
      retries: 1,
    });
    await handle.done;
  });
  afterAll(async () => {
    engine.close();
    await sim.stop();
  });

  it('reads every printer the scan finds, and only printers', () => {
    const { printers } = engine.printers.list();
    expect(printers.map((p) => p.ip).sort()).toEqual(['127.80.0.1', '127.80.0.2']);
    for (const printer of printers) {
      expect(printer.readAt).toBe('2026-11-01T08:00:00.000Z');
      expect(printer.supplies.length).toBeGreaterThan(0);
      for (const supply of printer.supplies) {
        expect(supply.daysLeft).toBeNull(); // one reading: no forecast yet
        if (supply.percent !== null) expect(supply.percent).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('re-reads the printers on poll; levels that do not move give no forecast', async () => {
    clock += 10 * 86_400_000;
    expect(await engine.printers.poll()).toEqual({ polled: 2, failed: 0 });
    const { printers } = engine.printers.list();
    // The simulator's levels do not move: two readings but no consumption, so no forecast.
    expect(printers.every((p) => p.readAt === '2026-11-11T08:00:00.000Z')).toBe(true);
    expect(printers.flatMap((p) => p.supplies).every((s) => s.daysLeft === null)).toBe(true);
  });

  it('never runs a poll and a scan at once', async () => {
    const poll = engine.printers.poll();
    await expect(
      engine.scan.start({
        targets: ['127.80.0.1'],
        credentials: [{ kind: 'community', version: '2c', community: 'public' }],
        port: sim.port,
      }),
    ).rejects.toThrow('being re-read');
    await expect(engine.printers.poll()).rejects.toThrow('being re-read');
    await poll;
  });

  it('records a replacement and refuses an unknown printer', () => {
    const [printer] = engine.printers.list().printers;
    const key = `${printer.supplies[0].deviceIndex}.${printer.supplies[0].index}`;
    expect(() => engine.printers.replace(printer.deviceId, key)).not.toThrow();
    expect(() => engine.printers.replace(99_999, key)).toThrow('No printer with id 99999');
  });
});
