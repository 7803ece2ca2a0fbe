/**
 * A printer's history for the referent's charts (`printers:history`): per supply of its last
 * reading, the level samples and replacements of the period, and the page counter.
 */
import {
  HISTORY_DEFAULT_DAYS,
  HISTORY_MAX_DAYS,
  HISTORY_MAX_POINTS,
  type PrinterHistory,
} from '../../../shared/domain/printer';
import type { DevicesRepo } from '../db/repositories/devices-repo';
import type { PrinterHistoryRepo } from '../db/repositories/printer-history-repo';
import { supplyKey } from '../db/repositories/printers-repo';
import { NotFoundError } from '../errors';

export interface PrinterHistoryDeps {
  devices: Pick<DevicesRepo, 'get'>;
  history: PrinterHistoryRepo;
  now: () => string;
}

const DAY_MS = 86_400_000;

/** Days asked for, as a whole number within 1…`HISTORY_MAX_DAYS` (default `HISTORY_DEFAULT_DAYS`). */
function clampDays(days: number | undefined): number {
  if (days === undefined || !Number.isFinite(days)) return HISTORY_DEFAULT_DAYS;
  return Math.min(HISTORY_MAX_DAYS, Math.max(1, Math.round(days)));
}

/** Creates the history service over the devices and the history queries. */
export function createPrinterHistoryService(deps: PrinterHistoryDeps) {
  return {
    /**
     * The history of one printer over the last `days` days (default 90, at most 365): each series
     * oldest first and at most `HISTORY_MAX_POINTS` long (evenly downsampled in the database).
     * Supplies are those of the last reading, in its order.
     * @throws NotFoundError for an unknown device or one that is not a printer.
     */
    history(deviceId: number, days?: number): PrinterHistory {
      const device = deps.devices.get(deviceId);
      if (!device || device.type !== 'printer') throw new NotFoundError(`No printer with id ${deviceId}.`);
      const since = new Date(Date.parse(deps.now()) - clampDays(days) * DAY_MS).toISOString();
      const replacements = deps.history.replacements(deviceId, since, HISTORY_MAX_POINTS * 4);
      const supplies = (deps.history.lastReading(deviceId)?.supplies ?? []).map((supply) => {
        const key = supplyKey(supply);
        return {
          supplyKey: key,
          kind: supply.kind,
          color: supply.color,
          description: supply.description,
          points: deps.history.samples(deviceId, key, since, HISTORY_MAX_POINTS),
          replacements: replacements
            .filter((r) => r.supplyKey === key)
            .slice(-HISTORY_MAX_POINTS)
            .map(({ at, source }) => ({ at, source })),
        };
      });
      return { supplies, pages: deps.history.pages(deviceId, since, HISTORY_MAX_POINTS) };
    },
  };
}

export type PrinterHistoryService = ReturnType<typeof createPrinterHistoryService>;
