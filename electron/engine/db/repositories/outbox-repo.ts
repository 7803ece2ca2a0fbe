/**
 * The outbox (table of migration 0009): documents waiting for, or done with, delivery to the
 * hub or a GLPI server. All SQL on `outbox` lives here. Each call is one autocommitted
 * statement, so an entry is on disk before the caller touches the network.
 */
import type { Db } from '../database';

export type OutboxKind = 'report' | 'glpi';
export type OutboxStatus = 'pending' | 'sent' | 'rejected';

/** One outbox entry; `body` is the document as parsed JSON. */
export interface OutboxEntry {
  /** The document's id (UUID), sent as the Idempotency-Key. */
  id: string;
  kind: OutboxKind;
  destination: string;
  /** ISO 8601. */
  createdAt: string;
  body: unknown;
  status: OutboxStatus;
  attempts: number;
  /** ISO 8601: when a pending entry is next due. */
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
  /** The hub's answer to the accepted POST (raw text, usually JSON). */
  hubAnswer: string | null;
}

interface OutboxRow {
  id: string;
  kind: OutboxKind;
  destination: string;
  created_at: string;
  body: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  sent_at: string | null;
  hub_answer: string | null;
}

const toEntry = (row: OutboxRow): OutboxEntry => {
  let body: unknown = null;
  try {
    body = JSON.parse(row.body);
  } catch {
    // A damaged body reads as null: the hub then refuses it (400) and the entry is shown rejected.
  }
  return {
    id: row.id,
    kind: row.kind,
    destination: row.destination,
    createdAt: row.created_at,
    body,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    sentAt: row.sent_at,
    hubAnswer: row.hub_answer,
  };
};

/** The outbox repository on a migrated database. */
export function createOutboxRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO outbox (id, kind, destination, created_at, body, status, attempts, next_attempt_at)
     VALUES (?, ?, ?, ?, ?, 'pending', 0, ?)`,
  );
  const byId = db.prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE id = ?');
  const due = db.prepare<[string, string], OutboxRow>(
    `SELECT * FROM outbox WHERE status = 'pending' AND kind = ? AND next_attempt_at <= ?
     ORDER BY created_at, rowid`,
  );
  const all = db.prepare<[number], OutboxRow>(
    'SELECT * FROM outbox ORDER BY created_at DESC, rowid DESC LIMIT ?',
  );
  const counts = db.prepare<[], { status: OutboxStatus; n: number }>(
    'SELECT status, COUNT(*) AS n FROM outbox GROUP BY status',
  );
  const sent = db.prepare(
    `UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = ?, hub_answer = ?, last_error = NULL
     WHERE id = ? AND status = 'pending'`,
  );
  const rejected = db.prepare(
    `UPDATE outbox SET status = 'rejected', attempts = attempts + 1, last_error = ?, hub_answer = ?
     WHERE id = ? AND status = 'pending'`,
  );
  const retry = db.prepare(
    `UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?
     WHERE id = ? AND status = 'pending'`,
  );
  const requeue = db.prepare(
    `UPDATE outbox SET status = 'pending', next_attempt_at = ?, last_error = NULL
     WHERE id = ? AND status = 'rejected'`,
  );

  return {
    /**
     * Stores a new pending entry, due at once. `body` is stored as JSON text.
     * @throws SqliteError (code `SQLITE_FULL`, `SQLITE_CONSTRAINT_PRIMARYKEY`…) as better-sqlite3 raises it.
     */
    add(entry: {
      id: string;
      kind: OutboxKind;
      destination: string;
      createdAt: string;
      body: unknown;
    }): void {
      insert.run(
        entry.id,
        entry.kind,
        entry.destination,
        entry.createdAt,
        JSON.stringify(entry.body),
        entry.createdAt,
      );
    },

    /** One entry, or null. */
    get(id: string): OutboxEntry | null {
      const row = byId.get(id);
      return row ? toEntry(row) : null;
    },

    /** The pending entries of `kind` due at `now` (ISO 8601), oldest first. */
    due(kind: OutboxKind, now: string): OutboxEntry[] {
      return due.all(kind, now).map(toEntry);
    },

    /** The most recent entries first, at most `limit` (default 500). */
    list(limit = 500): OutboxEntry[] {
      return all.all(limit).map(toEntry);
    },

    /** How many entries are in each status. */
    counts(): Record<OutboxStatus, number> {
      const result: Record<OutboxStatus, number> = { pending: 0, sent: 0, rejected: 0 };
      for (const row of counts.all()) result[row.status] = row.n;
      return result;
    },

    /** Marks a pending entry sent at `at` with the hub's answer. @returns false if it was not pending. */
    markSent(id: string, at: string, answer: string): boolean {
      return sent.run(at, answer, id).changes > 0;
    },

    /** Marks a pending entry rejected with the reason shown to people. @returns false if it was not pending. */
    markRejected(id: string, error: string, answer: string | null): boolean {
      return rejected.run(error, answer, id).changes > 0;
    },

    /** Counts a failed attempt and sets when to try again (ISO 8601). @returns false if not pending. */
    markRetry(id: string, error: string, nextAttemptAt: string): boolean {
      return retry.run(error, nextAttemptAt, id).changes > 0;
    },

    /** Puts a rejected entry back in the queue, due at `at` (after the referent fixed the token…). */
    requeue(id: string, at: string): boolean {
      return requeue.run(at, id).changes > 0;
    },
  };
}

export type OutboxRepo = ReturnType<typeof createOutboxRepo>;
