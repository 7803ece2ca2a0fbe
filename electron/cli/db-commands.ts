/**
 * `parc db backup|restore|check` (issue 9): a copy of the database taken while Parc runs, its
 * restore (checked first, the replaced database kept aside) and an integrity check. None of them
 * opens the engine, so no file is migrated, least of all the one being replaced.
 * Exit status: 0 done, 2 bad input or a restore not confirmed with `--yes`, 1 failure.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Command, Option } from 'commander';
import {
  backupDatabase,
  backupFolderFor,
  checkDatabase,
  dailyBackupName,
  inspectBackup,
  restoreDatabase,
  type DatabaseFacts,
} from '../engine/db/backup';
import { InputError } from '../engine/errors';
import { defaultDatabasePath } from '../engine/paths';
import type { CliIo } from './run';

/** What the commands need from run.ts. */
export interface DbCommandsContext {
  io: CliIo;
  dbOption: () => Option;
  /** "Now" for the backup's day and the kept-aside name (tests); default the clock. */
  now?: () => Date;
}

/** `--db` as an absolute path, else the user's database. */
const databasePath = (db?: string) => (db ? resolve(db) : defaultDatabasePath());

/** `N bytes` as people read it: `12.3 MB`, `456 kB`, `789 B` (SI units). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} kB`;
  return `${bytes} B`;
}

const describeFacts = (facts: DatabaseFacts) =>
  `${facts.devices} devices, ${facts.scans} scans, schema ${facts.userVersion}` +
  (facts.userVersion < facts.latestVersion ? ` (updated to ${facts.latestVersion} at the next start)` : '');

/** Adds `db backup`, `db restore` and `db check` to `program`. */
export function registerDbCommands(
  program: Command,
  { io, dbOption, now = () => new Date() }: DbCommandsContext,
): void {
  const db = program.command('db').description('back up, restore or check the Parc database');

  db.command('backup')
    .description('copy the database, even while Parc runs (default: backups/parc-YYYY-MM-DD.db beside it)')
    .option('--out <file>', 'backup file to write (refused if it exists)')
    .addOption(dbOption())
    .action(async (opts: { out?: string; db?: string }) => {
      const dbPath = databasePath(opts.db);
      if (!existsSync(dbPath)) throw new InputError(`No Parc database at ${dbPath}: check --db.`);
      let out: string;
      if (opts.out !== undefined) {
        out = resolve(opts.out);
        if (out === dbPath) throw new InputError('--out names the database itself: choose another file.');
        if (existsSync(out)) throw new InputError(`${out} already exists: choose another file.`);
        if (!existsSync(dirname(out))) throw new InputError(`The folder ${dirname(out)} does not exist.`);
      } else {
        const folder = backupFolderFor(dbPath);
        mkdirSync(folder, { recursive: true, mode: 0o700 });
        // Today's backup is replaced by this newer one.
        out = join(folder, dailyBackupName(now()));
      }
      const source = new Database(dbPath, { fileMustExist: true });
      try {
        source.pragma('busy_timeout = 5000');
        const { path, bytes } = await backupDatabase(source, out);
        io.stderr(`db backup: ${dbPath} copied to ${path} (${formatBytes(bytes)})\n`);
      } finally {
        source.close();
      }
    });

  db.command('restore')
    .description('replace the database with a backup (checked first; the current one is kept aside)')
    .argument('<file>', 'the backup to restore')
    .option('--yes', 'do it (without it, only say what would be done)')
    .addOption(dbOption())
    .action((file: string, opts: { yes?: boolean; db?: string }) => {
      const dbPath = databasePath(opts.db);
      if (!opts.yes) {
        const facts = inspectBackup(file, existsSync(dirname(dbPath)) ? dirname(dbPath) : undefined);
        io.stdout(
          `db restore: ${resolve(file)} is a whole Parc database (${describeFacts(facts)}).\n` +
            `It would replace ${dbPath}` +
            (existsSync(dbPath) ? `, kept aside as ${dbPath}.before-restore-<date>.\n` : '.\n'),
        );
        throw new InputError('Nothing was changed: add --yes to restore (close the Parc window first).');
      }
      const outcome = restoreDatabase(file, dbPath, now());
      io.stderr(
        `db restore: ${outcome.dbPath} now holds ${outcome.restoredFrom} (${describeFacts(outcome.facts)})\n` +
          (outcome.keptAside ? `  the previous database is kept as ${outcome.keptAside}\n` : ''),
      );
    });

  db.command('check')
    .description('check the database: integrity, schema version, devices and scans stored')
    .addOption(dbOption())
    .action((opts: { db?: string }) => {
      const dbPath = databasePath(opts.db);
      const check = checkDatabase(dbPath);
      if (check.ok) {
        io.stdout(
          `integrity: ok\nschema: ${check.userVersion} (this Parc: ${check.latestVersion})\n` +
            `devices: ${check.devices}\nscans: ${check.scans}\n`,
        );
        return;
      }
      io.stdout(`integrity: failed\n${check.problems.map((p) => `  problem: ${p}`).join('\n')}\n`);
      throw new Error(`${dbPath} failed its check: restore a backup (parc db restore FILE --yes).`);
    });
}
