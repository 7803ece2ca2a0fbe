/**
 * `npm run bench` (issue 8): Parc's discovery + identification beside FusionInventory's
 * netdiscovery (both timed from the process's start) and the floor (a bare concurrent GET,
 * compared with Parc timed from its first SNMP request), on the lab's 127.20.0.0/24 and
 * 127.21.0.0/22 (`../shared/lab/start --scale 1000`, started here when nothing runs), or on
 * Parc's own simulator otherwise; then printer reads, export and the devices table in Chromium.
 * Each figure is the median of BENCH_RUNS runs (default 3) with min and max; the tools run in
 * rounds and the ratios are each round's (see `benchNetwork`). Prints tables and
 * writes bench/results/latest.json. Only loopback addresses are ever contacted.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { startFixtureNetwork } from '../test/simulator/lab-network';
import { exportSeconds, printersPerSecond } from './engine-figures';
import { runFloor, type FloorSample } from './floor';
import { ensureFusion, fusionTypedRight, runFusion, FUSION_THREADS, type FusionSample } from './fusion';
import { prepareLab } from './lab-control';
import { hostsOf, labNetwork, type BenchNetwork } from './networks';
import { runParcScan, type ScanSample } from './parc-scan';
import { formatSpread, spread, type Spread } from './stats';
import { measureDevicesTable } from './ui-table';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const COMMUNITIES = ['public', 'lycee-ro'];
const TIMEOUT_MS = 1000;
const RETRIES = 1;
/** Page loads of the devices table (at least). */
const TABLE_LOADS = 15;

/** One row of the discovery table: figures as spreads, devices found and typed right. */
interface Row {
  tool: string;
  /** Discovery + identification, seconds, from the process's start (compared with FusionInventory's). */
  wallSeconds: Spread;
  /** Parc and the floor: the same from the first SNMP request (compared with each other). */
  fromFirstRequestSeconds?: Spread;
  /** Parc only: the whole scan, with the printers' supplies and counters read after the sweep. */
  wholeScanSeconds?: Spread;
  cpuSeconds: Spread | null;
  peakRssMiB: Spread | null;
  requests: Spread | null;
  found: Spread | null;
  typedRight: Spread | null;
  note?: string;
}

const typedRight = (net: BenchNetwork, devices: { ip: string; type: string }[]) =>
  devices.filter((d) => net.expected.get(d.ip) === d.type).length;

function parcRow(tool: string, net: BenchNetwork, samples: ScanSample[]): Row {
  return {
    tool,
    wallSeconds: spread(samples.map((s) => s.sweepSeconds)),
    fromFirstRequestSeconds: spread(samples.map((s) => s.sweepFromFirstRequestSeconds)),
    wholeScanSeconds: spread(samples.map((s) => s.wallSeconds)),
    cpuSeconds: spread(samples.map((s) => s.cpuSeconds)),
    peakRssMiB: spread(samples.map((s) => s.peakRssMiB)),
    requests: spread(samples.map((s) => s.snmpRequests + s.otherUdp + s.tcpConnects)),
    found: spread(samples.map((s) => s.devices.filter((d) => net.expected.has(d.ip)).length)),
    typedRight: spread(samples.map((s) => typedRight(net, s.devices))),
    note: `SNMP ${samples[0].snmpRequests} datagrams, other UDP ${samples[0].otherUdp}, TCP connects ${samples[0].tcpConnects}; ${samples[0].devices.length} devices stored`,
  };
}

function fusionRow(net: BenchNetwork, samples: FusionSample[]): Row {
  const snmp = (s: FusionSample) => s.devices.filter((d) => d.snmp && net.labTypes.has(d.ip));
  return {
    tool: `FusionInventory netdiscovery (${FUSION_THREADS} threads)`,
    wallSeconds: spread(samples.map((s) => s.wallSeconds)),
    cpuSeconds: spread(samples.map((s) => s.cpuSeconds)),
    peakRssMiB: spread(samples.map((s) => s.peakRssMiB)),
    requests: null,
    found: spread(samples.map((s) => snmp(s).length)),
    typedRight: spread(
      samples.map((s) => snmp(s).filter((d) => fusionTypedRight(net.labTypes.get(d.ip)!, d.type)).length),
    ),
    note: `${samples[0].devices.length} addresses reported (ping answers on loopback); found = identified over SNMP`,
  };
}

/** Clones typed wrong although their source device is typed right at /24 (issue 8 target). */
function cloneMisses(
  slash24: BenchNetwork,
  s24: ScanSample,
  slash22: BenchNetwork,
  s22: ScanSample,
): string[] {
  const right24 = new Set(s24.devices.filter((d) => slash24.expected.get(d.ip) === d.type).map((d) => d.ip));
  const got22 = new Map(s22.devices.map((d) => [d.ip, d.type]));
  return [...slash22.sourceOf]
    .filter(([clone, source]) => right24.has(source) && got22.get(clone) !== slash22.expected.get(clone))
    .map(([clone, source]) => `${clone} (clone of ${source}): ${got22.get(clone) ?? 'not found'}`);
}

/**
 * Measures one network in rounds: each round runs Parc (default, then SNMP only), the floor and
 * FusionInventory one after the other, so that the ratios are taken within a round (the machine's
 * speed drifts over minutes) and reported as the spread of the rounds' ratios.
 */
async function benchNetwork(net: BenchNetwork, withFusion: string | null) {
  let fusionSkip: string | null =
    withFusion ??
    (net.port === 161 ? null : 'FusionInventory only reaches port 161: it runs on the lab only');
  const parc: ScanSample[] = [];
  const parcSnmp: ScanSample[] = [];
  const floor: FloorSample[] = [];
  const fusion: FusionSample[] = [];
  const scan = (agentless: boolean) =>
    runParcScan({ targets: [net.target], port: net.port, agentless, communities: COMMUNITIES });
  for (let round = 1; round <= RUNS; round++) {
    const fi = fusionSkip ? '' : ', FusionInventory';
    console.error(`bench: ${net.name}: round ${round}/${RUNS}: Parc default, Parc SNMP only, floor${fi}`);
    parc.push(await scan(true));
    parcSnmp.push(await scan(false));
    floor.push(
      await runFloor(net.addresses, {
        port: net.port,
        timeoutMs: TIMEOUT_MS,
        retries: RETRIES,
        community: 'public',
      }),
    );
    if (fusionSkip) continue;
    try {
      fusion.push(await runFusion(net.first, net.last, COMMUNITIES));
    } catch (error) {
      fusionSkip = String(error);
      fusion.length = 0;
    }
  }
  const rows: Row[] = [
    parcRow('Parc (default: SNMP + agentless)', net, parc),
    parcRow('Parc (SNMP only, agentless: false)', net, parcSnmp),
  ];
  if (fusion.length > 0) rows.push(fusionRow(net, fusion));
  const floorSpread = spread(floor.map((f) => f.wallSeconds));
  rows.push({
    tool: 'floor (one concurrent GET of sysDescr/sysObjectID/sysName)',
    wallSeconds: floorSpread,
    fromFirstRequestSeconds: floorSpread,
    cpuSeconds: null,
    peakRssMiB: null,
    requests: null,
    found: spread(floor.map((f) => f.answered)),
    typedRight: null,
  });
  // Each round's ratio (FusionInventory's time over Parc's; Parc's from its first request over the floor's).
  const ratiosOf = (samples: ScanSample[]) => ({
    fusionOverParc:
      fusion.length > 0 ? spread(fusion.map((f, i) => f.wallSeconds / samples[i].sweepSeconds)) : null,
    parcOverFloor: spread(floor.map((f, i) => samples[i].sweepFromFirstRequestSeconds / f.wallSeconds)),
  });
  const ratios = {
    [rows[0].tool]: ratiosOf(parc),
    [rows[1].tool]: ratiosOf(parcSnmp),
  };
  return {
    name: net.name,
    addresses: net.addresses.length,
    expectedDevices: net.expected.size,
    rows,
    ratios,
    fusionSkip,
    parc,
    parcSnmp,
  };
}

function printDiscovery(result: Awaited<ReturnType<typeof benchNetwork>>) {
  console.log(
    `\n## ${result.name}: ${result.addresses} addresses, ${result.expectedDevices} SNMP devices expected`,
  );
  console.table(
    result.rows.map((r) => ({
      tool: r.tool,
      'discovery + identification s': formatSpread(r.wallSeconds),
      'from first request s': formatSpread(r.fromFirstRequestSeconds ?? null),
      'whole scan s (with printer reads)': r.wholeScanSeconds ? formatSpread(r.wholeScanSeconds) : '—',
      'CPU s': formatSpread(r.cpuSeconds),
      'peak RSS MiB': formatSpread(r.peakRssMiB, 0),
      requests: formatSpread(r.requests, 0),
      found: formatSpread(r.found, 0),
      'typed right': formatSpread(r.typedRight, 0),
    })),
  );
  for (const [tool, ratio] of Object.entries(result.ratios))
    console.log(
      `${tool}, ratios within a round: FusionInventory/Parc ${formatSpread(ratio.fusionOverParc, 1)}×, Parc/floor ${formatSpread(ratio.parcOverFloor)}×`,
    );
  if (result.fusionSkip) console.log(`FusionInventory: SKIPPED: ${result.fusionSkip}`);
}

async function main() {
  const lab = prepareLab();
  const fusionSkip = ensureFusion();
  const networks: BenchNetwork[] = [];
  let stopSimulator = async () => {};
  let source: string;
  if ('devices' in lab) {
    source = `../shared/lab: ${lab.note}`;
    networks.push(labNetwork('lab 127.20.0.0/24', '127.20.0.0/24', lab.devices));
    if (lab.scaled)
      networks.push(labNetwork('lab --scale 1000: 127.21.0.0/22', '127.21.0.0/22', lab.devices));
  } else {
    source = `Parc's own simulator (${lab.skip})`;
    const sim = await startFixtureNetwork();
    const addresses = hostsOf('127.77.0.0/24');
    const expected = new Map(
      sim.hosts.filter((h) => h.expected).map((h) => [h.address, h.expected!.type as string]),
    );
    networks.push({
      name: 'own simulator 127.77.0.0/24',
      target: '127.77.0.0/24',
      first: addresses[0],
      last: addresses[addresses.length - 1],
      addresses,
      port: sim.simulator.port,
      expected,
      labTypes: new Map(),
      sourceOf: new Map(),
    });
    stopSimulator = () => sim.simulator.stop();
  }
  console.error(`bench: ${source}; ${RUNS} runs per figure`);
  try {
    const discovery = [];
    for (const net of networks) discovery.push(await benchNetwork(net, fusionSkip));
    const misses =
      discovery.length === 2
        ? cloneMisses(networks[0], discovery[0].parc[0], networks[1], discovery[1].parc[0])
        : null;
    console.error('bench: printer reads');
    const printers = await printersPerSecond(networks[0].target, networks[0].port, RUNS);
    await stopSimulator();
    if ('devices' in lab) lab.stop();
    console.error('bench: export');
    const exports = await exportSeconds(RUNS);
    console.error('bench: devices table in Chromium');
    // A page load takes about a second and varies by ±30 ms here: 15 of them give a steady median.
    const table = await measureDevicesTable(Math.max(RUNS, TABLE_LOADS)).catch((error: unknown) => ({
      skip: `failed: ${String(error).split('\n')[0]}`,
    }));

    discovery.forEach(printDiscovery);
    if (misses)
      console.log(
        `\nclones typed wrong whose source is typed right at /24: ${misses.length}${misses.length ? ': ' + misses.slice(0, 10).join('; ') : ''}`,
      );
    console.log('\n## other figures');
    console.table({
      'full printer reads / s': formatSpread(printers.perSecond, 1),
      ...Object.fromEntries(
        Object.entries(exports.seconds).map(([f, s]) => [`export 5,000 devices, ${f}, s`, formatSpread(s)]),
      ),
      ...('skip' in table
        ? { 'devices table': `SKIPPED: ${table.skip}` }
        : {
            'table first render, ms (target < 300)': formatSpread(table.firstRender, 0),
            'table filter, ms (target < 50)': formatSpread(table.filter, 0),
            'table: DOMContentLoaded, ms from navigation': formatSpread(table.phases.domContentLoaded, 0),
            'table: device list received, ms from navigation': formatSpread(table.phases.largestFetchEnd, 0),
            'table: device list size, KiB': formatSpread(table.phases.largestFetchKiB, 0),
            'table: rows in the DOM (of 5,000)': String(table.domRows),
          }),
    });
    const result = {
      date: new Date().toISOString(),
      machine: {
        cpu: cpus()[0]?.model,
        cores: cpus().length,
        ramGiB: +(totalmem() / 2 ** 30).toFixed(1),
        os: `${type()} ${release()}`,
      },
      node: process.version,
      runs: RUNS,
      source,
      settings: {
        timeoutMs: TIMEOUT_MS,
        retries: RETRIES,
        communities: COMMUNITIES,
        fusionThreads: FUSION_THREADS,
      },
      discovery: discovery.map(({ parc: _p, parcSnmp: _s, ...d }) => d),
      clonesTypedWrongWithSourceRight: misses,
      printers,
      exports,
      devicesTable: table,
    };
    const dir = join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'latest.json'), JSON.stringify(result, null, 2) + '\n');
    console.log('\nbench: written to bench/results/latest.json');
  } finally {
    await stopSimulator().catch(() => undefined);
    if ('devices' in lab) lab.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
