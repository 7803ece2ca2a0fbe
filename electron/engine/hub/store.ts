/**
 * The reference hub's own SQLite file: each report received once per (school, Idempotency-Key),
 * with the first answer given, so a repeated POST gets that same answer. It never stores a
 * token or a signing secret: a school is known here by its label.
 */
import { openDatabase } from '../db/database';
import type { Migration } from '../db/migrations';

/** The hub database's migrations (its own numbering, apart from Parc's). */
export const HUB_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'received',
    up: `
      CREATE TABLE received (
        school TEXT NOT NULL,             -- the school's label (never its token)
        idempotency_key TEXT NOT NULL,    -- the report id
        received_at TEXT NOT NULL,        -- ISO 8601
        uai TEXT NOT NULL,
        body TEXT NOT NULL,               -- the report, JSON
        answer TEXT NOT NULL,             -- the first answer's body, JSON
        PRIMARY KEY (school, idempotency_key)
      );
    `,
  },
];

/** One stored report. */
export interface ReceivedReport {
  school: string;
  id: string;
  receivedAt: string;
  uai: string;
  body: unknown;
}

/** A stored report's first answer. */
export interface StoredAnswer {
  /** True when this call stored it (201), false for a repeat (200). */
  created: boolean;
  answer: string;
}

/** Opens (creating and migrating) the hub database at `path`. @throws Error as openDatabase. */
export function openHubStore(path: string) {
  const db = openDatabase(path, HUB_MIGRATIONS);
  const insert = db.prepare(
    `INSERT OR IGNORE INTO received (school, idempotency_key, received_at, uai, body, answer)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const answerOf = db.prepare<[string, string], { answer: string }>(
    'SELECT answer FROM received WHERE school = ? AND idempotency_key = ?',
  );
  const all = db.prepare<
    [],
    { school: string; idempotency_key: string; received_at: string; uai: string; body: string }
  >('SELECT school, idempotency_key, received_at, uai, body FROM received ORDER BY received_at, rowid');
  return {
    /**
     * Stores a report unless this school already sent this key; either way returns the first answer.
     * One statement: two concurrent repeats cannot both store.
     */
    store(school: string, key: string, receivedAt: string, uai: string, body: unknown): StoredAnswer {
      const answer = JSON.stringify({ id: key, receivedAt });
      const created = insert.run(school, key, receivedAt, uai, JSON.stringify(body), answer).changes > 0;
      return { created, answer: created ? answer : (answerOf.get(school, key)?.answer ?? answer) };
    },

    /** Every stored report, oldest first. */
    list(): ReceivedReport[] {
      return all.all().map((r) => ({
        school: r.school,
        id: r.idempotency_key,
        receivedAt: r.received_at,
        uai: r.uai,
        body: JSON.parse(r.body) as unknown,
      }));
    },

    close(): void {
      db.close();
    },
  };
}

export type HubStore = ReturnType<typeof openHubStore>;
