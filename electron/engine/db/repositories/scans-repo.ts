/**
 * Scans: one row per scan, with its targets, start and end, counts and problems.
 */
import type { ScanProblem, ScanSummary } from '../../../../shared/domain/scan';
import type { Db } from '../database';

interface ScanRow {
  id: number;
  targets: string;
  status: ScanSummary['status'];
  started_at: string;
  finished_at: string | null;
  address_count: number;
  responded_count: number;
  new_count: number;
  updated_count: number;
  missing_count: number;
  problems: string;
}

const toSummary = (row: ScanRow): ScanSummary => ({
  id: row.id,
  targets: JSON.parse(row.targets) as string[],
  status: row.status,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  addressCount: row.address_count,
  respondedCount: row.responded_count,
  newCount: row.new_count,
  updatedCount: row.updated_count,
  missingCount: row.missing_count,
  problems: JSON.parse(row.problems) as ScanProblem[],
});

/** The counts a finished scan records. */
export interface ScanCounts {
  respondedCount: number;
  newCount: number;
  updatedCount: number;
  missingCount: number;
  problems: ScanProblem[];
}

/** The scans repository on a migrated database: one row per scan (targets, times, counts, problems). */
export function createScansRepo(db: Db) {
  return {
    /** When the first scan started (ISO 8601), or null when nothing was ever scanned. */
    firstStartedAt(): string | null {
      const row = db.prepare<[], { at: string | null }>('SELECT MIN(started_at) AS at FROM scans').get();
      return row?.at ?? null;
    },

    /** Opens a scan row in state `running`. @returns its id. */
    create(targets: readonly string[], addressCount: number, now: string): number {
      const result = db
        .prepare("INSERT INTO scans (targets, status, started_at, address_count) VALUES (?, 'running', ?, ?)")
        .run(JSON.stringify(targets), now, addressCount);
      return Number(result.lastInsertRowid);
    },

    /** Closes a scan with its final status and counts. */
    finish(
      id: number,
      status: Exclude<ScanSummary['status'], 'running'>,
      counts: ScanCounts,
      now: string,
    ): void {
      db.prepare(
        `UPDATE scans SET status = ?, finished_at = ?, responded_count = ?, new_count = ?, updated_count = ?,
           missing_count = ?, problems = ? WHERE id = ?`,
      ).run(
        status,
        now,
        counts.respondedCount,
        counts.newCount,
        counts.updatedCount,
        counts.missingCount,
        JSON.stringify(counts.problems),
        id,
      );
    },

    get(id: number): ScanSummary | undefined {
      const row = db.prepare<[number], ScanRow>('SELECT * FROM scans WHERE id = ?').get(id);
      return row ? toSummary(row) : undefined;
    },

    /** The most recent scan that is not running, or undefined. */
    lastFinished(): ScanSummary | undefined {
      const row = db
        .prepare<[], ScanRow>("SELECT * FROM scans WHERE status != 'running' ORDER BY id DESC LIMIT 1")
        .get();
      return row ? toSummary(row) : undefined;
    },

    /** Records that a running scan is alive (see `closeInterrupted`). */
    heartbeat(id: number, now: string): void {
      db.prepare("UPDATE scans SET heartbeat_at = ? WHERE id = ? AND status = 'running'").run(now, id);
    },

    /**
     * Closes as `failed` the scans left `running` by a crash: those whose heartbeat (or start)
     * is older than `staleBefore`. A scan another process is running keeps beating and stays.
     * @returns how many were closed.
     */
    closeInterrupted(staleBefore: string, now: string): number {
      return db
        .prepare(
          `UPDATE scans SET status = 'failed', finished_at = ?
           WHERE status = 'running' AND COALESCE(heartbeat_at, started_at) < ?`,
        )
        .run(now, staleBefore).changes;
    },
  };
}

export type ScansRepo = ReturnType<typeof createScansRepo>;
