/**
 * The file server feature (issue 5): which servers are watched and how to reach them, polls
 * (collect, store, judge the alerts, apply retention), the status at a glance with "full in N
 * days" per volume, and the series for the charts. Collection itself is a dependency (`collect`,
 * see `collect.ts`): this module stores and judges what it gives.
 */
import {
  SERVER_HISTORY_MAX_DAYS,
  ServerSaveInput,
  type ServerAlert,
  type ServerConfig,
  type ServerHealth,
  type ServerHistory,
  type ServerPollResult,
  type ServerSample,
  type ServerStatus,
  type ServerVolumeStatus,
} from '../../../shared/domain/server';
import type { Settings } from '../../../shared/domain/settings';
import type { DevicesRepo } from '../db/repositories/devices-repo';
import type { SamplePoint, ServersRepo, SeriesResolution } from '../db/repositories/servers-repo';
import { InputError, NotFoundError } from '../errors';
import { silentLogger, type Logger } from '../log';
import { judgeSample, SUSTAINED_SAMPLES, type AlertThresholds } from './alerts';
import { fullInDays, FORECAST_RULES } from './forecast';

/** Collects one server's figures; never throws for a source that fails (a `problems` entry instead). */
export type CollectServer = (config: ServerConfig, smbPassword: string | null) => Promise<ServerSample>;

export interface ServersDeps {
  repo: ServersRepo;
  devices: Pick<DevicesRepo, 'get'>;
  collect: CollectServer;
  /** Read at every poll (thresholds may change between two). */
  settings: () => Pick<Settings, 'serverVolumeWarning' | 'serverVolumeCritical'>;
  /** ISO 8601 "now". */
  now: () => string;
  logger?: Logger;
  /** A server's collection not done after this many milliseconds is given up (default 120,000). */
  collectTimeoutMs?: number;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** How long each resolution is kept, in days (issue 5: raw 7 days, hourly 90 days, daily beyond). */
export const SERVER_RETENTION_DAYS = {
  raw: 7,
  hour: 90,
  day: SERVER_HISTORY_MAX_DAYS,
  /** Closed alerts. */
  alerts: 365,
} as const;
/** Points per series in a history answer at most. */
export const SERVER_HISTORY_MAX_POINTS = 500;
/** Servers collected at once. */
const POLL_CONCURRENCY = 4;
const DEFAULT_COLLECT_TIMEOUT_MS = 120_000;
const VOLUME_SERIES = 'volume:';

/** The numeric points of a sample: `cpu` (%), `load1`, `memory` (used %), `volume:<mount>` (used %). */
export function samplePoints(sample: ServerSample): SamplePoint[] {
  const points: SamplePoint[] = [];
  if (sample.cpuPercent !== null) points.push({ series: 'cpu', value: sample.cpuPercent });
  if (sample.load !== null) points.push({ series: 'load1', value: sample.load[0] });
  const total = sample.memoryTotalBytes;
  const available = sample.memoryAvailableBytes;
  if (total !== null && available !== null && total > 0)
    points.push({ series: 'memory', value: ((total - available) / total) * 100 });
  for (const volume of sample.volumes)
    points.push({ series: VOLUME_SERIES + volume.name, value: volume.percent });
  return points.filter((p) => Number.isFinite(p.value));
}

/** Whether a sample holds nothing at all (the collection failed everywhere). */
function nothingRead(sample: ServerSample): boolean {
  return (
    sample.volumes.length === 0 &&
    sample.cpuPercent === null &&
    sample.load === null &&
    sample.memoryTotalBytes === null &&
    sample.uptimeSeconds === null &&
    sample.services.length === 0 &&
    sample.smb === null &&
    sample.nas === null
  );
}

/** A sample that says only why the collection failed. */
function failedSample(at: string, problem: string): ServerSample {
  return {
    at,
    cpuPercent: null,
    cpuCount: null,
    load: null,
    memoryTotalBytes: null,
    memoryAvailableBytes: null,
    uptimeSeconds: null,
    volumes: [],
    services: [],
    smb: null,
    nas: null,
    problems: [problem],
  };
}

/**
 * A server's state at a glance: `critical` with an open critical alert, `warning` with an open
 * warning, `unknown` when never read or the last collection read nothing, else `ok`.
 */
export function serverHealth(last: ServerSample | null, open: readonly ServerAlert[]): ServerHealth {
  if (open.some((a) => a.severity === 'critical')) return 'critical';
  if (open.some((a) => a.severity === 'warning')) return 'warning';
  if (!last || nothingRead(last)) return 'unknown';
  return 'ok';
}

/** Critical first, then oldest first. */
const byUrgency = (a: ServerAlert, b: ServerAlert) =>
  (a.severity === 'critical' ? 0 : 1) - (b.severity === 'critical' ? 0 : 1) ||
  a.startedAt.localeCompare(b.startedAt) ||
  a.id - b.id;

/** The series resolution for a period of `days`: raw up to 7 days, hourly up to 90, else daily. */
export function resolutionFor(days: number): SeriesResolution {
  if (days <= SERVER_RETENTION_DAYS.raw) return 'raw';
  return days <= SERVER_RETENTION_DAYS.hour ? 'hour' : 'day';
}

/** Rejects after `ms` milliseconds unless `work` settles first. */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The message of an error, for people (collectors never put a secret in theirs). */
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The file servers feature on its dependencies. */
export function createServersService(deps: ServersDeps) {
  const logger = deps.logger ?? silentLogger;
  const collectTimeoutMs = deps.collectTimeoutMs ?? DEFAULT_COLLECT_TIMEOUT_MS;
  /** Polls run one after another: a poll asked during another waits for it. */
  let queue: Promise<unknown> = Promise.resolve();
  let pending = 0;

  const mustGet = (id: number): ServerConfig => {
    const config = deps.repo.get(id);
    if (!config) throw new NotFoundError(`No watched server with id ${id}.`);
    return config;
  };

  const thresholds = (): AlertThresholds => {
    const settings = deps.settings();
    return {
      volumeWarningPercent: settings.serverVolumeWarning,
      volumeCriticalPercent: settings.serverVolumeCritical,
    };
  };

  /** Stores a sample of `config` taken at `at`, then opens, keeps and closes its alerts. */
  const store = (config: ServerConfig, at: string, sample: ServerSample) => {
    deps.repo.record(config.id, at, sample, samplePoints(sample));
    const recent = deps.repo.recent(config.id, SUSTAINED_SAMPLES).map((s) => s.sample);
    for (const change of judgeSample(config, recent, deps.repo.openAlerts(config.id), thresholds())) {
      if (change.kind === 'open')
        deps.repo.openAlert(
          config.id,
          { code: change.code, subject: change.subject, severity: change.severity, lastValue: change.value },
          at,
        );
      else if (change.kind === 'keep') deps.repo.touchAlert(change.id, change.value, at);
      else deps.repo.closeAlert(change.id, change.value, at);
    }
  };

  const prune = () => {
    const now = Date.parse(deps.now());
    const before = (days: number) => new Date(now - days * DAY_MS).toISOString();
    deps.repo.prune({
      rawBefore: before(SERVER_RETENTION_DAYS.raw),
      hourlyBefore: before(SERVER_RETENTION_DAYS.hour),
      dailyBefore: before(SERVER_RETENTION_DAYS.day),
      alertsBefore: before(SERVER_RETENTION_DAYS.alerts),
    });
  };

  /** Collects and stores one server. @returns why it failed, or null. */
  const pollOne = async (config: ServerConfig): Promise<string | null> => {
    const at = new Date(Date.parse(deps.now())).toISOString();
    let sample: ServerSample;
    let failure: string | null = null;
    try {
      const password = deps.repo.password(config.id);
      sample = { ...(await withTimeout(deps.collect(config, password), collectTimeoutMs)), at };
    } catch (error) {
      failure = messageOf(error);
      sample = failedSample(at, failure);
    }
    try {
      store(config, at, sample);
    } catch (error) {
      failure = `not stored: ${messageOf(error)}`;
    }
    if (failure) logger.warn('file server not collected', { serverId: config.id, problem: failure });
    return failure;
  };

  const runPoll = async (id: number | undefined): Promise<ServerPollResult> => {
    const targets = id === undefined ? deps.repo.list() : [mustGet(id)];
    const result: ServerPollResult = { polled: 0, failed: 0, failures: [] };
    const queueOfTargets = [...targets];
    const worker = async () => {
      for (let config = queueOfTargets.shift(); config; config = queueOfTargets.shift()) {
        const failure = await pollOne(config);
        if (failure === null) result.polled++;
        else {
          result.failed++;
          result.failures.push({ id: config.id, name: config.name, error: failure });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(POLL_CONCURRENCY, targets.length) }, worker));
    result.failures.sort((a, b) => a.id - b.id);
    try {
      prune();
    } catch (error) {
      logger.warn('file server history not pruned', { error: messageOf(error) });
    }
    return result;
  };

  const volumeStatus = (
    serverId: number,
    volume: ServerSample['volumes'][number],
    open: readonly ServerAlert[],
  ): ServerVolumeStatus => {
    const now = deps.now();
    const nowMs = Date.parse(now);
    const from = new Date(nowMs - FORECAST_RULES.windowDays * DAY_MS).toISOString();
    // An hourly average stands at the middle of its hour (the current hour: now at most).
    const usage = deps.repo.hourly(serverId, VOLUME_SERIES + volume.name, from).map((p) => ({
      at: new Date(Math.min(Date.parse(p.at) + HOUR_MS / 2, nowMs)).toISOString(),
      percent: p.value,
    }));
    const mine = open.filter((a) => a.subject === volume.name);
    return {
      mount: volume.name,
      sizeBytes: volume.sizeBytes,
      usedBytes: volume.usedBytes,
      percent: volume.percent,
      source: volume.source,
      fullInDays: fullInDays(usage, now),
      state: mine.some((a) => a.code === 'volume-critical')
        ? 'critical'
        : mine.some((a) => a.code === 'volume-warning')
          ? 'warning'
          : 'ok',
    };
  };

  const statusOf = (config: ServerConfig): ServerStatus => {
    const last = deps.repo.recent(config.id, 1)[0] ?? null;
    const sample = last?.sample ?? null;
    const open = deps.repo.openAlerts(config.id).sort(byUrgency);
    const total = sample?.memoryTotalBytes ?? null;
    const available = sample?.memoryAvailableBytes ?? null;
    const listing = sample?.smb?.listing ?? null;
    return {
      id: config.id,
      name: config.name,
      deviceId: config.deviceId,
      ip: config.address,
      state: serverHealth(sample, open),
      sampledAt: last?.at ?? null,
      uptimeSeconds: sample?.uptimeSeconds ?? null,
      cpuPercent: sample?.cpuPercent ?? null,
      cpuCount: sample?.cpuCount ?? null,
      load: sample?.load ? { load1: sample.load[0], load5: sample.load[1], load15: sample.load[2] } : null,
      memory: total !== null && available !== null ? { totalBytes: total, availableBytes: available } : null,
      volumes: (sample?.volumes ?? []).map((v) => volumeStatus(config.id, v, open)),
      smb: sample?.smb
        ? {
            reachable: sample.smb.reachable,
            dialect: sample.smb.dialect,
            listMs: listing?.ok ? listing.ms : null,
            entries: listing?.entries ?? null,
            error: sample.smb.error ?? listing?.error ?? null,
          }
        : null,
      services: sample?.services ?? [],
      nas: sample?.nas ?? null,
      problems: sample?.problems ?? [],
      alerts: open,
    };
  };

  return {
    /** Every watched server (no password: `smbPasswordSet` only), by name. */
    list(): ServerConfig[] {
      return deps.repo.list();
    },

    /**
     * Adds a server (no `id`) or replaces one's config (`id`). The address and name default to
     * the inventory device's (`deviceId`); the SMB password is write-only (absent keeps it, ''
     * removes it) and sealed at rest.
     * @throws InputError for invalid input or an address already watched; NotFoundError for an
     *   unknown device or server id.
     */
    save(raw: ServerSaveInput): ServerConfig {
      const parsed = ServerSaveInput.safeParse(raw);
      if (!parsed.success)
        throw new InputError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      const { id, smbPassword, ...input } = parsed.data;
      const device = input.deviceId === null ? undefined : deps.devices.get(input.deviceId);
      if (input.deviceId !== null && !device) throw new NotFoundError(`No device with id ${input.deviceId}.`);
      const address = input.address ?? (device as { ip: string }).ip;
      const name = input.name ?? device?.hostName ?? device?.sysName ?? address;
      const config = { ...input, address, name, services: [...new Set(input.services)] };
      const clash = deps.repo
        .list()
        .find(
          (s) =>
            s.id !== id && s.address.toLowerCase() === address.toLowerCase() && s.smbPort === config.smbPort,
        );
      if (clash) throw new InputError(`${address} is already watched (server ${clash.id}, ${clash.name}).`);
      if (id === undefined) return deps.repo.insert(config, smbPassword, deps.now());
      const updated = deps.repo.update(id, config, smbPassword);
      if (!updated) throw new NotFoundError(`No watched server with id ${id}.`);
      return updated;
    },

    /** Stops watching a server and forgets its history. @throws NotFoundError for an unknown id. */
    remove(id: number): void {
      if (!deps.repo.remove(id)) throw new NotFoundError(`No watched server with id ${id}.`);
    },

    /**
     * Collects now one server (`id`) or all (4 at once), stores the samples, judges the alerts and
     * applies retention. Polls never overlap: one asked during another starts when it ends. A
     * server whose collection fails (or takes over 2 minutes) is counted in `failed` with the reason
     * and gets an empty sample (state `unknown`); the others go on.
     * @throws NotFoundError (rejects) for an unknown id.
     */
    poll(id?: number): Promise<ServerPollResult> {
      pending++;
      const run = queue.then(() => runPoll(id)).finally(() => pending--);
      queue = run.catch(() => undefined);
      return run;
    },

    /** Whether a poll is running or waiting. */
    busy(): boolean {
      return pending > 0;
    },

    /**
     * One server's last sample, open alerts, volumes with state and forecast, and health.
     * @throws NotFoundError for an unknown id.
     */
    status(id: number): ServerStatus {
      return statusOf(mustGet(id));
    },

    /** The status of every watched server, by name. */
    statuses(): ServerStatus[] {
      return deps.repo.list().map(statusOf);
    },

    /**
     * A server's series over the last `days` days (1–1830, default 7): CPU %, load1, memory used %
     * and each volume's used %, raw up to 7 days, hourly averages up to 90, daily beyond, at most
     * 500 points each; and the alerts of the period. @throws NotFoundError for an unknown id.
     */
    history(id: number, days = 7): ServerHistory {
      mustGet(id);
      const period = Math.min(
        SERVER_HISTORY_MAX_DAYS,
        Math.max(1, Math.round(Number.isFinite(days) ? days : 7)),
      );
      const resolution = resolutionFor(period);
      const from = new Date(Date.parse(deps.now()) - period * DAY_MS).toISOString();
      const series = deps.repo.series(id, resolution, from, SERVER_HISTORY_MAX_POINTS);
      const volumes = [...series.keys()]
        .filter((name) => name.startsWith(VOLUME_SERIES))
        .sort()
        .map((name) => ({ mount: name.slice(VOLUME_SERIES.length), points: series.get(name) ?? [] }));
      return {
        days: period,
        resolution,
        cpu: series.get('cpu') ?? [],
        load: series.get('load1') ?? [],
        memory: series.get('memory') ?? [],
        volumes,
        alerts: deps.repo.alertsSince(id, from, SERVER_HISTORY_MAX_POINTS),
      };
    },
  };
}

export type ServersService = ReturnType<typeof createServersService>;
