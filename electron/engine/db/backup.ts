/**
 * Backups of the SQLite database (issue 9): an online copy taken while Parc runs (SQLite's backup
 * API, consistent even while a scan writes), one a day kept for a week beside the database, and a
 * restore that checks the file first and keeps the database it replaces.
 *
 * A backup is one self-contained file (rollback-journal mode, no `-wal` beside it), private
 * (0600), written under a temporary name and renamed, so a crash or a full disk never leaves a
 * half backup under the final name.
 */
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { InputError } from '../errors';
import type { Db } from './database';
import { MIGRATIONS } from './migrations';

/** The folder beside the database that holds the daily backups. */
export const BACKUP_FOLDER = 'backups';
/** How many daily backups are kept (one week). */
export const DAILY_BACKUPS_KEPT = 7;
/** A daily backup's file name: `parc-YYYY-MM-DD.db` (the local calendar day). */
const DAILY_NAME = /^parc-\d{4}-\d{2}-\d{2}\.db$/;
/** A temporary file left by a backup killed mid-way (removed by the next daily backup). */
const TEMP_NAME = /^\..+\.\d+-[0-9a-f]{8}\.tmp(-journal|-wal|-shm)?$/;
/** A temporary file younger than this may belong to a backup running in another process. */
const STALE_TEMP_MS = 3_600_000;
/** The files SQLite keeps beside a database. */
const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

/** Why a backup could not be written. */
export type BackupFailureReason =
  'disk-full' | 'read-only' | 'permission-denied' | 'no-folder' | 'in-memory' | 'failed';

/** A backup that could not be written; `reason` says why in one word, the message in one sentence. */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly reason: BackupFailureReason,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A backup written: its absolute path and size in bytes. */
export interface BackupWritten {
  path: string;
  bytes: number;
}

/** What `dailyBackup` did; it never throws, since a failed backup must not stop the app. */
export type DailyBackupOutcome =
  | { status: 'written'; path: string; bytes: number; pruned: string[] }
  | { status: 'skipped'; reason: 'already-today'; path: string; pruned: string[] }
  | { status: 'failed'; reason: BackupFailureReason; message: string };

/** What a Parc database holds, as read by `inspectBackup` and `checkDatabase`. */
export interface DatabaseFacts {
  /** `PRAGMA user_version`: the last migration applied. */
  userVersion: number;
  /** The latest migration this Parc knows. */
  latestVersion: number;
  /** Rows in `devices` and `scans`. */
  devices: number;
  scans: number;
}

/** What `restoreDatabase` did. */
export interface RestoreOutcome {
  /** The database replaced (absolute). */
  dbPath: string;
  /** The backup it now holds (absolute). */
  restoredFrom: string;
  /** Where the replaced database was kept (`parc.db.before-restore-<timestamp>`), or null if there was none. */
  keptAside: string | null;
  /** What the restored database holds. */
  facts: DatabaseFacts;
}

/** What `checkDatabase` found: `ok` when the integrity check passed on a Parc database. */
export type DatabaseCheck =
  | ({ ok: true; problems: [] } & DatabaseFacts)
  | { ok: false; problems: string[]; facts: DatabaseFacts | null };

const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause && cause !== error ? codeOf(cause) : undefined;
};

/**
 * The reason of a failed write, from a Node errno (`ENOSPC`…) or a SQLite code (`SQLITE_FULL`…),
 * looked for in `error` and its `cause`s. @returns `failed` when unknown.
 */
export function backupFailureReason(error: unknown): BackupFailureReason {
  if (error instanceof BackupError) return error.reason;
  const code = codeOf(error) ?? '';
  if (/^(ENOSPC|EDQUOT|SQLITE_FULL)/.test(code)) return 'disk-full';
  if (/^(EROFS|SQLITE_READONLY)/.test(code)) return 'read-only';
  if (/^(EACCES|EPERM|SQLITE_PERM|SQLITE_AUTH)/.test(code)) return 'permission-denied';
  if (/^(ENOENT|ENOTDIR|EEXIST|EISDIR|SQLITE_CANTOPEN)/.test(code)) return 'no-folder';
  return 'failed';
}

const REASON_TEXT: Record<BackupFailureReason, string> = {
  'disk-full': 'the disk is full',
  'read-only': 'the disk is read-only',
  'permission-denied': 'permission denied',
  'no-folder': 'the folder does not exist or is not a folder',
  'in-memory': 'the database is in memory, not in a file',
  failed: 'the write failed',
};

/** The folder of the daily backups of the database at `dbPath`: `<its folder>/backups`. */
export function backupFolderFor(dbPath: string): string {
  return join(dirname(resolve(dbPath)), BACKUP_FOLDER);
}

/** The daily backup's file name for the local calendar day of `now`: `parc-YYYY-MM-DD.db`. */
export function dailyBackupName(now: Date | string): string {
  const day = new Date(now);
  const two = (n: number) => String(n).padStart(2, '0');
  return `parc-${day.getFullYear()}-${two(day.getMonth() + 1)}-${two(day.getDate())}.db`;
}

const tempBeside = (path: string) =>
  join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);

/** Removes a database file and the files SQLite may have left beside it. */
const removeWithSideFiles = (path: string) => {
  for (const suffix of ['', ...SIDE_FILES]) {
    try {
      rmSync(path + suffix, { force: true });
    } catch {
      // Nothing there to remove (a path under a file): the error that matters is the caller's.
    }
  }
};

/** Flushes a file's content to the disk before it is renamed into place. */
const flushToDisk = (path: string) => {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

/**
 * Copies the open database `db` to `destPath` with SQLite's online backup API: consistent while
 * the app keeps writing. The copy is one file in rollback-journal mode, mode 0600, written under a
 * temporary name in the same folder and renamed over `destPath` (replacing a file there).
 * @param destPath the backup file; its folder must exist.
 * @returns `{ path, bytes }`: the absolute path and the size written, in bytes.
 * @throws BackupError with a `reason` (`disk-full`, `read-only`, `permission-denied`, `no-folder`,
 *   `failed`); the temporary file is removed and nothing is left under `destPath`.
 */
export async function backupDatabase(db: Db, destPath: string): Promise<BackupWritten> {
  const path = resolve(destPath);
  const temp = tempBeside(path);
  try {
    // Created empty and private first: SQLite then writes into it, keeping the mode.
    closeSync(openSync(temp, 'wx', 0o600));
    await db.backup(temp);
    // A source in WAL mode gives a copy marked WAL: make it one file that opens without side files.
    const copy = new Database(temp, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    chmodSync(temp, 0o600);
    flushToDisk(temp);
    renameSync(temp, path);
    return { path, bytes: statSync(path).size };
  } catch (error) {
    removeWithSideFiles(temp);
    const reason = backupFailureReason(error);
    const detail = reason === 'failed' && error instanceof Error ? error.message : REASON_TEXT[reason];
    throw new BackupError(`Cannot write the backup ${path}: ${detail}.`, reason, { cause: error });
  }
}

/**
 * Removes the daily backups of `folder` beyond the `keep` newest (by the day in their name) and
 * temporary files left by backups killed mid-way (older than an hour).
 * @returns the paths removed.
 */
export function pruneBackups(folder: string, keep: number, nowMs: number = Date.now()): string[] {
  const names = readdirSync(folder);
  const old = names
    .filter((name) => DAILY_NAME.test(name))
    .sort()
    .reverse()
    .slice(Math.max(1, keep));
  const stale = names.filter((name) => {
    if (!TEMP_NAME.test(name)) return false;
    try {
      return nowMs - statSync(join(folder, name)).mtimeMs > STALE_TEMP_MS;
    } catch {
      return false;
    }
  });
  const removed: string[] = [];
  for (const name of [...old, ...stale]) {
    try {
      rmSync(join(folder, name), { force: true });
      removed.push(join(folder, name));
    } catch {
      // Kept for the next time: pruning is housekeeping, not worth failing for.
    }
  }
  return removed;
}

/**
 * The daily backup: at most one per local calendar day, `parc-YYYY-MM-DD.db` in `folder`
 * (created 0700), keeping the `keep` newest. Never throws: a failed backup must not stop the app.
 * @param folder default `backups` beside the database file.
 * @param now the instant whose local day names the backup.
 * @returns `written` (path, bytes, files pruned), `skipped` (today's backup exists) or `failed`
 *   with a `reason` (`disk-full`, `read-only`, `permission-denied`, `no-folder`, `in-memory`,
 *   `failed`) and an English sentence.
 */
export async function dailyBackup(
  db: Db,
  folder?: string,
  now: Date | string = new Date(),
  keep: number = DAILY_BACKUPS_KEPT,
): Promise<DailyBackupOutcome> {
  if (db.memory)
    return { status: 'failed', reason: 'in-memory', message: 'No backup: the database is in memory.' };
  const target = folder ?? backupFolderFor(db.name);
  try {
    mkdirSync(target, { recursive: true, mode: 0o700 });
    const path = join(target, dailyBackupName(now));
    const prune = () => {
      try {
        return pruneBackups(target, keep, new Date(now).getTime());
      } catch {
        return [];
      }
    };
    if (existsSync(path)) return { status: 'skipped', reason: 'already-today', path, pruned: prune() };
    const written = await backupDatabase(db, path);
    return { status: 'written', ...written, pruned: prune() };
  } catch (error) {
    const reason = backupFailureReason(error);
    const message =
      error instanceof BackupError
        ? error.message
        : `Cannot write the backup in ${target}: ${REASON_TEXT[reason]}.`;
    return { status: 'failed', reason, message };
  }
}

/**
 * Reads what an open connection holds and checks it is a whole Parc database.
 * @throws InputError naming `label` when it is not a SQLite database, is damaged, lacks the
 *   `meta`/`devices` tables or was written by a newer Parc.
 */
function inspectConnection(db: Db, label: string): DatabaseFacts {
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map(
      (row) => row.integrity_check,
    );
    if (integrity.length !== 1 || integrity[0] !== 'ok') {
      throw new InputError(`${label} is damaged (integrity check: ${integrity.slice(0, 3).join('; ')}).`);
    }
    const tables = new Set(
      db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all()
        .map((row) => row.name),
    );
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    if (!tables.has('meta') || !tables.has('devices') || userVersion < 1) {
      throw new InputError(`${label} is a SQLite database, but not a Parc database (no devices table).`);
    }
    if (userVersion > LATEST_VERSION) {
      throw new InputError(
        `${label} was written by a newer Parc (schema ${userVersion}, this one knows ${LATEST_VERSION}): update Parc first.`,
      );
    }
    const count = (table: string) =>
      tables.has(table)
        ? (db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${table}`).get()?.n ?? 0)
        : 0;
    return { userVersion, latestVersion: LATEST_VERSION, devices: count('devices'), scans: count('scans') };
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = codeOf(error) ?? '';
    if (code.startsWith('SQLITE_NOTADB')) throw new InputError(`${label} is not a SQLite database.`);
    if (code.startsWith('SQLITE_CORRUPT')) throw new InputError(`${label} is damaged (${code}).`);
    throw error;
  }
}

/**
 * Copies `source` (and its `-wal`, if any) to a private temporary file in `folder` and checks the
 * copy: the original is never opened, so nothing is written beside it.
 * @returns the temporary file (one file, rollback-journal mode) and what it holds.
 * @throws InputError when `source` is missing or not a whole Parc database this Parc can open;
 *   Error when the copy cannot be written (disk full…). The temporary file is removed on error.
 */
function stageCopy(source: string, folder: string): { staged: string; facts: DatabaseFacts } {
  const stats = statSync(source, { throwIfNoEntry: false });
  if (!stats?.isFile()) throw new InputError(`No backup file at ${source}.`);
  const staged = tempBeside(join(folder, basename(source)));
  try {
    copyFileSync(source, staged);
    chmodSync(staged, 0o600);
    if ((statSync(source + '-wal', { throwIfNoEntry: false })?.size ?? 0) > 0) {
      copyFileSync(source + '-wal', staged + '-wal');
      chmodSync(staged + '-wal', 0o600);
    }
    const copy = new Database(staged, { fileMustExist: true });
    let facts: DatabaseFacts;
    try {
      facts = inspectConnection(copy, source);
      // Folds a copied WAL into the file: the restored database is one file.
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    for (const suffix of SIDE_FILES) rmSync(staged + suffix, { force: true });
    return { staged, facts };
  } catch (error) {
    removeWithSideFiles(staged);
    throw error;
  }
}

/**
 * Checks that `backupPath` is a whole Parc database this Parc can restore, without changing it
 * (it is checked on a private copy in a temporary folder).
 * @returns its schema version and row counts.
 * @throws InputError saying why it cannot be restored (missing, not SQLite, damaged, not Parc, newer).
 */
export function inspectBackup(backupPath: string, workFolder?: string): DatabaseFacts {
  const source = resolve(backupPath);
  const folder = workFolder ?? dirname(source);
  const { staged, facts } = stageCopy(source, folder);
  removeWithSideFiles(staged);
  return facts;
}

/** `2026-03-02T08-15-00Z`: an instant as a file-name part (no `:`, valid on Windows). */
const stampOf = (now: Date | string) =>
  new Date(now)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');

/**
 * Keeps the database at `dbPath` aside as `<dbPath>.before-restore-<timestamp>`: its WAL folded in
 * by a checkpoint, or, when it cannot be opened (damaged), copied with its `-wal` and `-shm`.
 * @returns the path kept aside, or null when there was no database.
 * @throws InputError when another process has the database open (its WAL stays after our close).
 */
function setAside(dbPath: string, now: Date | string): string | null {
  if (!existsSync(dbPath)) return null;
  let aside = `${dbPath}.before-restore-${stampOf(now)}`;
  for (let n = 1; existsSync(aside); n++) aside = `${dbPath}.before-restore-${stampOf(now)}-${n}`;
  let readable = true;
  try {
    const current = new Database(dbPath, { fileMustExist: true });
    try {
      current.pragma('busy_timeout = 5000');
      current.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      current.close();
    }
  } catch {
    readable = false;
  }
  if (readable && existsSync(dbPath + '-wal')) {
    throw new InputError(
      `The database ${dbPath} is in use (the Parc window or a command): close it, then restore.`,
    );
  }
  for (const suffix of ['', ...SIDE_FILES]) {
    if (!existsSync(dbPath + suffix)) continue;
    copyFileSync(dbPath + suffix, aside + suffix);
    chmodSync(aside + suffix, 0o600);
  }
  if (readable) {
    // Its WAL is folded in: mark the copy rollback-journal, one file that opens without side files.
    const copy = new Database(aside, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
  }
  return aside;
}

/**
 * Replaces the database at `dbPath` with the backup at `backupPath`, never migrating either.
 * The backup is checked first on a private copy beside the database (`PRAGMA integrity_check` ok,
 * `meta` and `devices` tables, `user_version` not newer than this Parc's latest migration); the
 * current database is kept as `<dbPath>.before-restore-<timestamp>` (WAL folded in, or copied
 * when it cannot be opened); then the checked copy is renamed over `dbPath` (atomic). The next
 * start migrates an older backup as usual.
 * @param now names the file kept aside (ISO 8601 instant).
 * @returns where the database came from, where the old one is kept and what the new one holds.
 * @throws InputError when the backup is missing, not a Parc database, damaged or newer, when it
 *   is the database itself, or when the database is open in another process; Error when writing
 *   fails (disk full…), leaving the current database as it was.
 */
export function restoreDatabase(
  backupPath: string,
  dbPath: string,
  now: Date | string = new Date(),
): RestoreOutcome {
  const source = resolve(backupPath);
  const target = resolve(dbPath);
  if (source === target) throw new InputError('The backup to restore is the database itself.');
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  const { staged, facts } = stageCopy(source, dirname(target));
  try {
    const keptAside = setAside(target, now);
    // A WAL left beside the old database must never be replayed into the restored one.
    for (const suffix of SIDE_FILES) rmSync(target + suffix, { force: true });
    flushToDisk(staged);
    renameSync(staged, target);
    return { dbPath: target, restoredFrom: source, keptAside, facts };
  } catch (error) {
    removeWithSideFiles(staged);
    throw error;
  }
}

/**
 * Checks the database at `dbPath` in place (`parc db check`), without migrating it: integrity,
 * Parc tables, schema version, counts of devices and scans. Opening it folds a WAL left by a
 * crash into the file, as any start of Parc would.
 * @returns `ok` with the facts, or the problems found (damaged, not Parc, newer schema).
 * @throws InputError when there is no file at `dbPath`.
 */
export function checkDatabase(dbPath: string): DatabaseCheck {
  const path = resolve(dbPath);
  if (!statSync(path, { throwIfNoEntry: false })?.isFile())
    throw new InputError(`No Parc database at ${path}.`);
  let db: Db | undefined;
  try {
    db = new Database(path, { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return { ok: true, problems: [], ...inspectConnection(db, path) };
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [problem], facts: null };
  } finally {
    db?.close();
  }
}

/** How often the app looks whether today's backup is written, milliseconds. */
const DAILY_CHECK_MS = 3_600_000;

/**
 * Keeps the daily backup of `dbPath` while the app runs: now, then every hour (one per day).
 * Each backup reads through its own read-only connection, so closing the engine never cuts one.
 * @returns stops the timer (a backup in progress finishes on its own connection).
 */
export function startDailyBackups(
  dbPath: string,
  report: (outcome: DailyBackupOutcome) => void,
  now: () => Date = () => new Date(),
): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    let source: Db | null = null;
    try {
      source = new Database(dbPath, { readonly: true, fileMustExist: true });
      report(await dailyBackup(source, backupFolderFor(dbPath), now()));
    } catch (error) {
      report({ status: 'failed', reason: backupFailureReason(error), message: String(error) });
    } finally {
      source?.close();
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), DAILY_CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
