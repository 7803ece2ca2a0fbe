/**
 * This PC's IPv4 neighbour (ARP) cache: IP → MAC of the hosts it recently talked to on its own links.
 * After a TCP or NetBIOS probe, the cache holds the MAC of every live host of the local subnets, even
 * those that answer nothing else. Read from /proc/net/arp (or `ip -4 neigh`) on Linux, `arp -a` on
 * Windows, `arp -an` on macOS; never through a shell.
 */
import { execFile } from 'node:child_process';
import { readFile as readFileFromDisk } from 'node:fs/promises';
import { join } from 'node:path';
import { silentLogger, type Logger } from '../log';

/** The text formats {@link parseNeighbourTable} understands. */
export type NeighbourTableFormat = 'proc-net-arp' | 'ip-neigh' | 'windows-arp' | 'macos-arp';

/** One resolved neighbour: dotted IPv4 and MAC as lower-case `aa:bb:cc:dd:ee:ff`. */
export interface Neighbour {
  ip: string;
  mac: string;
}

const IPV4 = '(?<ip>\\d{1,3}(?:\\.\\d{1,3}){3})';
/** A MAC with `:` or `-` separators and one or two hex digits per group (macOS drops leading zeros). */
const MAC = '(?<mac>[0-9a-fA-F]{1,2}(?:[:-][0-9a-fA-F]{1,2}){5})';

/**
 * One line pattern per format, with named groups `ip` and `mac`; `accept` checks the rest of the line
 * (named groups `flags`, `state`). Header lines, interface lines and incomplete entries do not match.
 */
const LINE_PATTERNS: Readonly<
  Record<NeighbourTableFormat, { pattern: RegExp; accept?: (groups: Record<string, string>) => boolean }>
> = {
  // "192.168.1.1  0x1  0x2  00:11:22:33:44:55  *  eth0": Flags must have ATF_COM (0x2), else incomplete.
  'proc-net-arp': {
    pattern: new RegExp(`^\\s*${IPV4}\\s+0x[0-9a-f]+\\s+(?<flags>0x[0-9a-f]+)\\s+${MAC}\\s`, 'i'),
    accept: ({ flags }) => (parseInt(flags, 16) & 0x2) !== 0,
  },
  // "10.0.0.1 dev eth0 lladdr 00:11:22:33:44:55 REACHABLE" (INCOMPLETE lines have no lladdr, but a
  // FAILED entry can keep an old one).
  'ip-neigh': {
    pattern: new RegExp(`^\\s*${IPV4}\\s.*\\blladdr\\s+${MAC}(?<state>(?:\\s.*)?)$`),
    accept: ({ state }) => !/\b(?:INCOMPLETE|FAILED)\b/.test(state),
  },
  // "  10.0.0.1    00-11-22-33-44-55     dynamic" (English) / "dynamique" (French).
  'windows-arp': { pattern: new RegExp(`^\\s*${IPV4}\\s+${MAC}\\s+\\S+`) },
  // "? (10.0.0.1) at 0:11:22:33:44:55 on en0 ifscope [ethernet]"; "(incomplete)" does not match.
  'macos-arp': { pattern: new RegExp(`\\(${IPV4}\\)\\s+at\\s+${MAC}\\s`) },
};

/** `0:11:22:33:44:55` or `00-11-22-33-44-55` → `00:11:22:33:44:55`. */
function normaliseMac(raw: string): string {
  return raw
    .split(/[:-]/)
    .map((group) => group.toLowerCase().padStart(2, '0'))
    .join(':');
}

/** A dotted IPv4 of one host: each octet ≤ 255, not 0.0.0.0, not multicast (224/4), not 255.255.255.255. */
function isHostAddress(ip: string): boolean {
  const octets = ip.split('.').map(Number);
  if (octets.some((octet) => octet > 255)) return false;
  return ip !== '0.0.0.0' && ip !== '255.255.255.255' && (octets[0] < 224 || octets[0] > 239);
}

/** A MAC of one station: not all zeros, and the group bit clear (so neither broadcast nor multicast). */
function isStationMac(mac: string): boolean {
  return mac !== '00:00:00:00:00:00' && (parseInt(mac.slice(0, 2), 16) & 0x01) === 0;
}

/**
 * Parses the text of a neighbour table. Keeps complete IPv4 entries only: incomplete, FAILED, all-zero,
 * broadcast and multicast MACs, and multicast or broadcast IPs are skipped; IPv6 lines are ignored.
 * Unknown lines (headers, `Interface: … --- 0x4`, blank lines, either language) are ignored, never an error.
 * @returns entries in the order of the text; an IP listed on two interfaces appears twice.
 */
export function parseNeighbourTable(text: string, format: NeighbourTableFormat): Neighbour[] {
  const { pattern, accept } = LINE_PATTERNS[format];
  const neighbours: Neighbour[] = [];
  for (const line of text.split(/\r?\n/)) {
    const groups = pattern.exec(line)?.groups;
    if (!groups || (accept && !accept(groups))) continue;
    const { ip } = groups;
    const mac = normaliseMac(groups.mac);
    if (isHostAddress(ip) && isStationMac(mac)) neighbours.push({ ip, mac });
  }
  return neighbours;
}

/** What {@link readNeighbourCache} needs from the system; tests inject all of it. */
export interface NeighbourCacheDeps {
  platform?: NodeJS.Platform;
  /** Reads a text file (default: node:fs/promises readFile as UTF-8). */
  readFile?: (path: string) => Promise<string>;
  /** Runs a program without a shell and resolves with its standard output (default: execFile). */
  run?: (file: string, args: readonly string[], timeoutMs: number) => Promise<string>;
  /** Where a failure is reported (default: dropped). */
  log?: Logger;
  /** Bound on a command, in milliseconds (default 5000). */
  timeoutMs?: number;
}

const DEFAULT_RUN_TIMEOUT_MS = 5000;
/** Largest command output accepted; a /16 cache is well under 4 MB. */
const MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

/** The program and arguments per platform; absolute paths where the location is fixed. */
function arpCommand(platform: NodeJS.Platform): {
  file: string;
  args: string[];
  format: NeighbourTableFormat;
} {
  if (platform === 'win32') {
    const systemRoot = process.env.SystemRoot ?? 'C:\\Windows';
    return { file: join(systemRoot, 'System32', 'ARP.EXE'), args: ['-a'], format: 'windows-arp' };
  }
  if (platform === 'darwin') return { file: '/usr/sbin/arp', args: ['-an'], format: 'macos-arp' };
  return { file: 'ip', args: ['-4', 'neigh', 'show'], format: 'ip-neigh' };
}

function defaultRun(file: string, args: readonly string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // Latin-1: Windows writes the console code page (CP850 in French); the fields we read are ASCII.
    execFile(
      file,
      [...args],
      { timeout: timeoutMs, windowsHide: true, encoding: 'latin1', maxBuffer: MAX_OUTPUT_BYTES },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
  });
}

/**
 * Reads this PC's neighbour cache. Linux: /proc/net/arp, falling back to `ip -4 neigh show` when the file
 * cannot be read; Windows: `%SystemRoot%\System32\ARP.EXE -a`; macOS: `/usr/sbin/arp -an`; other
 * platforms are treated like Linux. Commands run through execFile with a timeout, never a shell.
 * @returns IP → MAC (`aa:bb:cc:dd:ee:ff`); the first entry wins for an IP listed twice. Never rejects:
 * on failure, an empty map, and the reason goes to `deps.log` as a warning.
 */
export async function readNeighbourCache(deps: NeighbourCacheDeps = {}): Promise<Map<string, string>> {
  const platform = deps.platform ?? process.platform;
  const readFile = deps.readFile ?? ((path: string) => readFileFromDisk(path, 'utf8'));
  const run = deps.run ?? defaultRun;
  const log = deps.log ?? silentLogger;
  const timeoutMs = deps.timeoutMs ?? DEFAULT_RUN_TIMEOUT_MS;
  const toMap = (entries: Neighbour[]): Map<string, string> => {
    const map = new Map<string, string>();
    for (const { ip, mac } of entries) if (!map.has(ip)) map.set(ip, mac);
    return map;
  };

  const reasons: string[] = [];
  if (platform !== 'win32' && platform !== 'darwin') {
    try {
      return toMap(parseNeighbourTable(await readFile('/proc/net/arp'), 'proc-net-arp'));
    } catch (error) {
      reasons.push(`/proc/net/arp: ${describe(error)}`);
    }
  }
  const command = arpCommand(platform);
  try {
    return toMap(parseNeighbourTable(await run(command.file, command.args, timeoutMs), command.format));
  } catch (error) {
    reasons.push(`${[command.file, ...command.args].join(' ')}: ${describe(error)}`);
  }
  log.warn('neighbour cache unreadable', { reason: reasons.join('; ') });
  return new Map();
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
