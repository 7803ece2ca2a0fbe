import { z } from 'zod';

/**
 * The lycée's pedagogical file server (issue 5): Samba on Linux (SambaEdu, Scribe), Windows
 * Server or a NAS, watched through SNMP (HOST-RESOURCES-MIB RFC 2790, UCD-SNMP-MIB, NAS vendor
 * MIBs), SMB, and systeminformation when Parc runs on the server itself. Sizes in bytes, times
 * ISO 8601 (UTC), durations in seconds or milliseconds as named.
 */

/** How to reach a watched server. The SMB password is a secret: only `smbPasswordSet` leaves the engine. */
export const ServerConfig = z.object({
  id: z.number().int(),
  /** The inventory device it is, or null when added by address. */
  deviceId: z.number().int().nullable(),
  name: z.string().min(1).max(100),
  /** IPv4 address or host name. */
  address: z.string().min(1).max(255),
  /** Read it over SNMP with the stored credentials (or the default community). */
  snmp: z.boolean(),
  /** SNMP UDP port (161; tests use another). */
  snmpPort: z.number().int().min(1).max(65535),
  /** The share to list (e.g. `pedago`), or null to check only that SMB answers. */
  smbShare: z.string().max(255).nullable(),
  /** Read-only account for the listing (`DOMAIN\\user` or `user`), or null (guest). */
  smbUser: z.string().max(255).nullable(),
  smbPasswordSet: z.boolean(),
  /** SMB TCP port (445; tests use another). */
  smbPort: z.number().int().min(1).max(65535),
  /** Parc runs on this server: disks, load, memory and uptime from systeminformation. */
  local: z.boolean(),
  /** Process names that must be running (hrSWRunName), e.g. smbd, nmbd, winbindd; empty: none watched. */
  services: z.array(z.string().min(1).max(64)).max(20),
});
export type ServerConfig = z.infer<typeof ServerConfig>;

/** What the referent gives to watch a server (the password is write-only). */
export const ServerConfigInput = ServerConfig.omit({ id: true, smbPasswordSet: true }).extend({
  snmpPort: z.number().int().min(1).max(65535).default(161),
  smbPort: z.number().int().min(1).max(65535).default(445),
  services: z.array(z.string().min(1).max(64)).max(20).default(['smbd']),
  /** The SMB password; absent keeps the stored one, empty removes it. */
  smbPassword: z.string().max(255).optional(),
});
export type ServerConfigInput = z.input<typeof ServerConfigInput>;

/** Where a volume's figures come from (64-bit UCD-SNMP columns are exact beyond 8 TiB). */
export const VolumeSource = z.enum(['hr-storage', 'ucd-dsk', 'local', 'nas']);

/** One volume (file system) of the server. */
export const Volume = z.object({
  /** Mount point or drive (`/srv/pedago`, `C:\\`), as the source names it. */
  name: z.string(),
  sizeBytes: z.number().nonnegative(),
  usedBytes: z.number().nonnegative(),
  /** Used, 0–100. */
  percent: z.number(),
  source: VolumeSource,
});
export type Volume = z.infer<typeof Volume>;

/** The SMB check: TCP 445 answers a real SMB2 NEGOTIATE, and (with a share) a listing works. */
export const SmbCheck = z.object({
  /** The server answered an SMB2 NEGOTIATE (false: refused, timed out or not SMB). */
  reachable: z.boolean(),
  /** Dialect it chose, e.g. `3.1.1`, or null. */
  dialect: z.string().nullable(),
  /** The listing of the share, when one is configured. */
  listing: z
    .object({
      ok: z.boolean(),
      /** Time it took, milliseconds. */
      ms: z.number().nonnegative(),
      entries: z.number().int().nullable(),
      /** Why it failed, in words (never the password). */
      error: z.string().nullable(),
    })
    .nullable(),
  error: z.string().nullable(),
});
export type SmbCheck = z.infer<typeof SmbCheck>;

/** A NAS's own health where its vendor MIB gives it (Synology, QNAP). */
export const NasHealth = z.object({
  /** System status as the NAS says it: `normal` or `failed`… */
  systemStatus: z.string().nullable(),
  temperatureCelsius: z.number().nullable(),
  disks: z.array(
    z.object({ name: z.string(), status: z.string(), temperatureCelsius: z.number().nullable() }),
  ),
  raids: z.array(z.object({ name: z.string(), status: z.string() })),
});
export type NasHealth = z.infer<typeof NasHealth>;

/** One collection of a server's figures. Absent figures are null. */
export const ServerSample = z.object({
  at: z.string(),
  /** Average processor load, percent (hrProcessorLoad, or systeminformation). */
  cpuPercent: z.number().nullable(),
  /**
   * Processors counted (hrProcessorTable rows, or systeminformation's cores), for the sustained
   * load rule (load1 > 2 × processors); absent or null when unknown.
   */
  cpuCount: z.number().int().positive().nullable().optional(),
  /** Load averages 1/5/15 min (UCD laLoad, or systeminformation). */
  load: z.tuple([z.number(), z.number(), z.number()]).nullable(),
  memoryTotalBytes: z.number().nullable(),
  memoryAvailableBytes: z.number().nullable(),
  uptimeSeconds: z.number().nullable(),
  volumes: z.array(Volume),
  /** The watched services and whether a process of that name runs (hrSWRunName). */
  services: z.array(z.object({ name: z.string(), running: z.boolean() })),
  smb: SmbCheck.nullable(),
  nas: NasHealth.nullable(),
  /** What could not be read, in words (SNMP timeout…), never a secret. */
  problems: z.array(z.string()),
});
export type ServerSample = z.infer<typeof ServerSample>;

/** Watching a server: its config (password write-only), added from an inventory device or an address. */
export const ServerSaveInput = ServerConfigInput.extend({
  /** The server to change; absent: a new one. */
  id: z.number().int().optional(),
  /** The inventory device it is: its address and name are the defaults. */
  deviceId: z.number().int().nullable().default(null),
  /** Default: the device's host or SNMP name, else the address. */
  name: z.string().trim().min(1).max(100).optional(),
  /** IPv4 address or host name; default: the device's IP. */
  address: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/^[A-Za-z0-9][A-Za-z0-9.:_-]*$/, 'an IPv4 address or a host name')
    .optional(),
  snmp: z.boolean().default(true),
  smbShare: z.string().trim().min(1).max(255).nullable().default(null),
  smbUser: z.string().trim().min(1).max(255).nullable().default(null),
  local: z.boolean().default(false),
}).refine((input) => input.address !== undefined || input.deviceId !== null, {
  message: 'give an address or an inventory device',
  path: ['address'],
});
export type ServerSaveInput = z.input<typeof ServerSaveInput>;

/** How a server looks at a glance: `critical` (rouge), `warning` (orange), `ok` (vert), `unknown` (never read, or nothing read). */
export const ServerHealth = z.enum(['ok', 'warning', 'critical', 'unknown']);
export type ServerHealth = z.infer<typeof ServerHealth>;

/**
 * What an alert is about: a volume at or over the warning / critical percent, SMB not answering,
 * the share listing failing, a watched service not running, a load sustained over 3 samples.
 */
export const ServerAlertCode = z.enum([
  'volume-warning',
  'volume-critical',
  'smb-unreachable',
  'smb-listing-failed',
  'service-stopped',
  'sustained-load',
]);
export type ServerAlertCode = z.infer<typeof ServerAlertCode>;

/** One alert: open from `startedAt` until its condition clears (`endedAt`), one per condition and subject. */
export const ServerAlert = z.object({
  id: z.number().int(),
  serverId: z.number().int(),
  code: ServerAlertCode,
  /** The volume (mount) or service it is about; null for the whole server. */
  subject: z.string().nullable(),
  severity: z.enum(['warning', 'critical']),
  /** ISO 8601, the sample that opened it. */
  startedAt: z.string(),
  /** ISO 8601, the sample that cleared it; null while open. */
  endedAt: z.string().nullable(),
  /** The last measured value: volume percent, CPU percent (else load1); null for yes/no conditions. */
  lastValue: z.number().nullable(),
  /** ISO 8601, the last sample that judged it. */
  lastAt: z.string(),
});
export type ServerAlert = z.infer<typeof ServerAlert>;

/** One volume in a server's status, with its state and the "full in N days" forecast. */
export const ServerVolumeStatus = z.object({
  /** Mount point or drive, as the source names it (`Volume.name`). */
  mount: z.string(),
  sizeBytes: z.number().nonnegative(),
  usedBytes: z.number().nonnegative(),
  percent: z.number(),
  source: VolumeSource,
  /** Days until 100 % from a Theil–Sen fit of the last 30 days; null when not meaningful. */
  fullInDays: z.number().int().nonnegative().nullable(),
  /** From its open volume alerts. */
  state: z.enum(['ok', 'warning', 'critical']),
});
export type ServerVolumeStatus = z.infer<typeof ServerVolumeStatus>;

/** A watched server as `parc server status --json` and `servers:status` give it (issue 5). */
export const ServerStatus = z.object({
  id: z.number().int(),
  name: z.string(),
  deviceId: z.number().int().nullable(),
  /** The address it is reached at (IPv4 or host name). */
  ip: z.string(),
  state: ServerHealth,
  /** ISO 8601 of the last sample, or null (never read). */
  sampledAt: z.string().nullable(),
  uptimeSeconds: z.number().nullable(),
  cpuPercent: z.number().nullable(),
  cpuCount: z.number().int().nullable(),
  /** Load averages (UCD laLoad), or null. */
  load: z.object({ load1: z.number(), load5: z.number(), load15: z.number() }).nullable(),
  memory: z.object({ totalBytes: z.number(), availableBytes: z.number() }).nullable(),
  volumes: z.array(ServerVolumeStatus),
  smb: z
    .object({
      reachable: z.boolean(),
      dialect: z.string().nullable(),
      /** Milliseconds the share listing took, when one is configured and worked. */
      listMs: z.number().nullable(),
      entries: z.number().int().nullable(),
      error: z.string().nullable(),
    })
    .nullable(),
  services: z.array(z.object({ name: z.string(), running: z.boolean() })),
  nas: NasHealth.nullable(),
  /** What the last sample could not read, in words. */
  problems: z.array(z.string()),
  /** The open alerts, critical first. */
  alerts: z.array(ServerAlert),
});
export type ServerStatus = z.infer<typeof ServerStatus>;

/** Most days of history kept (daily averages beyond 90 days). */
export const SERVER_HISTORY_MAX_DAYS = 1830;

/** `servers:history`: a server's series over the last `days` days. */
export const ServerHistoryInput = z.object({
  id: z.number().int(),
  days: z.number().int().min(1).max(SERVER_HISTORY_MAX_DAYS).default(7),
});
export type ServerHistoryInput = z.input<typeof ServerHistoryInput>;

/** One point of a series: its time (ISO 8601; an average's bucket start) and value. */
export const SeriesPoint = z.object({ at: z.string(), value: z.number() });
export type SeriesPoint = z.infer<typeof SeriesPoint>;

/**
 * A server's series for charts, oldest first, at most 500 points each: raw samples up to 7 days,
 * hourly averages up to 90 days, daily averages beyond; and the alerts of the period.
 */
export const ServerHistory = z.object({
  days: z.number().int(),
  resolution: z.enum(['raw', 'hour', 'day']),
  /** Processor load, percent. */
  cpu: z.array(SeriesPoint),
  /** Load average over 1 minute. */
  load: z.array(SeriesPoint),
  /** Memory used, percent of the total. */
  memory: z.array(SeriesPoint),
  /** Each volume's used percent. */
  volumes: z.array(z.object({ mount: z.string(), points: z.array(SeriesPoint) })),
  /** Alerts open at some time in the period (open ones too), oldest first. */
  alerts: z.array(ServerAlert),
});
export type ServerHistory = z.infer<typeof ServerHistory>;

/** What a poll did: servers read, servers whose collection failed and why (never a secret). */
export const ServerPollResult = z.object({
  polled: z.number().int(),
  failed: z.number().int(),
  failures: z.array(z.object({ id: z.number().int(), name: z.string(), error: z.string() })),
});
export type ServerPollResult = z.infer<typeof ServerPollResult>;
