/**
 * The SQLite database (better-sqlite3): opened in WAL mode with foreign keys on, migrated to
 * the latest schema. All SQL lives in `repositories/`.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the database at `path` (`:memory:` for tests) and migrates it.
 * @throws Error when the file is not a database or is newer than this version of Parc.
 */
export function openDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  if (path !== ':memory:') createPrivately(path);
  let db: Db | undefined;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Deleted or replaced content (a secret before it was sealed) is overwritten, not left in free pages.
    db.pragma('secure_delete = ON');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db?.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot open the database ${path}: ${reason}`, { cause: error });
  }
}

/** SQLite's answers for a file that is damaged or is not a database at all. */
const DAMAGED = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

/**
 * Opens the database like `openDatabase`; when the file is damaged or not a database, keeps it
 * aside as `<path>.damaged-<stamp>` (with its -wal and -shm) and starts a new one (the desktop
 * app: it must start, and say so; the CLI keeps refusing).
 * @param stamp a file-name-safe time, e.g. `2026-11-29T08-15-00Z`.
 * @returns the database, and where the damaged file went (null when nothing was wrong).
 */
export function openDatabaseOrSetAside(path: string, stamp: string): { db: Db; setAsideAs: string | null } {
  try {
    return { db: openDatabase(path), setAsideAs: null };
  } catch (error) {
    const code = ((error as Error).cause as { code?: string } | undefined)?.code;
    if (path === ':memory:' || !code || !DAMAGED.has(code)) throw error;
    const keptAs = `${path}.damaged-${stamp}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(path + suffix)) renameSync(path + suffix, keptAs + suffix);
    }
    return { db: openDatabase(path), setAsideAs: keptAs };
  }
}

/**
 * Creates the folder (0700) and an empty database file (0600) when missing: the database holds
 * the SNMP credentials, so only its owner may read it (SQLite gives the WAL the same mode).
 */
function createPrivately(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  // A database made by an older version, or copied in, is made private too (POSIX modes only).
  else if (process.platform !== 'win32') chmodSync(path, 0o600);
}

/** Applies the migrations newer than `PRAGMA user_version`, each in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(
      `This database was written by a newer Parc (schema ${current}, this one knows ${latest}).`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.up);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
