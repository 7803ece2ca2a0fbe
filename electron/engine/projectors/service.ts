/**
 * The TNI/VPI feature (issue 4): stores what PJLink or the vendor's SNMP says of each projector
 * and interactive panel, re-reads them on demand, and answers the TNI view and `parc projectors`
 * with state, lamp use against rated life, usage per day and alerts.
 */
import type { Device } from '../../../shared/domain/device';
import type { PjlinkStatus } from '../../../shared/domain/projector';
import type {
  ProjectorAlert,
  ProjectorReading,
  ProjectorState,
  ProjectorSummary,
} from '../../../shared/domain/projector-summary';
import { compareIp } from '../../../shared/domain/ip-order';
import type { DevicesRepo } from '../db/repositories/devices-repo';
import type { ProjectorsRepo, TimedReading } from '../db/repositories/projectors-repo';
import { runPool } from '../discovery/pool';
import { NotFoundError } from '../errors';
import { PJLINK_PORT, queryPjlink } from '../probes/pjlink';
import type { ProjectorHours } from './snmp-projector';
import { ratedLampHours } from './lamp-life';

export interface ProjectorsDeps {
  devices: DevicesRepo;
  projectors: ProjectorsRepo;
  now: () => string;
  /** PJLink query (injected in tests). */
  query?: typeof queryPjlink;
}

/** Options of a poll. Times in milliseconds. */
export interface ProjectorPollOptions {
  timeoutMs: number;
  /** PJLink passwords to try in order (secrets: never logged). */
  passwords?: readonly string[];
  /** Added to PJLink's port 4352: simulators on loopback only. */
  portOffset?: number;
  signal?: AbortSignal;
}

/** Projectors polled at once. */
const POLL_CONCURRENCY = 16;
/** Lamp use from which the lamp is flagged (percent of rated life), and past which it is critical. */
export const LAMP_WARNING_PERCENT = 90;
const LAMP_CRITICAL_PERCENT = 100;
/** A reading older than the device's last sighting by this much means the last scan got no status. */
const STALE_READING_MS = 60_000;
const DAY_MS = 86_400_000;
/** Days of readings the usage (lamp hours per day) is computed over. */
const USAGE_DAYS = 30;

const DISPLAY_TYPES = new Set(['projector', 'interactive-display']);

/** A PJLink status as a stored reading. */
export function pjlinkReading(status: PjlinkStatus): ProjectorReading {
  return {
    source: 'pjlink',
    power: status.power,
    errors: status.errors,
    lamps: status.lamps,
    filterHours: status.filterHours,
    name: status.name,
    lampModel: status.lampModel,
    filterModel: status.filterModel,
    softwareVersion: status.softwareVersion,
  };
}

/**
 * A new reading completed by the previous one: what the projector did not give this time (a
 * standby projector answers LAMP with ERR3, an SNMP reading has no name) keeps its last known
 * value, so an evening scan never empties the lamps to plan. Power and errors are never carried.
 */
export function carryForward(reading: ProjectorReading, previous: ProjectorReading | null): ProjectorReading {
  if (!previous) return reading;
  return {
    ...reading,
    lamps: reading.lamps.length > 0 ? reading.lamps : previous.lamps.map((lamp) => ({ ...lamp, on: null })),
    filterHours: reading.filterHours ?? previous.filterHours,
    name: reading.name ?? previous.name,
    lampModel: reading.lampModel ?? previous.lampModel,
    filterModel: reading.filterModel ?? previous.filterModel,
    softwareVersion: reading.softwareVersion ?? previous.softwareVersion,
  };
}

/** The state shown for a device and its last reading (see ProjectorState). */
function stateOf(device: Device, last: TimedReading | null): ProjectorState {
  if (device.missing) return 'off';
  if (!last || Date.parse(device.lastSeen) - Date.parse(last.readAt) > STALE_READING_MS) return 'unreachable';
  const { power, lamps } = last.reading;
  // PJLink answered but said nothing of its state (greeted, then closed): no status.
  if (last.reading.source === 'pjlink' && power === null && last.reading.errors === null)
    return 'unreachable';
  if (power === 'on' || power === 'warming' || power === 'cooling') return 'on';
  if (power === null && lamps.some((lamp) => lamp.on === true)) return 'on';
  return 'standby';
}

/**
 * The alerts of a reading: lamp at ≥ 90 % of its rated life (critical from 100 %), filter due
 * (PJLink ERST filter warning or error), and each other ERST part in warning or error.
 */
export function projectorAlerts(reading: ProjectorReading | null, ratedHours: number): ProjectorAlert[] {
  if (!reading) return [];
  const alerts: ProjectorAlert[] = [];
  const worst = Math.max(0, ...reading.lamps.map((lamp) => (lamp.hours / ratedHours) * 100));
  if (worst >= LAMP_WARNING_PERCENT)
    alerts.push({
      code: 'lamp-end',
      severity: worst >= LAMP_CRITICAL_PERCENT ? 'critical' : 'warning',
      part: null,
    });
  for (const [part, level] of Object.entries(reading.errors ?? {})) {
    if (level === 'ok') continue;
    const severity = level === 'error' ? 'critical' : 'warning';
    alerts.push(
      part === 'filter'
        ? { code: 'filter-due', severity, part: null }
        : { code: 'pjlink-error', severity, part },
    );
  }
  return alerts;
}

/**
 * Average lamp hours per day between the first and last readings of the period (the first
 * lamp), or null when the readings span less than a day or the lamp was replaced (hours fell).
 */
export function hoursPerDay(readings: readonly TimedReading[]): number | null {
  const withLamp = readings.filter((r) => r.reading.lamps.length > 0);
  const first = withLamp.at(0);
  const last = withLamp.at(-1);
  if (!first || !last) return null;
  const days = (Date.parse(last.readAt) - Date.parse(first.readAt)) / DAY_MS;
  const hours = last.reading.lamps[0].hours - first.reading.lamps[0].hours;
  if (days < 1 || hours < 0) return null;
  return Math.round((hours / days) * 10) / 10;
}

/** Alerts first (critical, then warning), then by room and address. */
function byUrgency(a: ProjectorSummary, b: ProjectorSummary): number {
  const rank = (p: ProjectorSummary) =>
    p.alerts.some((x) => x.severity === 'critical') ? 0 : p.alerts.length > 0 ? 1 : 2;
  return rank(a) - rank(b) || (a.room ?? '\uffff').localeCompare(b.room ?? '\uffff') || compareIp(a.ip, b.ip);
}

/** The projectors feature on its dependencies. */
export function createProjectorsService(deps: ProjectorsDeps) {
  const query = deps.query ?? queryPjlink;

  const summarize = (device: Device, userRated: Map<number, number>): ProjectorSummary => {
    const last = deps.projectors.latest(device.id);
    const reading = last?.reading ?? null;
    const rated = userRated.get(device.id) ?? ratedLampHours(device.vendor, device.model);
    const from = new Date(Date.parse(deps.now()) - USAGE_DAYS * DAY_MS).toISOString();
    return {
      deviceId: device.id,
      type: device.type === 'interactive-display' ? 'interactive-display' : 'projector',
      ip: device.ip,
      room: device.room,
      name: reading?.name ?? device.hostName ?? device.sysName,
      vendor: device.vendor,
      model: device.model,
      serial: device.serial,
      state: stateOf(device, last),
      power: reading?.power ?? null,
      errors: reading?.errors ?? null,
      lamps: (reading?.lamps ?? []).map((lamp) => ({
        ...lamp,
        ratedHours: rated,
        percentUsed: Math.round((lamp.hours / rated) * 1000) / 10,
      })),
      filterHours: reading?.filterHours ?? null,
      lampModel: reading?.lampModel ?? null,
      filterModel: reading?.filterModel ?? null,
      source: reading?.source ?? null,
      readAt: last?.readAt ?? null,
      lastSeen: device.lastSeen,
      hoursPerDay: hoursPerDay(deps.projectors.since(device.id, from)),
      ratedByUser: userRated.has(device.id),
      alerts: projectorAlerts(reading, rated),
    };
  };

  const displays = () => deps.devices.list().filter((d) => DISPLAY_TYPES.has(d.type));
  const record = (deviceId: number, reading: ProjectorReading, at: string) =>
    deps.projectors.record(
      deviceId,
      carryForward(reading, deps.projectors.latest(deviceId)?.reading ?? null),
      at,
    );

  return {
    /** Stores a PJLink status read at `at` (default now). */
    recordPjlink(deviceId: number, status: PjlinkStatus, at = deps.now()): void {
      record(deviceId, pjlinkReading(status), at);
    },

    /** Stores lamp and filter hours read from the vendor's SNMP MIB (nothing when neither is known). */
    recordSnmp(deviceId: number, hours: ProjectorHours, at = deps.now()): void {
      if (hours.lampHours === null && hours.filterHours === null) return;
      record(
        deviceId,
        {
          source: 'snmp',
          power: null,
          errors: null,
          lamps: hours.lampHours === null ? [] : [{ hours: hours.lampHours, on: null }],
          filterHours: hours.filterHours,
          name: null,
          lampModel: null,
          filterModel: null,
          softwareVersion: null,
        },
        at,
      );
    },

    /** Every projector and interactive panel, those with alerts first. */
    list(): ProjectorSummary[] {
      const userRated = deps.projectors.ratedLampHours();
      return displays()
        .map((d) => summarize(d, userRated))
        .sort(byUrgency);
    },

    /**
     * Sets the rated lamp life of one device in hours (null: back to the model table or the
     * default). @throws NotFoundError when the device is not a projector or panel.
     */
    setRatedLampHours(deviceId: number, hours: number | null): ProjectorSummary {
      const device = deps.devices.get(deviceId);
      if (!device || !DISPLAY_TYPES.has(device.type))
        throw new NotFoundError(`No projector with id ${deviceId}.`);
      deps.projectors.setRatedLampHours(deviceId, hours);
      return summarize(device, deps.projectors.ratedLampHours());
    },

    /**
     * Re-reads every projector and panel known to answer PJLink (16 at once) and stores the readings.
     * @returns how many were read and how many did not answer.
     */
    async poll(options: ProjectorPollOptions): Promise<{ read: number; failed: number }> {
      const targets = displays().filter((d) => d.sources.includes('pjlink'));
      const counts = { read: 0, failed: 0 };
      const port = PJLINK_PORT + (options.portOffset ?? 0);
      await runPool(
        targets,
        POLL_CONCURRENCY,
        async (device) => {
          for (const password of [undefined, ...(options.passwords ?? [])]) {
            try {
              const status = await query(device.ip, {
                port,
                password,
                timeoutMs: options.timeoutMs,
                signal: options.signal,
              });
              record(device.id, pjlinkReading(status), deps.now());
              counts.read++;
              return;
            } catch (error) {
              if ((error as { kind?: string }).kind !== 'auth') break;
            }
          }
          counts.failed++;
        },
        options.signal,
      );
      return counts;
    },
  };
}

export type ProjectorsService = ReturnType<typeof createProjectorsService>;
