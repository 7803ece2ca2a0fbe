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
