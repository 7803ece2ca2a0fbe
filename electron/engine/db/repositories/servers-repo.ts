/**
 * The watched file servers, their samples, series and alerts (tables of migration 0010). All SQL
 * on server tables lives here. The SMB password is sealed at rest with the SecretBox and only
 * `smbPasswordSet` leaves this module, except through `password()` for the collector.
 */
import {
  ServerAlertCode,
  ServerSample,
  type ServerAlert,
  type ServerConfig,
  type SeriesPoint,
} from '../../../../shared/domain/server';
import { createSecretBox, type SecretBox } from '../../secret-box';
import type { Db } from '../database';

/** A server's config as stored, without its id, with the password: absent keeps it, '' or null removes it. */
export type StoredServerConfig = Omit<ServerConfig, 'id' | 'smbPasswordSet'>;

/** One numeric point of a sample: `cpu`, `load1`, `memory` or `volume:<mount>`. */
export interface SamplePoint {
  series: string;
  value: number;
}

/** The resolution a series is read at: raw points (7 days), hourly or daily averages. */
export type SeriesResolution = 'raw' | 'hour' | 'day';

/** A stored sample with its time. */
export interface TimedSample {
  at: string;
  sample: ServerSample;
}

interface ServerRow {
  id: number;
  device_id: number | null;
  name: string;
  address: string;
  snmp: number;
  snmp_port: number;
  smb_share: string | null;
  smb_user: string | null;
  smb_password: string | null;
  smb_port: number;
  local: number;
  services: string;
}

interface AlertRow {
  id: number;
  server_id: number;
  code: string;
  subject: string;
  severity: 'warning' | 'critical';
  started_at: string;
  ended_at: string | null;
  last_value: number | null;
  last_at: string;
}

/** The UTC hour start of an ISO time, e.g. `2026-11-29T08:00:00.000Z`. */
export const hourBucket = (at: string): string => `${new Date(at).toISOString().slice(0, 13)}:00:00.000Z`;
/** The UTC day start of an ISO time, e.g. `2026-11-29T00:00:00.000Z`. */
export const dayBucket = (at: string): string => `${new Date(at).toISOString().slice(0, 10)}T00:00:00.000Z`;

function toConfig(row: ServerRow): ServerConfig {
  let services: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.services);
    if (Array.isArray(parsed)) services = parsed.filter((s): s is string => typeof s === 'string');
  } catch {
    // a damaged list watches nothing rather than failing every read
  }
  return {
    id: row.id,
    deviceId: row.device_id,
    name: row.name,
    address: row.address,
    snmp: row.snmp === 1,
    snmpPort: row.snmp_port,
    smbShare: row.smb_share,
    smbUser: row.smb_user,
    smbPasswordSet: row.smb_password !== null,
    smbPort: row.smb_port,
    local: row.local === 1,
    services,
  };
}

function toAlert(row: AlertRow): ServerAlert | null {
  const code = ServerAlertCode.safeParse(row.code);
  if (!code.success) return null;
  return {
    id: row.id,
    serverId: row.server_id,
    code: code.data,
    subject: row.subject === '' ? null : row.subject,
    severity: row.severity,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    lastValue: row.last_value,
    lastAt: row.last_at,
  };
}

const AGGREGATE_TABLE = { hour: 'server_hourly', day: 'server_daily' } as const;

/** The servers repository on a migrated database; `box` seals the SMB passwords (default: as they are). */
export function createServersRepo(db: Db, box: SecretBox = createSecretBox()) {
  const byId = db.prepare<[number], ServerRow>('SELECT * FROM servers WHERE id = ?');
  const insertSample = db.prepare('INSERT INTO server_samples (server_id, at, sample) VALUES (?, ?, ?)');
  const insertPoint = db.prepare(
    'INSERT INTO server_points (server_id, series, at, value) VALUES (?, ?, ?, ?)',
  );
  const upsert = (table: string) =>
    db.prepare(
      `INSERT INTO ${table} (server_id, series, bucket, total, samples, min, max) VALUES (?, ?, ?, ?, 1, ?, ?)
       ON CONFLICT(server_id, series, bucket) DO UPDATE SET
         total = total + excluded.total, samples = samples + 1,
         min = MIN(min, excluded.min), max = MAX(max, excluded.max)`,
    );
  const upsertHourly = upsert('server_hourly');
  const upsertDaily = upsert('server_daily');
  const recent = db.prepare<[number, number], { at: string; sample: string }>(
    'SELECT at, sample FROM server_samples WHERE server_id = ? ORDER BY at DESC, id DESC LIMIT ?',
  );
  const openAlerts = db.prepare<[number], AlertRow>(
    'SELECT * FROM server_alerts WHERE server_id = ? AND ended_at IS NULL ORDER BY started_at, id',
  );
  const parseSample = (row: { at: string; sample: string }): TimedSample | null => {
    try {
      const sample = ServerSample.safeParse(JSON.parse(row.sample));
      return sample.success ? { at: row.at, sample: sample.data } : null;
    } catch {
      return null;
    }
  };
  const sealed = (password: string | null | undefined) =>
    password === undefined || password === null || password === '' ? null : box.seal(password);

  return {
    /** Every watched server (without passwords), by name. */
    list(): ServerConfig[] {
      return db
        .prepare<[], ServerRow>('SELECT * FROM servers ORDER BY name COLLATE NOCASE, id')
        .all()
        .map(toConfig);
    },

    /** One server, or undefined. */
    get(id: number): ServerConfig | undefined {
      const row = byId.get(id);
      return row ? toConfig(row) : undefined;
    },

    /** Adds a server; `smbPassword` is sealed (null or '': none). @returns its config. */
    insert(
      config: StoredServerConfig,
      smbPassword: string | null | undefined,
      createdAt: string,
    ): ServerConfig {
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO servers (device_id, name, address, snmp, snmp_port, smb_share, smb_user, smb_password,
             smb_port, local, services, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          config.deviceId,
          config.name,
          config.address,
          config.snmp ? 1 : 0,
          config.snmpPort,
          config.smbShare,
          config.smbUser,
          sealed(smbPassword),
          config.smbPort,
          config.local ? 1 : 0,
          JSON.stringify(config.services),
          createdAt,
        );
      return toConfig(byId.get(Number(lastInsertRowid)) as ServerRow);
    },

    /**
     * Replaces a server's config; `smbPassword` undefined keeps the stored one, '' or null removes it.
     * @returns the new config, or undefined for an unknown id.
     */
    update(
      id: number,
      config: StoredServerConfig,
      smbPassword: string | null | undefined,
    ): ServerConfig | undefined {
      const { changes } = db
        .prepare(
          `UPDATE servers SET device_id = ?, name = ?, address = ?, snmp = ?, snmp_port = ?, smb_share = ?,
             smb_user = ?, smb_port = ?, local = ?, services = ? WHERE id = ?`,
        )
        .run(
          config.deviceId,
          config.name,
          config.address,
          config.snmp ? 1 : 0,
          config.snmpPort,
          config.smbShare,
          config.smbUser,
          config.smbPort,
          config.local ? 1 : 0,
          JSON.stringify(config.services),
          id,
        );
      if (changes === 0) return undefined;
      if (smbPassword !== undefined)
        db.prepare('UPDATE servers SET smb_password = ? WHERE id = ?').run(sealed(smbPassword), id);
      return this.get(id);
    },

    /** Removes a server with its samples, series and alerts. @returns false for an unknown id. */
    remove(id: number): boolean {
      return db.prepare('DELETE FROM servers WHERE id = ?').run(id).changes > 0;
    },

    /**
     * The SMB password of a server, for the collector only; null when none is stored.
     * @throws InputError (`sealed-secret`) when sealed by the desktop app and not openable here.
     */
    password(id: number): string | null {
      const stored = byId.get(id)?.smb_password ?? null;
      return stored === null ? null : box.open(stored);
    },

    /** Seals the passwords stored before sealing was available (by the CLI). @returns how many. */
    sealStored(): number {
      if (!box.sealing) return 0;
      const rows = db
        .prepare<[], { id: number; smb_password: string }>(
          'SELECT id, smb_password FROM servers WHERE smb_password IS NOT NULL',
        )
        .all()
        .filter((row) => !box.isSealed(row.smb_password));
      const write = db.prepare('UPDATE servers SET smb_password = ? WHERE id = ?');
      for (const row of rows) write.run(box.seal(row.smb_password), row.id);
      return rows.length;
    },

    /**
     * Stores one sample at `at` (ISO 8601 UTC) with its numeric points, and adds the points to the
     * hourly and daily averages, in one transaction.
     */
    record(serverId: number, at: string, sample: ServerSample, points: readonly SamplePoint[]): void {
      db.transaction(() => {
        insertSample.run(serverId, at, JSON.stringify(sample));
        const hour = hourBucket(at);
        const day = dayBucket(at);
        for (const { series, value } of points) {
          insertPoint.run(serverId, series, at, value);
          upsertHourly.run(serverId, series, hour, value, value, value);
          upsertDaily.run(serverId, series, day, value, value, value);
        }
      })();
    },

    /** The last `count` samples of a server, oldest first. */
    recent(serverId: number, count: number): TimedSample[] {
      return recent
        .all(serverId, count)
        .flatMap((row) => parseSample(row) ?? [])
        .reverse();
    },

    /**
     * Deletes what is past retention: raw samples and points before `rawBefore`, hourly averages
     * before `hourlyBefore`, daily ones before `dailyBefore`, closed alerts ended before `alertsBefore`.
     */
    prune(cutoffs: {
      rawBefore: string;
      hourlyBefore: string;
      dailyBefore: string;
      alertsBefore: string;
    }): void {
      db.transaction(() => {
        db.prepare('DELETE FROM server_samples WHERE at < ?').run(cutoffs.rawBefore);
        db.prepare('DELETE FROM server_points WHERE at < ?').run(cutoffs.rawBefore);
        db.prepare('DELETE FROM server_hourly WHERE bucket < ?').run(cutoffs.hourlyBefore);
        db.prepare('DELETE FROM server_daily WHERE bucket < ?').run(cutoffs.dailyBefore);
        db.prepare('DELETE FROM server_alerts WHERE ended_at IS NOT NULL AND ended_at < ?').run(
          cutoffs.alertsBefore,
        );
      })();
    },

    /**
     * The points of every series of a server since `from` (ISO 8601), oldest first: raw values,
     * or averages with the bucket start as time. At most `maxPoints` per series, evenly
     * downsampled (first and last kept).
     */
    series(
      serverId: number,
      resolution: SeriesResolution,
      from: string,
      maxPoints: number,
    ): Map<string, SeriesPoint[]> {
      const rows =
        resolution === 'raw'
          ? db
              .prepare<[number, string], { series: string; at: string; value: number }>(
                'SELECT series, at, value FROM server_points WHERE server_id = ? AND at >= ? ORDER BY series, at',
              )
              .all(serverId, from)
          : db
              .prepare<[number, string], { series: string; at: string; value: number }>(
                `SELECT series, bucket AS at, total / samples AS value FROM ${AGGREGATE_TABLE[resolution]}
                 WHERE server_id = ? AND bucket >= ? ORDER BY series, bucket`,
              )
              .all(serverId, dayBucketOrHour(resolution, from));
      const bySeries = new Map<string, SeriesPoint[]>();
      for (const row of rows) {
        const list = bySeries.get(row.series) ?? [];
        list.push({ at: row.at, value: row.value });
        bySeries.set(row.series, list);
      }
      for (const [name, points] of bySeries) bySeries.set(name, downsample(points, maxPoints));
      return bySeries;
    },

    /** The hourly averages of one series since `from`, oldest first (for forecasts). */
    hourly(serverId: number, series: string, from: string): SeriesPoint[] {
      return db
        .prepare<[number, string, string], { at: string; value: number }>(
          `SELECT bucket AS at, total / samples AS value FROM server_hourly
           WHERE server_id = ? AND series = ? AND bucket >= ? ORDER BY bucket`,
        )
        .all(serverId, series, hourBucket(from));
    },

    /** The open alerts of a server, oldest first. */
    openAlerts(serverId: number): ServerAlert[] {
      return openAlerts.all(serverId).flatMap((row) => toAlert(row) ?? []);
    },

    /** The alerts of a server open at some time since `from` (ISO 8601), oldest first, at most `limit`. */
    alertsSince(serverId: number, from: string, limit: number): ServerAlert[] {
      return db
        .prepare<[number, string, number], AlertRow>(
          `SELECT * FROM (SELECT * FROM server_alerts WHERE server_id = ? AND (ended_at IS NULL OR ended_at >= ?)
           ORDER BY started_at DESC, id DESC LIMIT ?) ORDER BY started_at, id`,
        )
        .all(serverId, from, limit)
        .flatMap((row) => toAlert(row) ?? []);
    },

    /** Opens an alert at `at`. @returns its id. */
    openAlert(
      serverId: number,
      alert: Pick<ServerAlert, 'code' | 'subject' | 'severity' | 'lastValue'>,
      at: string,
    ): number {
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO server_alerts (server_id, code, subject, severity, started_at, last_value, last_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(serverId, alert.code, alert.subject ?? '', alert.severity, at, alert.lastValue, at);
      return Number(lastInsertRowid);
    },

    /** Notes the value an open alert still has at `at`. */
    touchAlert(id: number, lastValue: number | null, at: string): void {
      db.prepare('UPDATE server_alerts SET last_value = ?, last_at = ? WHERE id = ?').run(lastValue, at, id);
    },

    /** Closes an alert at `at` with the value that cleared it. */
    closeAlert(id: number, lastValue: number | null, at: string): void {
      db.prepare('UPDATE server_alerts SET ended_at = ?, last_value = ?, last_at = ? WHERE id = ?').run(
        at,
        lastValue,
        at,
        id,
      );
    },
  };
}

/** The first bucket a period starting at `from` overlaps. */
function dayBucketOrHour(resolution: 'hour' | 'day', from: string): string {
  return resolution === 'hour' ? hourBucket(from) : dayBucket(from);
}

/** At most `max` points, evenly spaced, the first and last kept. */
export function downsample<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  if (max < 2) return points.slice(-max);
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)]);
}

export type ServersRepo = ReturnType<typeof createServersRepo>;
