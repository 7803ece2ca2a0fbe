/**
 * The agentless part of a scan (issue 10, and PJLink for issue 4): for one address, TCP connect
 * probes on the port list, a NetBIOS node status query (RFC 1002) and, when TCP 4352 accepts, a
 * PJLink query. Everything runs at once and is bounded by the scan's timeout.
 */
import { setMaxListeners } from 'node:events';
import type { PjlinkStatus } from '../../../shared/domain/projector';
import type { OsGuess } from '../../../shared/domain/agentless';
import { queryNodeStatus, type NodeStatus } from '../probes/netbios';
import { guessOs } from '../probes/os-guess';
import { PJLINK_PORT, PjlinkError, queryPjlink } from '../probes/pjlink';
import { isAlive, probeTcpPorts } from '../probes/tcp';

/** How the agentless probes run (see ScanOptions). Times in milliseconds. */
export interface NetworkProbeOptions {
  /** TCP ports knocked on; PJLink's 4352 is always added. */
  tcpPorts: readonly number[];
  /** Added to every TCP port and to the NetBIOS port: for simulators on loopback (0 on real networks). */
  portOffset: number;
  /** UDP port of the NetBIOS name service (137). */
  netbiosPort: number;
  timeoutMs: number;
  retries: number;
  /** PJLink passwords to try, in order, when a projector asks for one (secrets: never logged). */
  pjlinkPasswords: readonly string[];
}

/** The PJLink outcome at an address: a status, or a projector that refused our passwords. */
export type PjlinkOutcome = { kind: 'status'; status: PjlinkStatus } | { kind: 'locked'; reason: string };

/** What the agentless probes learned at one address. */
export interface NetworkProbeResult {
  /** An accepted TCP connection, a refusal off loopback, a NetBIOS answer or PJLink proves a host. */
  alive: boolean;
  openPorts: number[];
  netbios: NodeStatus | null;
  pjlink: PjlinkOutcome | null;
  os: OsGuess | null;
  /** The MAC this address gave in answer to the PJLink class 2 search before the sweep, or null. */
  searchMac: string | null;
}

/** The OS guess as shown to users. */
export const OS_WORDS: Readonly<Record<OsGuess, string>> = {
  windows: 'Windows',
  linux: 'Linux',
  macos: 'macOS',
};

/**
 * Queries PJLink with no password, then with each password in turn while the projector answers
 * `auth`. @returns null when no PJLink device answers; never rejects except on abort.
 */
async function readPjlink(
  ip: string,
  options: NetworkProbeOptions,
  signal: AbortSignal,
): Promise<PjlinkOutcome | null> {
  const base = { port: PJLINK_PORT + options.portOffset, timeoutMs: options.timeoutMs, signal };
  let lastAuthError: PjlinkError | null = null;
  for (const password of [undefined, ...options.pjlinkPasswords]) {
    try {
      return { kind: 'status', status: await queryPjlink(ip, { ...base, password }) };
    } catch (error) {
      if (signal.aborted) throw error;
      if (!(error instanceof PjlinkError) || error.kind !== 'auth') return null;
      lastAuthError = error;
    }
  }
  return lastAuthError && { kind: 'locked', reason: lastAuthError.message };
}

/**
 * Probes `ip` without an agent: TCP ports and NetBIOS at once, then PJLink when 4352 accepted.
 * @param settle ends the TCP and NetBIOS wait early, keeping what has answered by then (the sweep
 *   settles them shortly after SNMP has answered: a LAN answers in milliseconds, and a host that
 *   answers SNMP must not hold its place in the sweep for the full timeout).
 * @param searchMac the MAC this address answered the PJLink search with (see pjlink-search.ts):
 *   PJLink is then queried even if its TCP port was slow to accept.
 * @returns the facts; never rejects except when `signal` (the scan's) aborts.
 */
export async function probeNetwork(
  ip: string,
  options: NetworkProbeOptions,
  signal: AbortSignal,
  settle: AbortSignal = signal,
  searchMac: string | null = null,
): Promise<NetworkProbeResult> {
  const ports = [...new Set([...options.tcpPorts, PJLINK_PORT])];
  const early = AbortSignal.any([signal, settle]);
  setMaxListeners(0, early); // one listener per TCP port probed, by design
  const [tcp, netbios] = await Promise.all([
    probeTcpPorts(ip, ports, { timeoutMs: options.timeoutMs, portOffset: options.portOffset, signal: early }),
    queryNodeStatus(ip, {
      port: options.netbiosPort + options.portOffset,
      timeoutMs: options.timeoutMs,
      retries: options.retries,
      signal: early,
    }),
  ]);
  const pjlink =
    tcp.open.includes(PJLINK_PORT) || searchMac !== null ? await readPjlink(ip, options, signal) : null;
  const openPorts = options.tcpPorts.filter((p) => tcp.open.includes(p)).sort((a, b) => a - b);
  return {
    alive: isAlive(ip, tcp) || netbios !== null || pjlink !== null || searchMac !== null,
    openPorts,
    netbios,
    pjlink,
    os: guessOs({ openPorts: tcp.open, netbios: netbios !== null }),
    searchMac,
  };
}
