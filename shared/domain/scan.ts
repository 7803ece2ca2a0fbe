import { z } from 'zod';
import { DEFAULT_TCP_PORTS } from './agentless';
import { Credential } from './credentials';
import { Device } from './device';

/**
 * Defaults of a scan (issue 2): 256 addresses probed at once and as many answering hosts read
 * (one wave for a /24, so silent addresses cost one timeout; up to three times as many hosts that
 * answered wait their turn), 1000 ms per request, one retry, SNMP port 161.
 */
export const SCAN_DEFAULTS = {
  concurrency: 256,
  timeoutMs: 1000,
  retries: 1,
  port: 161,
  /** UDP port of the NetBIOS name service (RFC 1002). */
  netbiosPort: 137,
  /** Most new requests started per second across the whole scan (pacing). */
  maxRequestsPerSecond: 2000,
} as const;

/** Largest number of addresses a scan accepts without `force`. */
export const MAX_ADDRESSES_WITHOUT_FORCE = 65_536;

/** What to scan and how. Targets are CIDR, `a.b.c.d-a.b.c.e`, single addresses or host names. */
export const ScanRequest = z.object({
  targets: z.array(z.string().min(1)).min(1),
  credentials: z.array(Credential).min(1),
  port: z.number().int().min(1).max(65535).default(SCAN_DEFAULTS.port),
  timeoutMs: z.number().int().min(50).max(60_000).default(SCAN_DEFAULTS.timeoutMs),
  retries: z.number().int().min(0).max(10).default(SCAN_DEFAULTS.retries),
  concurrency: z.number().int().min(1).max(1024).default(SCAN_DEFAULTS.concurrency),
  force: z.boolean().default(false),
  allowPublic: z.boolean().default(false),
  /** Also look for hosts without SNMP: TCP ports, NetBIOS, reverse DNS, ARP cache, PJLink (issue 10). */
  agentless: z.boolean().default(true),
  /** TCP ports knocked on by the agentless probes (PJLink's 4352 is always probed). */
  tcpPorts: z
    .array(z.number().int().min(1).max(65535))
    .min(1)
    .max(64)
    .default([...DEFAULT_TCP_PORTS]),
  netbiosPort: z.number().int().min(1).max(65535).default(SCAN_DEFAULTS.netbiosPort),
  /**
   * Added to every TCP port and to the NetBIOS port when connecting: only for simulators on
   * loopback that cannot bind ports below 1024. Always 0 on a real network.
   */
  portOffset: z.number().int().min(0).max(60_000).default(0),
  /** PJLink passwords tried in order when a projector asks for one (secrets: never logged or stored with the scan). */
  pjlinkPasswords: z.array(z.string().min(1).max(32)).max(10).default([]),
});
export type ScanRequest = z.input<typeof ScanRequest>;
export type ScanOptions = z.output<typeof ScanRequest>;

/** Progress of a running scan, sent as often as useful (throttled by the engine). */
export const ScanProgress = z.object({
  scanId: z.number().int(),
  /** What `done` and `total` count: the addresses swept, then the printers read. */
  phase: z.enum(['addresses', 'printers']),
  done: z.number().int(),
  total: z.number().int(),
  found: z.number().int(),
  /** Address being finished most recently, for display. */
  current: z.string().nullable(),
});
export type ScanProgress = z.infer<typeof ScanProgress>;

/** A host that answered something but could not be read, with the reason (shown, never fatal). */
export const ScanProblem = z.object({ ip: z.string(), reason: z.string() });
export type ScanProblem = z.infer<typeof ScanProblem>;

export const ScanStatus = z.enum(['running', 'done', 'cancelled', 'failed']);

/** One row per scan (targets, start, end, counts). */
export const ScanSummary = z.object({
  id: z.number().int(),
  targets: z.array(z.string()),
  status: ScanStatus,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  addressCount: z.number().int(),
  respondedCount: z.number().int(),
  newCount: z.number().int(),
  updatedCount: z.number().int(),
  missingCount: z.number().int(),
  problems: z.array(ScanProblem),
});
export type ScanSummary = z.infer<typeof ScanSummary>;

/** The CLI's `parc scan --json` document, also the result of `scan:start`. */
export const ScanResult = z.object({ scan: ScanSummary, devices: z.array(Device) });
export type ScanResult = z.infer<typeof ScanResult>;
