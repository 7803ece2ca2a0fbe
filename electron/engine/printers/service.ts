/**
 * The printers feature: reads a printer after a scan finds it or when polled, keeps the history,
 * and answers the printers view and `parc printers` with each printer's last reading, days left
 * per supply and the list of supplies to order.
 */
import type { Credential } from '../../../shared/domain/credentials';
import type { PrinterReading, PrinterSummary, Supply, SupplyToOrder } from '../../../shared/domain/printer';
import type { Settings } from '../../../shared/domain/settings';
import type { CredentialsRepo } from '../db/repositories/credentials-repo';
import type { DevicesRepo } from '../db/repositories/devices-repo';
import { supplyKey, type PrintersRepo } from '../db/repositories/printers-repo';
import { createPacer, runPool } from '../discovery/pool';
import { scanWindow } from '../snmp/window';
import { credentialOrder, probeHost, probeSystem } from '../discovery/probe';
import { NotFoundError } from '../errors';
import type { SystemGroup } from '../identify/facts';
import { matchProfile } from '../identify/profiles';
import type { Logger } from '../log';
import { SnmpError, type SessionFactory, type SnmpSession } from '../snmp/session';
import { detectReplacements, forecastDaysLeft, pagesPerMonth } from './forecast';
import { activeIncidents } from './incidents';
import { printerOptions, readPrinter } from './read-printer';

export interface PrintersDeps {
  devices: DevicesRepo;
  printers: PrintersRepo;
  credentials: CredentialsRepo;
  settings: () => Settings;
  /** The credentials to try, in order (stored ones, else the default community). */
  scanCredentials: () => Credential[];
  openSession: SessionFactory;
  logger: Logger;
  now: () => string;
  maxRequestsPerSecond: number;
}

/** Printers polled at once. */
const POLL_CONCURRENCY = 16;

const EMPTY_READING: PrinterReading = {
  status: 'unknown',
  errors: [],
  alerts: [],
  display: null,
  pageCount: { total: null, mono: null, color: null },
  supplies: [],
  trays: [],
};

const isWaste = (supply: Supply) => supply.kind === 'waste-toner' || supply.kind === 'waste-ink';

/** Urgency of a supply, lower first: empty or full, then low or almost full, then by days and percent. */
function urgency(supply: Pick<Supply, 'state' | 'daysLeft' | 'percent'>): number {
  const rank = { empty: 0, full: 0, low: 1, 'almost-full': 1 }[supply.state as string] ?? 2;
  return rank * 1e6 + (supply.daysLeft ?? 9999) * 100 + (supply.percent ?? 100);
}

/** Urgency of a printer: its most urgent supply, with any error first. */
function printerUrgency(printer: PrinterSummary): number {
  const base = printer.supplies.reduce((min, s) => Math.min(min, urgency(s)), 3e6);
  return printer.errors.length > 0 || printer.status === 'error' ? -1 : base;
}

/**
 * The printers feature on its dependencies: `readAndStore` (after a scan), `list` (last readings,
 * days left, order list), `poll` (re-read without a sweep) and `replace` (the TOS agent's action).
 */
export function createPrintersService(deps: PrintersDeps) {
  /** Days left of each supply, from its samples since the last manual replacement. */
  const withForecast = (deviceId: number, supply: Supply): Supply => {
    const key = supplyKey(supply);
    const replacedAt = deps.printers.lastReplacement(deviceId, key);
    const samples = deps.printers
      .samples(deviceId, key)
      .filter((s) => replacedAt === null || s.readAt > replacedAt)
      .map((s) => ({ at: Date.parse(s.readAt), percent: s.percent, pageCount: s.pageCount }));
    return { ...supply, daysLeft: forecastDaysLeft(samples, { waste: isWaste(supply) }) };
  };

  /**
   * Records a `detected` replacement for each supply whose level jumped up since its last sample
   * (the rule of `detectReplacements`), unless the TOS agent already recorded it since then.
   */
  const recordDetectedReplacements = (deviceId: number, reading: PrinterReading, at: string) => {
    for (const supply of reading.supplies) {
      if (supply.percent === null) continue;
      const key = supplyKey(supply);
      const last = deps.printers
        .samples(deviceId, key)
        .filter((s) => s.percent !== null)
        .at(-1);
      if (!last) continue;
      const manual = deps.printers.lastReplacement(deviceId, key);
      if (manual !== null && manual > last.readAt) continue;
      const pair = [
        { at: Date.parse(last.readAt), percent: last.percent },
        { at: Date.parse(at), percent: supply.percent },
      ];
      if (detectReplacements(pair, { waste: isWaste(supply) }).length > 0) {
        deps.printers.recordReplacement(deviceId, key, at, 'detected');
      }
    }
  };

  const service = {
    /**
     * Reads a printer on an open session (Printer-MIB RFC 3805, HOST-RESOURCES-MIB RFC 2790),
     * stores the reading and a level sample per supply, and opens or closes its incidents.
     * @throws SnmpError when the printer stops answering.
     */
    async readAndStore(deviceId: number, session: SnmpSession, system: SystemGroup): Promise<PrinterReading> {
      const profile = matchProfile(system, {});
      const thresholds = { lowPercent: deps.settings().printerLowPercent };
      const reading = await readPrinter(session, printerOptions(profile, thresholds));
      const at = deps.now();
      recordDetectedReplacements(deviceId, reading, at);
      deps.printers.record(deviceId, reading, at);
      const open = new Set(deps.printers.openIncidents(deviceId).keys());
      deps.printers.syncIncidents(deviceId, activeIncidents(reading, thresholds, open), at);
      return reading;
    },

    /** Every printer with its last reading (or an empty one), most urgent first, and what to order. */
    list(): { printers: PrinterSummary[]; toOrder: SupplyToOrder[] } {
      const latest = deps.printers.latest();
      const printers = deps.devices.list('printer').map((device): PrinterSummary => {
        const last = latest.get(device.id);
        const reading = last?.reading ?? EMPTY_READING;
        const counts = deps.printers
          .pageCounts(device.id)
          .map((c) => ({ at: Date.parse(c.readAt), count: c.count }));
        return {
          ...reading,
          supplies: reading.supplies.map((s) => withForecast(device.id, s)),
          deviceId: device.id,
          ip: device.ip,
          sysName: device.sysName,
          vendor: device.vendor,
          model: device.model,
          serial: device.serial,
          room: device.room,
          readAt: last?.readAt ?? null,
          incidents: [...deps.printers.openIncidents(device.id)].map(([key, since]) => ({ key, since })),
          pagesPerMonth: pagesPerMonth(counts),
        };
      });
      printers.sort((a, b) => printerUrgency(a) - printerUrgency(b));
      const within = deps.settings().orderWithinDays;
      const toOrder = printers
        .flatMap((p) =>
          p.supplies
            .filter(
              (s) =>
                ['empty', 'low', 'full', 'almost-full'].includes(s.state) ||
                (s.daysLeft !== null && s.daysLeft <= within),
            )
            .map((s): SupplyToOrder => ({
              deviceId: p.deviceId,
              supplyKey: supplyKey(s),
              printer: p.sysName ?? p.model ?? p.ip,
              room: p.room,
              model: p.model,
              kind: s.kind,
              color: s.color,
              description: s.description,
              partNumber: s.partNumber,
              percent: s.percent,
              state: s.state,
              daysLeft: s.daysLeft,
            })),
        )
        .sort((a, b) => urgency(a) - urgency(b));
      return { printers, toOrder };
    },

    /**
     * Re-reads every printer of the inventory that is not missing, without a discovery sweep,
     * with `options.credentials` (default: the stored ones, else the default community).
     */
    async poll(
      options: { signal?: AbortSignal; credentials?: Credential[] } = {},
    ): Promise<{ polled: number; failed: number }> {
      const settings = deps.settings();
      const credentials = options.credentials ?? deps.scanCredentials();
      const { orderFor } = credentialOrder(
        credentials,
        (c) => deps.credentials.keyOf(c),
        deps.devices.credentialKeysByIp(),
      );
      const sessionOptions = {
        port: settings.port,
        timeoutMs: settings.timeoutMs,
        retries: settings.retries,
        pace: createPacer(deps.maxRequestsPerSecond),
        window: scanWindow(settings.timeoutMs, POLL_CONCURRENCY),
      };
      const result = { polled: 0, failed: 0 };
      const printers = deps.devices.list('printer').filter((d) => !d.missing);
      await runPool(
        printers,
        POLL_CONCURRENCY,
        async (device) => {
          const probe = await probeHost(
            device.ip,
            credentials,
            orderFor(device.ip),
            deps.openSession,
            sessionOptions,
            probeSystem,
          );
          if (probe.kind !== 'open') {
            result.failed++;
            return;
          }
          try {
            await service.readAndStore(device.id, probe.session, deps.devices.system(device.id));
            result.polled++;
          } catch (error) {
            result.failed++;
            if (!(error instanceof SnmpError))
              deps.logger.error('poll: reading failed', { ip: device.ip, error: String(error) });
          } finally {
            probe.session.close();
          }
        },
        options.signal,
      );
      return result;
    },

    /**
     * Records that a supply was replaced now (the TOS agent's « Remplacée »): the forecast starts again.
     * @throws NotFoundError for an unknown printer.
     */
    replace(deviceId: number, key: string): void {
      const device = deps.devices.get(deviceId);
      if (!device || device.type !== 'printer') throw new NotFoundError(`No printer with id ${deviceId}.`);
      deps.printers.recordReplacement(deviceId, key, deps.now(), 'manual');
    },
  };
  return service;
}

export type PrintersService = ReturnType<typeof createPrintersService>;
