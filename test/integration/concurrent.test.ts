/**
 * Two Parc processes scanning the same database at once (the CLI while the app scans): neither
 * marks the other's devices missing, and neither fails on a locked database.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine';
import { fixturePath } from '../simulator/fixtures';
import { startSimulator } from '../simulator/simulator';

describe('two scans at once on one database', () => {
  it('keeps every device present and counted once', async () => {
    const sim = await startSimulator({
      devices: ['ups-apc', 'switch-cisco', 'printer-hp-laserjet', 'nas-synology'].map((name, i) => ({
        address: `127.82.0.${i + 1}`,
        records: fixturePath(name),
      })),
    });
    const dbPath = join(mkdtempSync(join(tmpdir(), 'parc-concurrent-')), 'parc.db');
    const a = createEngine({ dbPath });
    const b = createEngine({ dbPath });
    const request = {
      targets: ['127.82.0.1-127.82.0.8'],
      credentials: [{ kind: 'community' as const, version: '2c' as const, community: 'public' }],
      port: sim.port,
      timeoutMs: 700,
      retries: 1,
    };
    await (
      await a.scan.start(request)
    ).done;
    const [first, second] = await Promise.all([
      (await a.scan.start(request)).done,
      (await b.scan.start(request)).done,
    ]);
    expect(first.scan.problems).toEqual([]);
    expect(second.scan.problems).toEqual([]);
    expect(first.scan.missingCount + second.scan.missingCount).toBe(0);
    const devices = a.inventory.list();
    expect(devices).toHaveLength(4);
    expect(devices.filter((d) => d.missing)).toEqual([]);
    a.close();
    b.close();
    await sim.stop();
  });
});
