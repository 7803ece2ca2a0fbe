/**
 * One Parc discovery + identification scan, run in a child process of its own so that its peak
 * RSS and CPU time are the scan's alone. Requests are counted by wrapping the sockets: every UDP
 * datagram sent (SNMP to the scan's port, NetBIOS, PJLink…) and every TCP connection attempt.
 * Only loopback targets are accepted.
 */
import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../electron/engine';
import type { Credential } from '../shared/domain/credentials';

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

/** Counts sends on dgram sockets (by destination port) and TCP connects; returns the counters. */
function countSockets(snmpPort: number) {
  const counts = { snmpRequests: 0, otherUdp: 0, tcpConnects: 0 };
  const send = dgram.Socket.prototype.send;
  dgram.Socket.prototype.send = function (this: dgram.Socket, ...args: unknown[]) {
    const at = args.findIndex((a) => typeof a === 'string');
    if (at > 0 && args[at - 1] === snmpPort) counts.snmpRequests++;
    else counts.otherUdp++;
    return (send as (...a: unknown[]) => void).apply(this, args);
  } as typeof send;
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    counts.tcpConnects++;
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof connect;
  return counts;
}

/** The child's work: one scan, measured, printed as one JSON line on stdout. */
async function childMain(job: ScanJob): Promise<void> {
  assertLoopback(job.targets);
  const counts = countSockets(job.port);
  const engine = createEngine({
    dbPath: join(mkdtempSync(join(tmpdir(), 'parc-bench-')), 'parc.db'),
    // Loopback hosts are never looked up, but make sure no resolver is ever asked.
    reverseName: async () => null,
    readNeighbours: async () => new Map(),
  });
  const credentials: Credential[] = job.communities.map((community) => ({
    kind: 'community',
    version: '2c',
    community,
  }));
  const cpu = process.cpuUsage();
  const start = performance.now();
  const { devices } = await (
    await engine.scan.start({ targets: job.targets, credentials, port: job.port, agentless: job.agentless })
  ).done;
  const wallSeconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  engine.close();
  const sample: ScanSample = {
    wallSeconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    ...counts,
    devices: devices.map((d) => ({ ip: d.ip, type: d.type })),
  };
  process.stdout.write(JSON.stringify(sample) + '\n');
}

/**
 * Runs one scan in a fresh Node process (`node --import tsx bench/parc-scan.ts JOB`).
 * @throws Error when the child fails or prints no result.
 */
export function runParcScan(job: ScanJob): Promise<ScanSample> {
  assertLoopback(job.targets);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', __filename, JSON.stringify(job)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`bench: scan child exited ${code}`));
      else resolve(JSON.parse(line) as ScanSample);
    });
  });
}

if (require.main === module) {
  childMain(JSON.parse(process.argv[2]) as ScanJob).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
