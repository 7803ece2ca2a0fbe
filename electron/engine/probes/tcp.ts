/**
 * TCP connect probes for hosts without SNMP (issue 10): a full three-way handshake to each port,
 * closed at once, never a byte of payload. An accepted connection proves a listener; a refusal
 * (RST, `ECONNREFUSED`) proves a live host with that port closed; silence proves nothing.
 */
import { connect, isIP, type Socket } from 'node:net';
import ipaddr from 'ipaddr.js';

export { DEFAULT_TCP_PORTS } from '../../../shared/domain/agentless';

/** Ports that accepted a connection and ports that were refused, as logical port numbers, ascending. */
export interface TcpProbeResult {
  open: number[];
  refused: number[];
}

/** Options of {@link probeTcpPorts}. */
export interface TcpProbeOptions {
  /** Bound on each connection attempt, in milliseconds; a port silent that long is neither open nor refused. */
  timeoutMs: number;
  /**
   * Added to each port when connecting (default 0): simulators on loopback that cannot bind ports below 1024
   * listen on `port + portOffset`. The result still lists the logical ports.
   */
  portOffset?: number;
  /** Aborting destroys every socket and settles at once with what is known so far. */
  signal?: AbortSignal;
}

type PortOutcome = 'open' | 'refused' | 'silent';

/**
 * Connects to every port of `ip` at once (node:net) and sorts the ports by outcome: accepted → `open`,
 * `ECONNREFUSED` → `refused`; a timeout, an unreachable host or network, or any other error → neither.
 * Each socket is destroyed as soon as its outcome is known. Duplicate ports are probed once. `ip` must be
 * an IP literal: a host name gives an empty result without any DNS lookup.
 * @returns `{ open, refused }`, both ascending. Never rejects (not even when aborted).
 */
export async function probeTcpPorts(
  ip: string,
  ports: readonly number[],
  options: TcpProbeOptions,
): Promise<TcpProbeResult> {
  if (isIP(ip) === 0) return { open: [], refused: [] };
  const offset = options.portOffset ?? 0;
  const unique = [...new Set(ports)].sort((a, b) => a - b);
  const outcomes = await Promise.all(
    unique.map((port) => attempt(ip, port + offset, options.timeoutMs, options.signal)),
  );
  return {
    open: unique.filter((_, i) => outcomes[i] === 'open'),
    refused: unique.filter((_, i) => outcomes[i] === 'refused'),
  };
}

/** One connection attempt, settled exactly once; the socket is always destroyed. */
function attempt(host: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<PortOutcome> {
  if (signal?.aborted) return Promise.resolve('silent');
  return new Promise((resolve) => {
    // connect() only starts the handshake: no event can fire before the listeners below are attached.
    const socket: Socket = connect({ host, port });
    const finish = (outcome: PortOutcome): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(outcome);
    };
    const onAbort = (): void => finish('silent');
    const timer = setTimeout(() => finish('silent'), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => finish('open'));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      finish(error.code === 'ECONNREFUSED' ? 'refused' : 'silent'),
    );
  });
}

/**
 * Whether a probe result proves that a host exists at `ip`: a port accepted, or a port was refused.
 * A refusal counts only off loopback: on a real network a RST comes from the host itself, but for any
 * address of 127.0.0.0/8 (and ::1) the local kernel refuses on behalf of every address of the block, so
 * a refusal there proves nothing (simulated "silent" hosts on loopback would otherwise look alive).
 */
export function isAlive(ip: string, result: TcpProbeResult): boolean {
  if (result.open.length > 0) return true;
  return result.refused.length > 0 && !isLoopback(ip);
}

function isLoopback(ip: string): boolean {
  return ipaddr.isValid(ip) && ipaddr.process(ip).range() === 'loopback';
}
