/**
 * Projector readings and the referent's rated lamp life (tables of migration 0008). All SQL on
 * projector tables lives here.
 */
import { ProjectorReading } from '../../../../shared/domain/projector-summary';
import type { Db } from '../database';

/** A stored reading with its time. */
export interface TimedReading {
  readAt: string;
  reading: ProjectorReading;
}

/** The projectors repository on a migrated database. */
export function createProjectorsRepo(db: Db) {
  const insert = db.prepare('INSERT INTO projector_readings (device_id, read_at, reading) VALUES (?, ?, ?)');
  const latest = db.prepare<[number], { read_at: string; reading: string }>(
    'SELECT read_at, reading FROM projector_readings WHERE device_id = ? ORDER BY read_at DESC, id DESC LIMIT 1',
  );
  const since = db.prepare<[number, string], { read_at: string; reading: string }>(
    'SELECT read_at, reading FROM projector_readings WHERE device_id = ? AND read_at >= ? ORDER BY read_at, id',
  );
  const parse = (row: { read_at: string; reading: string }): TimedReading | null => {
    try {
      const reading = ProjectorReading.safeParse(JSON.parse(row.reading));
      return reading.success ? { readAt: row.read_at, reading: reading.data } : null;
    } catch {
      return null;
    }
  };
  return {
    /** Stores one reading of a device at `readAt` (ISO 8601). */
    record(deviceId: number, reading: ProjectorReading, readAt: string): void {
      insert.run(deviceId, readAt, JSON.stringify(reading));
    },

    /** The last reading of a device, or null. */
    latest(deviceId: number): TimedReading | null {
      const row = latest.get(deviceId);
      return row ? parse(row) : null;
    },

    /** The readings of a device since `from` (ISO 8601), oldest first. */
    since(deviceId: number, from: string): TimedReading[] {
      return since.all(deviceId, from).flatMap((row) => parse(row) ?? []);
    },

    /** The referent's rated lamp life per device, in hours. */
    ratedLampHours(): Map<number, number> {
      const rows = db
        .prepare<[], { device_id: number; rated_lamp_hours: number }>(
          'SELECT device_id, rated_lamp_hours FROM projector_settings WHERE rated_lamp_hours IS NOT NULL',
        )
        .all();
      return new Map(rows.map((r) => [r.device_id, r.rated_lamp_hours]));
    },

    /** Sets (or with null clears) the referent's rated lamp life of a device, in hours. */
    setRatedLampHours(deviceId: number, hours: number | null): void {
      db.prepare(
        `INSERT INTO projector_settings (device_id, rated_lamp_hours) VALUES (?, ?)
         ON CONFLICT(device_id) DO UPDATE SET rated_lamp_hours = excluded.rated_lamp_hours`,
      ).run(deviceId, hours);
    },
  };
}

export type ProjectorsRepo = ReturnType<typeof createProjectorsRepo>;
