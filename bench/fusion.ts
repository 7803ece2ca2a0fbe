/**
 * FusionInventory 2.6's `fusioninventory-netdiscovery` (Debian package
 * `fusioninventory-agent-task-network`) on the same range, for comparison: 32 threads, the same
 * 1 s timeout, the same communities. Its wall time, CPU time and peak RSS come from GNU time;
 * its XML output (one <REQUEST> per device) is parsed for devices found and their type.
 *
 * It only ever scans 127.x addresses, and runs in a private mount namespace whose
 * /etc/resolv.conf points at 127.0.0.1, so no name lookup of its own leaves the machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FUSION = '/usr/bin/fusioninventory-netdiscovery';
const GNU_TIME = '/usr/bin/time';

/** Threads and timeout of the comparison (issue 8). */
export const FUSION_THREADS = 32;
export const FUSION_TIMEOUT_SECONDS = 1;

/**
 * FusionInventory's TYPE for each lab type (GLPI's network equipment types). It has no type
 * for Wi-Fi access points (they are NETWORKING) nor for "other" (any type is accepted there).
 */
export const FUSION_TYPE_OF_LAB: Readonly<Record<string, readonly string[]>> = {
  printer: ['PRINTER'],
  switch: ['NETWORKING'],
  ap: ['NETWORKING'],
  nas: ['STORAGE'],
  server: ['COMPUTER'],
  ups: ['POWER'],
  projector: ['VIDEO'],
};

/** One device of netdiscovery's output. */
export interface FusionDevice {
  ip: string;
  /** TYPE element (NETWORKING, PRINTER, STORAGE, COMPUTER, POWER…), or null. */
  type: string | null;
  /** True when it was identified over SNMP (AUTHSNMP present), not only pinged. */
  snmp: boolean;
}

/** One netdiscovery run. Seconds and MiB. */
export interface FusionSample {
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMiB: number;
  devices: FusionDevice[];
}

/**
 * Installs the Debian package (and GNU time) when missing, as root only.
 * @returns null when netdiscovery is usable, else why not.
 */
export function ensureFusion(): string | null {
  const missing = [FUSION, GNU_TIME].filter((p) => !existsSync(p));
  if (missing.length === 0) return null;
  if (process.getuid?.() !== 0)
    return `${missing.join(', ')} missing and not root: apt-get install fusioninventory-agent-task-network time`;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  const install = spawnSync(
    'apt-get',
    ['install', '-y', '-qq', 'fusioninventory-agent-task-network', 'time'],
    { stdio: 'ignore', env },
  );
  if (install.status !== 0 || !existsSync(FUSION) || !existsSync(GNU_TIME))
    return 'apt-get install fusioninventory-agent-task-network time failed';
  return null;
}

/** Reads the devices out of netdiscovery's stdout (concatenated XML documents). */
export function parseFusionXml(xml: string): FusionDevice[] {
  const text = (block: string, tag: string) => {
    const m = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(block);
    return m ? m[1] : null;
  };
  return xml
    .split('<DEVICE>')
    .slice(1)
    .map((block) => block.slice(0, block.indexOf('</DEVICE>')))
    .map((block) => ({
      ip: text(block, 'IP') ?? '',
      type: text(block, 'TYPE'),
      snmp: text(block, 'AUTHSNMP') !== null,
    }))
    .filter((d) => d.ip !== '');
}

/** True when FusionInventory's `type` is right for a device whose lab type is `labType`. */
export function fusionTypedRight(labType: string, type: string | null): boolean {
  const accepted = FUSION_TYPE_OF_LAB[labType];
  return accepted ? type !== null && accepted.includes(type) : labType === 'other';
}

/**
 * Runs netdiscovery on `first`–`last` (both 127.x) with every community in `communities`.
 * @throws Error on a non-loopback address or when the run fails.
 */
export function runFusion(first: string, last: string, communities: readonly string[]): FusionSample {
  for (const ip of [first, last])
    if (!/^127\.\d+\.\d+\.\d+$/.test(ip)) throw new Error(`bench: refusing ${ip}`);
  const dir = mkdtempSync(join(tmpdir(), 'parc-bench-fi-'));
  const resolv = join(dir, 'resolv.conf');
  writeFileSync(resolv, 'nameserver 127.0.0.1\n');
  const timeFile = join(dir, 'time');
  const args = [
    '--first',
    first,
    '--last',
    last,
    '--threads',
    String(FUSION_THREADS),
    '--timeout',
    String(FUSION_TIMEOUT_SECONDS),
    ...communities.flatMap((c) => ['--credentials', `version:2c,community:${c}`]),
  ];
  const script = `mount --bind "$1" /etc/resolv.conf && shift && exec "$@"`;
  const run = spawnSync(
    'unshare',
    [
      '-m',
      '--propagation',
      'private',
      'sh',
      '-c',
      script,
      'sh',
      resolv,
      GNU_TIME,
      '-f',
      '%e %U %S %M',
      '-o',
      timeFile,
      FUSION,
      ...args,
    ],
    { encoding: 'utf8', maxBuffer: 256 * 2 ** 20, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (run.status !== 0 || !existsSync(timeFile))
    throw new Error(
      `netdiscovery failed (${run.status}): ${run.stderr.trim().split('\n').slice(-3).join(' / ')}`,
    );
  const [wall, user, system, maxKiB] = readFileSync(timeFile, 'utf8')
    .trim()
    .split('\n')
    .pop()!
    .split(' ')
    .map(Number);
  return {
    wallSeconds: wall,
    cpuSeconds: user + system,
    peakRssMiB: maxKiB / 1024,
    devices: parseFusionXml(run.stdout),
  };
}
