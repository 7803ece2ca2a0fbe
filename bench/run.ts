/**
 * `npm run bench`: speed and memory of a discovery scan, printed as a table and written to
 * bench/results/latest.json. Runs on ../shared/lab when it is running (127.20.0.0/24, default
 * timeout and retries), else on Parc's own simulator. Only loopback addresses are scanned.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../electron/engine';
import type { Credential } from '../shared/domain/credentials';
import { loadLab } from '../test/lab/lab';
import { seedGenerated } from '../test/unit/export/seed';
import { startFixtureNetwork } from '../test/simulator/lab-network';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Sample {
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMiB: number;
  found: number;
  typedRight: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function scanOnce(
  targets: string[],
  credentials: Credential[],
  port: number,
  expectedTypes: Map<string, string>,
): Promise<Sample> {
  const engine = createEngine({ dbPath: join(mkdtempSync(join(tmpdir(), 'parc-bench-')), 'parc.db') });
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const cpu = process.cpuUsage();
  const start = performance.now();
  try {
    const handle = await engine.scan.start({ targets, credentials, port });
    const { devices } = await handle.done;
    const used = process.cpuUsage(cpu);
    return {
      wallSeconds: (performance.now() - start) / 1000,
      cpuSeconds: (used.user + used.system) / 1e6,
      peakRssMiB: Math.max(peak, process.memoryUsage().rss) / 2 ** 20,
      found: devices.length,
      typedRight: devices.filter((d) => expectedTypes.get(d.ip) === d.type).length,
    };
  } finally {
    clearInterval(timer);
    engine.close();
  }
}

/** Full printer reads per second: the printers of `targets` found once, then polled `RUNS` times. */
async function printersPerSecond(targets: string[], port: number) {
  const engine = createEngine({ dbPath: join(mkdtempSync(join(tmpdir(), 'parc-bench-')), 'parc.db') });
  try {
    engine.settings.set({ port });
    await (
      await engine.scan.start({
        targets,
        credentials: [{ kind: 'community', version: '2c', community: 'public' }],
        port,
      })
    ).done;
    const rates: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const { polled } = await engine.printers.poll();
      rates.push(polled / ((performance.now() - start) / 1000));
    }
    return { median: median(rates), min: Math.min(...rates), max: Math.max(...rates) };
  } finally {
    engine.close();
  }
}

/** Devices generated for the export bench (issue 7: each format under 5 s). */
const EXPORT_DEVICES = 5000;

/** Seconds to export `EXPORT_DEVICES` generated devices (one in ten a printer with a reading), per format. */
async function exportSeconds() {
  const dir = mkdtempSync(join(tmpdir(), 'parc-bench-export-'));
  const dbPath = join(dir, 'parc.db');
  seedGenerated(dbPath, EXPORT_DEVICES);
  const engine = createEngine({ dbPath });
  try {
    const seconds: Record<string, number> = {};
    for (const format of ['csv', 'xlsx', 'json', 'glpi'] as const) {
      const start = performance.now();
      const { devices } = await engine.exports.write(format, join(dir, `export-${format}`));
      if (devices !== EXPORT_DEVICES) throw new Error(`export ${format}: ${devices} devices`);
      seconds[format] = (performance.now() - start) / 1000;
    }
    return seconds;
  } finally {
    engine.close();
  }
}

async function main() {
  const lab = loadLab();
  const community = (c: string): Credential => ({ kind: 'community', version: '2c', community: c });
  let name: string;
  let targets: string[];
  let port: number;
  let expectedTypes: Map<string, string>;
  let stop = async () => {};
  if ('devices' in lab) {
    name = 'lab 127.20.0.0/24';
    targets = ['127.20.0.0/24'];
    port = 161;
    const typeName = (t: string) => (t === 'ap' ? 'access-point' : t);
    expectedTypes = new Map(
      lab.devices.filter((d) => d.ip.startsWith('127.20.0.')).map((d) => [d.ip, typeName(d.type)]),
    );
  } else {
    console.warn(`bench: ${lab.skip}; using Parc's own simulator instead`);
    const network = await startFixtureNetwork();
    name = 'own simulator 127.77.0.0/24';
    targets = ['127.77.0.0/24'];
    port = network.simulator.port;
    expectedTypes = new Map(network.hosts.map((h) => [h.address, h.expected?.type ?? '']));
    stop = () => network.simulator.stop();
  }
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    samples.push(await scanOnce(targets, [community('public'), community('lycee-ro')], port, expectedTypes));
  }
  const printerReads = await printersPerSecond(targets, port);
  await stop();
  const exports = await exportSeconds();

  const stat = (key: keyof Sample) => {
    const xs = samples.map((s) => s[key]);
    return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
  };
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    runs: RUNS,
    discovery: {
      network: name,
      defaults: 'timeout 1000 ms, 1 retry, 256 hosts in flight',
      wallSeconds: stat('wallSeconds'),
      cpuSeconds: stat('cpuSeconds'),
      peakRssMiB: stat('peakRssMiB'),
      found: stat('found'),
      typedRight: stat('typedRight'),
      target: 'under 5 s for the lab /24 (issue 2)',
    },
    printers: {
      what: 'full printer reads (Printer-MIB supplies, trays, alerts, counters) per second, parc poll',
      perSecond: printerReads,
    },
    exports: {
      what: `seconds to export ${EXPORT_DEVICES} generated devices, per format (engine.exports.write)`,
      seconds: exports,
      target: 'under 5 s per format (issue 7)',
    },
  };
  console.table(
    Object.fromEntries(
      (['wallSeconds', 'cpuSeconds', 'peakRssMiB', 'found', 'typedRight'] as const).map((k) => [
        k,
        result.discovery[k],
      ]),
    ),
  );
  console.table(exports);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(
    `bench: ${name}: median ${result.discovery.wallSeconds.median.toFixed(2)} s; written to bench/results/latest.json`,
  );
}

void main();
