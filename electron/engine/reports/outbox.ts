/**
 * The outbox: every document for the hub is written to SQLite (committed) before any network
 * use, then delivered by `flush`, which tries each due pending entry once, oldest first. An entry
 * is marked sent only after a 2xx, rejected on a final refusal, else rescheduled with exponential
 * backoff and full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter", 2015):
 * `delay = random × min(cap, base × 2^(attempts−1))`, base 30 s, cap 6 h, and never sooner than
 * the hub's Retry-After. The table is the whole state: a restart (or a kill) resumes from it, and
 * a POST resent after a crash is harmless because the hub answers a repeated Idempotency-Key
 * with its first answer.
 */
import type { Logger } from '../log';
import type { OutboxEntry, OutboxKind, OutboxRepo } from '../db/repositories/outbox-repo';
import type { OutgoingDocument, SendOutcome } from './sender';
import type { OutboxItem } from '../../../shared/domain/outbox';

/** First retry delay bound, milliseconds. */
export const BACKOFF_BASE_MS = 30_000;
/** Largest retry delay bound, milliseconds (6 h). */
export const BACKOFF_CAP_MS = 6 * 3600_000;

/**
 * The delay before the next attempt after `attempts` failures (≥ 1), milliseconds: full jitter
 * over `min(cap, base × 2^(attempts−1))`, at least `retryAfterMs` when the hub gave one.
 * @param random a number in [0, 1).
 */
export function backoffDelayMs(attempts: number, random: number, retryAfterMs?: number): number {
  const bound = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
  const jittered = Math.floor(random * bound);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** The outbox's world. */
export interface OutboxDeps {
  repo: OutboxRepo;
  /** Sends one document once (bound to the hub's address and secrets). */
  send: (entry: OutgoingDocument) => Promise<SendOutcome>;
  /** ISO 8601 now. */
  now: () => string;
  /** A number in [0, 1) for the jitter. */
  random: () => number;
  logger: Logger;
  /** Which entries this outbox handles (default `report`). */
  kind?: OutboxKind;
}

/** What one flush did: entries sent and rejected by it, and entries still pending after it. */
export interface FlushResult {
  sent: number;
  rejected: number;
  pending: number;
}

export interface FlushOptions {
  /** Also try the pending entries not due yet (the referent's "Envoyer maintenant"). */
  ignoreSchedule?: boolean;
  /** Another sender for this flush (e.g. `parc report push --hub URL`). */
  send?: OutboxDeps['send'];
  /** Stops between two entries. */
  signal?: AbortSignal;
}

/** Thrown when a document cannot be stored: nothing was sent, earlier entries are intact. */
export class OutboxWriteError extends Error {
  readonly code = 'outbox-write' as const;
}

const FAR_FUTURE = '9999-12-31T23:59:59.999Z';

/**
 * Builds the outbox over its repository.
 * - `enqueue(doc, destination)` stores a pending entry (throws `OutboxWriteError` when the
 *   disk is full or the id exists; the message says so).
 * - `flush(options)` sends every due pending entry once, in creation order; one flush at a
 *   time (a second call while one runs gets the same promise).
 * - `list()` the entries, newest first; `requeue(id)` puts a rejected entry back.
 */
export function createOutbox({ repo, send, now, random, logger, kind = 'report' }: OutboxDeps) {
  let running: Promise<FlushResult> | null = null;

  const attempt = async (
    entry: OutboxEntry,
    sender: OutboxDeps['send'],
  ): Promise<'sent' | 'rejected' | 'retry'> => {
    let outcome: SendOutcome;
    try {
      outcome = await sender({ id: entry.id, body: entry.body });
    } catch (error) {
      // A sender never throws by contract; if one does, the entry stays pending.
      outcome = { kind: 'retry', error: error instanceof Error ? error.message : String(error) };
    }
    switch (outcome.kind) {
      case 'sent':
        repo.markSent(entry.id, now(), outcome.answer);
        logger.info('outbox: sent', {
          id: entry.id,
          kind,
          status: outcome.status,
          attempts: entry.attempts + 1,
        });
        return 'sent';
      case 'rejected':
        repo.markRejected(entry.id, outcome.message, null);
        logger.warn('outbox: rejected by the hub', {
          id: entry.id,
          kind,
          status: outcome.status,
          reason: outcome.message,
        });
        return 'rejected';
      case 'retry': {
        const attempts = entry.attempts + 1;
        const delay = backoffDelayMs(attempts, random(), outcome.retryAfterMs);
        const next = new Date(Date.parse(now()) + delay).toISOString();
        repo.markRetry(entry.id, outcome.error, next);
        logger.warn('outbox: will retry', { id: entry.id, kind, attempts, next, reason: outcome.error });
        return 'retry';
      }
    }
  };

  const run = async (options: FlushOptions): Promise<FlushResult> => {
    const result: FlushResult = { sent: 0, rejected: 0, pending: 0 };
    const due = repo.due(kind, options.ignoreSchedule ? FAR_FUTURE : now());
    for (const entry of due) {
      if (options.signal?.aborted) break;
      const done = await attempt(entry, options.send ?? send);
      if (done === 'sent') result.sent += 1;
      else if (done === 'rejected') result.rejected += 1;
    }
    result.pending = repo.due(kind, FAR_FUTURE).length;
    return result;
  };

  return {
    /**
     * Stores `doc` as a pending entry due now, committed before this returns.
     * @param destination where it goes, shown to people (the hub's address).
     * @throws OutboxWriteError (disk full, read-only database, id already queued).
     */
    enqueue(doc: OutgoingDocument, destination: string): OutboxEntry {
      const createdAt = now();
      try {
        repo.add({ id: doc.id, kind, destination, createdAt, body: doc.body });
      } catch (error) {
        const code = (error as { code?: string }).code ?? '';
        const reason =
          code === 'SQLITE_FULL'
            ? 'the disk is full (SQLITE_FULL): free some space and make the report again'
            : code.startsWith('SQLITE_CONSTRAINT')
              ? 'a document with this id is already in the outbox'
              : code === 'SQLITE_READONLY'
                ? 'the database is read-only'
                : (error as Error).message;
        logger.error('outbox: cannot store a document', { id: doc.id, kind, code });
        throw new OutboxWriteError(
          `The outbox could not store ${kind} ${doc.id}: ${reason}. Earlier entries are kept.`,
          {
            cause: error,
          },
        );
      }
      return repo.get(doc.id) as OutboxEntry;
    },

    /** Sends every due pending entry once (see createOutbox). Resolves with what it did. */
    flush(options: FlushOptions = {}): Promise<FlushResult> {
      if (running) return running;
      running = run(options).finally(() => {
        running = null;
      });
      return running;
    },

    /** The entries, newest first (at most 500), bodies included. */
    list(): OutboxEntry[] {
      return repo.list().filter((e) => e.kind === kind);
    },

    /** Puts a rejected entry back in the queue, due now. @returns false if it was not rejected. */
    requeue(id: string): boolean {
      return repo.requeue(id, now());
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;

/** An outbox entry as the UI and the CLI show it: no body, `nextAttemptAt` only while pending. */
export function toOutboxItem(entry: OutboxEntry): OutboxItem {
  return {
    id: entry.id,
    kind: entry.kind,
    destination: entry.destination,
    createdAt: entry.createdAt,
    status: entry.status,
    attempts: entry.attempts,
    nextAttemptAt: entry.status === 'pending' ? entry.nextAttemptAt : null,
    lastError: entry.lastError,
    sentAt: entry.sentAt,
  };
}
