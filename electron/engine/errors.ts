/**
 * Errors the engine throws on purpose. Each has a `code` that maps to the IPC error codes
 * and to the CLI's exit status (`invalid-input` → 2, others → 1).
 */

import type { InputReason } from '../../shared/ipc/result';

/**
 * Bad input from the user (a malformed target, a refused range…). The message is one clear
 * English sentence (CLI, logs); `reason` and `params` let the UI say it in French.
 */
export class InputError extends Error {
  readonly code = 'invalid-input' as const;
  constructor(
    message: string,
    readonly reason?: InputReason,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
  }
}

/** The thing asked for does not exist (an unknown device id…). */
export class NotFoundError extends Error {
  readonly code = 'not-found' as const;
}

/** Something is already running that must finish first (a scan). */
export class BusyError extends Error {
  readonly code = 'busy' as const;
}

/**
 * The database cannot be written: disk full (`SQLITE_FULL`), read-only or failing storage. What
 * was stored before stays intact (each step is its own transaction); the work in progress stops.
 */
export class StorageError extends Error {
  readonly code = 'failed' as const;
  constructor(readonly sqliteCode: string) {
    super(
      sqliteCode === 'SQLITE_FULL'
        ? 'The disk is full: Parc cannot save more. Free some space, then start again (what was saved before is intact).'
        : `Parc cannot write its database (${sqliteCode}). What was saved before is intact.`,
    );
  }
}

/** SQLite result codes that mean the storage itself failed, not the query. */
const STORAGE_CODES = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB)/;

/** The StorageError for an error thrown by better-sqlite3, or null for anything else. */
export function storageErrorOf(error: unknown): StorageError | null {
  if (error instanceof StorageError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !STORAGE_CODES.test(code)) return null;
  // Extended codes (SQLITE_IOERR_WRITE) are reported by their primary code.
  return new StorageError((/^SQLITE_[A-Z]+/.exec(code) as RegExpExecArray)[0]);
}
