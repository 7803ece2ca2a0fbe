/**
 * One Parc scan as users run it: the built CLI (`bin/parc.js scan … --json`, what `npm install`
 * builds), in a process of its own so that its peak RSS and CPU time are the scan's alone.
 * bench/count-sockets.cjs, preloaded into it, counts every UDP datagram sent (SNMP to the scan's
 * port, NetBIOS, PJLink…) and every TCP connection attempt, and notes when the sweep ends.
 * Only loopback targets are accepted.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');

/** What the child is asked to scan. */
export interface ScanJob {
  /** CIDR or ranges, all inside 127.0.0.0/8. */
  targets: string[];
  /** SNMP UDP port (161 on the lab, the simulator's port otherwise). */
  port: number;
  /** Also run the agentless probes (TCP ports, NetBIOS, PJLink), as Parc's default scan does. */
  agentless: boolean;
  /** Communities tried, in order (SNMPv2c). */
  communities: string[];
}

/** One scan's measurements. Seconds, MiB, counts. */
export interface ScanSample {
  /** Discovery + identification: from the CLI's start until every address is swept and every device stored. */
  sweepSeconds: number;
  /** The same, from the scan's first SNMP request (as the floor is timed: the CLI's start left out). */
  sweepFromFirstRequestSeconds: number;
  /** The whole scan: the sweep, then the printers' supplies and counters read. */
  wallSeconds: number;
  cpuSeconds: number;
  /** Peak resident memory of the whole child process (getrusage maxrss), MiB. */
  peakRssMiB: number;
  /** UDP datagrams sent to the SNMP port (retries included). */
  snmpRequests: number;
  /** Other UDP datagrams (NetBIOS node status…). */
  otherUdp: number;
  /** TCP connection attempts (agentless port probes, PJLink). */
  tcpConnects: number;
  /** Every device stored by the scan: address and Parc's type. */
  devices: { ip: string; type: string }[];
}

/** Every IPv4 address literal in a target must be loopback (127.0.0.0/8). */
function assertLoopback(targets: readonly string[]): void {
  for (const t of targets)
    if (!/^127\.\d+\.\d+\.\d+(\/\d+)?$/.test(t))
      throw new Error(`bench: refusing to scan ${t} (loopback only)`);
}

/**
 * Runs one scan with the built CLI on a fresh database.
 * @throws Error when the CLI is not built, fails, or prints no result.
 */
export function runParcScan(job: ScanJob): Promise<ScanSample> {
  assertLoopback(job.targets);
  if (!existsSync(join(ROOT, 'out/main/parc.js')))
    return Promise.reject(new Error('bench: the CLI is not built: run "npm run build"'));
  const dir = mkdtempSync(join(tmpdir(), 'parc-bench-'));
  const figures = join(dir, 'figures.json');
  const args = [
    join(ROOT, 'bin/parc.js'),
    'scan',
    ...job.targets,
    ...job.communities.flatMap((c) => ['-c', c]),
    '--port',
    String(job.port),
    '--db',
    join(dir, 'parc.db'),
    '--json',
    ...(job.agentless ? [] : ['--no-agentless']),
  ];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'ignore'],
      env: {
        ...process.env,
        NODE_OPTIONS: `--require ${join(ROOT, 'bench/count-sockets.cjs')}`,
        PARC_BENCH_OUT: figures,
        PARC_BENCH_SNMP_PORT: String(job.port),
      },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0 || !existsSync(figures)) return fail(new Error(`bench: parc scan exited ${code}`));
      const { devices } = JSON.parse(out) as { devices: { ip: string; type: string }[] };
      done({
        ...(JSON.parse(readFileSync(figures, 'utf8')) as Omit<ScanSample, 'devices'>),
        devices: devices.map((d) => ({ ip: d.ip, type: d.type })),
      });
    });
  });
}
