/**
 * Engine figures beside discovery: full printer reads per second (`parc poll`) and the export
 * of 5,000 generated devices per format (issue 7).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../electron/engine';
import { seedGenerated } from '../test/unit/export/seed';
import { spread, type Spread } from './stats';

/** Devices generated for the export bench (issue 7: each format under 5 s). */
export const EXPORT_DEVICES = 5000;

const newDb = () => join(mkdtempSync(join(tmpdir(), 'parc-bench-')), 'parc.db');

/**
 * Full printer reads (Printer-MIB supplies, trays, alerts, counters) per second: the printers of
 * `target` (a 127.x CIDR) found once with an SNMP-only scan, then polled `runs` times.
 */
export async function printersPerSecond(target: string, port: number, runs: number) {
  if (!target.startsWith('127.')) throw new Error(`bench: refusing ${target}`);
  const engine = createEngine({
    dbPath: newDb(),
    reverseName: async () => null,
    readNeighbours: async () => new Map(),
  });
  try {
    engine.settings.set({ port });
    await (
      await engine.scan.start({
        targets: [target],
        credentials: [{ kind: 'community', version: '2c', community: 'public' }],
        port,
        agentless: false,
      })
    ).done;
    const rates: number[] = [];
    let printers = 0;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const { polled } = await engine.printers.poll();
      printers = polled;
      rates.push(polled / ((performance.now() - start) / 1000));
    }
    return { what: 'full printer reads per second (parc poll)', printers, perSecond: spread(rates) };
  } finally {
    engine.close();
  }
}

/** Seconds to export `EXPORT_DEVICES` generated devices, per format, `runs` times each. */
export async function exportSeconds(
  runs: number,
): Promise<{ devices: number; seconds: Record<string, Spread> }> {
  const dbPath = newDb();
  seedGenerated(dbPath, EXPORT_DEVICES);
  const engine = createEngine({ dbPath });
  try {
    const seconds: Record<string, Spread> = {};
    for (const format of ['csv', 'xlsx', 'json', 'glpi'] as const) {
      const xs: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const { devices } = await engine.exports.write(
          format,
          join(mkdtempSync(join(tmpdir(), 'parc-bench-export-')), `export-${format}`),
        );
        if (devices !== EXPORT_DEVICES) throw new Error(`export ${format}: ${devices} devices`);
        xs.push((performance.now() - start) / 1000);
      }
      seconds[format] = spread(xs);
    }
    return { devices: EXPORT_DEVICES, seconds };
  } finally {
    engine.close();
  }
}
