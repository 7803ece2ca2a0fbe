/**
 * Printer readings and supply history: the last reading of each printer, the level samples
 * the forecast uses, and the cartridge replacements (recorded by the TOS agent or detected).
 */
import { PrinterReading } from '../../../../shared/domain/printer';
import type { Db } from '../database';

/** One level sample of one supply. `percent` is null when the level is not a real value. */
export interface SupplySample {
  readAt: string;
  percent: number | null;
  pageCount: number | null;
}

/** The key of a supply within its printer: `hrDeviceIndex.prtMarkerSuppliesIndex`. */
export const supplyKey = (supply: { deviceIndex: number; index: number }) =>
  `${supply.deviceIndex}.${supply.index}`;

/** How many samples per supply the forecast looks at, at most. */
const MAX_SAMPLES = 500;

/** The printers repository on a migrated database: readings, level samples, replacements, incidents. */
export function createPrintersRepo(db: Db) {
  const insertReading = db.prepare(
    'INSERT INTO printer_readings (device_id, read_at, reading) VALUES (?, ?, ?)',
  );
  const insertSample = db.prepare(
    'INSERT INTO supply_samples (device_id, supply_key, read_at, percent, page_count) VALUES (?, ?, ?, ?, ?)',
  );
  const latestRows = db.prepare<[], { device_id: number; read_at: string; reading: string }>(`
    SELECT r.device_id, r.read_at, r.reading FROM printer_readings r
    JOIN (SELECT device_id, MAX(id) AS id FROM printer_readings GROUP BY device_id) last ON last.id = r.id`);

  return {
    /** Stores one reading and a level sample per supply, in one transaction. */
    record: db.transaction((deviceId: number, reading: PrinterReading, readAt: string) => {
      insertReading.run(deviceId, readAt, JSON.stringify(reading));
      for (const supply of reading.supplies) {
        insertSample.run(deviceId, supplyKey(supply), readAt, supply.percent, reading.pageCount.total);
      }
    }),

    /** The last reading of every printer that has one, by device id. Unreadable rows are skipped. */
    latest(): Map<number, { readAt: string; reading: PrinterReading }> {
      const result = new Map<number, { readAt: string; reading: PrinterReading }>();
      for (const row of latestRows.all()) {
        const parsed = PrinterReading.safeParse(JSON.parse(row.reading));
        if (parsed.success) result.set(row.device_id, { readAt: row.read_at, reading: parsed.data });
      }
      return result;
    },

    /** The most recent samples of one supply, oldest first. */
    samples(deviceId: number, key: string): SupplySample[] {
      return db
        .prepare<
          [number, string, number],
          { read_at: string; percent: number | null; page_count: number | null }
        >(
          `SELECT read_at, percent, page_count FROM supply_samples WHERE device_id = ? AND supply_key = ?
           ORDER BY read_at DESC LIMIT ?`,
        )
        .all(deviceId, key, MAX_SAMPLES)
        .reverse()
        .map((r) => ({ readAt: r.read_at, percent: r.percent, pageCount: r.page_count }));
    },

    /** The page counter (prtMarkerLifeCount) of every reading of a printer, oldest first. */
    pageCounts(deviceId: number): { readAt: string; count: number | null }[] {
      return db
        .prepare<[number], { read_at: string; count: number | null }>(
          `SELECT read_at, json_extract(reading, '$.pageCount.total') AS count FROM printer_readings
           WHERE device_id = ? ORDER BY read_at`,
        )
        .all(deviceId)
        .map((r) => ({ readAt: r.read_at, count: r.count }));
    },

    /** The incidents open on a printer: key → when it opened. */
    openIncidents(deviceId: number): Map<string, string> {
      const rows = db
        .prepare<[number], { incident_key: string; opened_at: string }>(
          'SELECT incident_key, opened_at FROM printer_incidents WHERE device_id = ? AND closed_at IS NULL',
        )
        .all(deviceId);
      return new Map(rows.map((r) => [r.incident_key, r.opened_at]));
    },

    /** Opens the incidents in `active` that are not open, and closes the open ones not in it. */
    syncIncidents: db.transaction((deviceId: number, active: ReadonlySet<string>, at: string) => {
      const open = db
        .prepare<[number], { id: number; incident_key: string }>(
          'SELECT id, incident_key FROM printer_incidents WHERE device_id = ? AND closed_at IS NULL',
        )
        .all(deviceId);
      const close = db.prepare('UPDATE printer_incidents SET closed_at = ? WHERE id = ?');
      for (const row of open) if (!active.has(row.incident_key)) close.run(at, row.id);
      const insert = db.prepare(
        'INSERT INTO printer_incidents (device_id, incident_key, opened_at) VALUES (?, ?, ?)',
      );
      const openKeys = new Set(open.map((r) => r.incident_key));
      for (const key of active) if (!openKeys.has(key)) insert.run(deviceId, key, at);
    }),

    /** Records that a supply was replaced. */
    recordReplacement(deviceId: number, key: string, at: string, source: 'manual' | 'detected'): void {
      db.prepare(
        'INSERT INTO supply_replacements (device_id, supply_key, replaced_at, source) VALUES (?, ?, ?, ?)',
      ).run(deviceId, key, at, source);
    },

    /** When a supply was last replaced, or null. */
    lastReplacement(deviceId: number, key: string): string | null {
      const row = db
        .prepare<[number, string], { at: string | null }>(
          'SELECT MAX(replaced_at) AS at FROM supply_replacements WHERE device_id = ? AND supply_key = ?',
        )
        .get(deviceId, key);
      return row?.at ?? null;
    },
  };
}

export type PrintersRepo = ReturnType<typeof createPrintersRepo>;
