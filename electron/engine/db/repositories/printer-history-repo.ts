/**
 * Read-only queries for a printer's history charts (`printers:history`): supply level samples,
 * replacements and page counters since a date, each series evenly downsampled in SQL so that a
 * year of frequent polls never loads more than `maxPoints` rows.
 */
import { PrinterReading } from '../../../../shared/domain/printer';
import type { Db } from '../database';

/** One replacement of a supply. */
export interface ReplacementRow {
  supplyKey: string;
  at: string;
  source: 'manual' | 'detected';
}

/**
 * Wraps a query numbering its rows `n` (0-based, in time order) with their count less one as
 * `last`, and keeps every row when there are at most `max`, else exactly `max` rows evenly
 * spread: row n is kept when ⌊n(max−1)/last⌋ steps up from row n−1 (first and last always kept).
 * `m` is cast to an integer so that `/` divides whole numbers (JS numbers are bound as reals).
 */
const downsample = (numbered: string) => `
  SELECT * FROM (${numbered}), (SELECT CAST(@max AS INTEGER) - 1 AS m)
  WHERE last <= m OR n = 0 OR (n * m) / last > ((n - 1) * m) / last
  ORDER BY n`;

/** Creates the history queries over an open database. */
export function createPrinterHistoryRepo(db: Db) {
  const samples = db.prepare<
    { deviceId: number; key: string; since: string; max: number },
    { read_at: string; percent: number | null }
  >(
    downsample(`
      SELECT read_at, percent,
        ROW_NUMBER() OVER (ORDER BY read_at, rowid) - 1 AS n, COUNT(*) OVER () - 1 AS last
      FROM supply_samples WHERE device_id = @deviceId AND supply_key = @key AND read_at >= @since`),
  );
  const pages = db.prepare<
    { deviceId: number; since: string; max: number },
    { read_at: string; total: number | null }
  >(
    downsample(`
      SELECT read_at, json_extract(reading, '$.pageCount.total') AS total,
        ROW_NUMBER() OVER (ORDER BY read_at, id) - 1 AS n, COUNT(*) OVER () - 1 AS last
      FROM printer_readings WHERE device_id = @deviceId AND read_at >= @since`),
  );
  const replacements = db.prepare<
    [number, string, number],
    { supply_key: string; replaced_at: string; source: string }
  >(
    `SELECT supply_key, replaced_at, source FROM supply_replacements
     WHERE device_id = ? AND replaced_at >= ? ORDER BY replaced_at, rowid LIMIT ?`,
  );
  const lastReading = db.prepare<[number], { reading: string }>(
    'SELECT reading FROM printer_readings WHERE device_id = ? ORDER BY id DESC LIMIT 1',
  );

  return {
    /** The level samples of one supply since `since` (ISO), oldest first, at most `max`. */
    samples(deviceId: number, key: string, since: string, max: number) {
      return samples.all({ deviceId, key, since, max }).map((r) => ({ at: r.read_at, percent: r.percent }));
    },

    /** The page counter of every reading since `since`, oldest first, at most `max`. */
    pages(deviceId: number, since: string, max: number) {
      return pages
        .all({ deviceId, since, max })
        .map((r) => ({ at: r.read_at, total: typeof r.total === 'number' ? r.total : null }));
    },

    /** The replacements of every supply of a printer since `since`, oldest first, at most `max`. */
    replacements(deviceId: number, since: string, max: number): ReplacementRow[] {
      return replacements.all(deviceId, since, max).map((r) => ({
        supplyKey: r.supply_key,
        at: r.replaced_at,
        source: r.source === 'detected' ? 'detected' : 'manual',
      }));
    },

    /** The last reading of one printer, or null (none, or unreadable). */
    lastReading(deviceId: number): PrinterReading | null {
      const row = lastReading.get(deviceId);
      if (!row) return null;
      const parsed = PrinterReading.safeParse(JSON.parse(row.reading));
      return parsed.success ? parsed.data : null;
    },
  };
}

export type PrinterHistoryRepo = ReturnType<typeof createPrinterHistoryRepo>;
