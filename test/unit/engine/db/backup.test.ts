/**
 * Backups and restore of the database (issue 9): an online backup of a database in use, the
 * restore round trip keeping the replaced database aside, refusals (not SQLite, damaged, not
 * Parc, newer, in use), one daily backup per day with pruning, failures as outcomes, and the
 * `parc db` commands on their own program.
 */
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Command, CommanderError, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerDbCommands } from '../../../../electron/cli/db-commands';
import {
  backupDatabase,
  BackupError,
  backupFailureReason,
  backupFolderFor,
  checkDatabase,
  dailyBackup,
  dailyBackupName,
  inspectBackup,
  restoreDatabase,
} from '../../../../electron/engine/db/backup';
import { openDatabase, type Db } from '../../../../electron/engine/db/database';
import { MIGRATIONS } from '../../../../electron/engine/db/migrations';
import { InputError } from '../../../../electron/engine/errors';
import { DEVICES, insertDevices, seedInventory } from '../../export/seed';

const LATEST = MIGRATIONS.at(-1)?.version;
const NOW = '2026-03-02T08:15:00.000Z';

const tempDir = () => mkdtempSync(join(tmpdir(), 'parc-backup-'));

/** A database file with the small inventory (7 devices), closed. */
function seeded(dir = tempDir()) {
  const dbPath = join(dir, 'parc.db');
  seedInventory(dbPath);
  return { dir, dbPath };
}

/** The sysNames of the devices in a database file, read without migrating it. */
function namesIn(path: string): string[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[], { sys_name: string }>('SELECT sys_name FROM devices ORDER BY id')
      .all()
      .map((r) => r.sys_name);
  } finally {
    db.close();
  }
}

const SEEDED_NAMES = DEVICES.map((d) => d.sysName);
const modeOf = (path: string) => statSync(path).mode & 0o777;
/** A local-noon date: the same calendar day in every time zone the tests may run in. */
const day = (d: number) => new Date(2026, 2, d, 12, 0, 0);

describe('backupDatabase', () => {
  it('copies a database in use, WAL included, as one private file', async () => {
    const { dir, dbPath } = seeded();
    const live = openDatabase(dbPath);
    // Committed in the WAL only (no checkpoint yet), and a write transaction left open by another connection.
    live.pragma('wal_autocheckpoint = 0');
    insertDevices(live, [{ id: 100, ip: '10.9.9.9', type: 'switch', sysName: 'SW-WAL' }]);
    const writer = new Database(dbPath);
    writer.exec('BEGIN IMMEDIATE');
    writer.prepare("UPDATE devices SET sys_name = 'UNCOMMITTED' WHERE id = 1").run();
    expect(statSync(`${dbPath}-wal`).size).toBeGreaterThan(0);

    const dest = join(dir, 'copy.db');
    const written = await backupDatabase(live, dest);
    writer.exec('ROLLBACK');
    writer.close();
    live.close();

    expect(written).toEqual({ path: dest, bytes: statSync(dest).size });
    expect(written.bytes).toBeGreaterThan(4096);
    expect(modeOf(dest)).toBe(0o600);
    expect(namesIn(dest)).toEqual([...SEEDED_NAMES, 'SW-WAL']);
    // One file: rollback-journal mode (header byte 18 = 1), nothing beside it, no temporary file left.
    expect(readFileSync(dest)[18]).toBe(1);
    expect(readdirSync(dir).filter((f) => f.startsWith('copy') || f.startsWith('.'))).toEqual(['copy.db']);
  });

  it('fails with a reason, leaving nothing, when the destination cannot be written', async () => {
    const { dir, dbPath } = seeded();
    const db = openDatabase(dbPath);
    // A folder expected where a file is: the write fails as on a missing or broken disk.
    const underAFile = join(dbPath, 'copy.db');
    const failure = await backupDatabase(db, underAFile).catch((e: unknown) => e);
    db.close();
    expect(failure).toBeInstanceOf(BackupError);
    expect(failure).toMatchObject({ reason: 'no-folder' });
    expect((failure as Error).message).toBe(
      `Cannot write the backup ${underAFile}: the folder does not exist or is not a folder.`,
    );
    expect(readdirSync(dir).sort()).toEqual(['parc.db']);
  });
});

describe('backupFailureReason', () => {
  it.each([
    [new Database.SqliteError('database or disk is full', 'SQLITE_FULL'), 'disk-full'],
    [Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }), 'disk-full'],
    [new Error('wrapped', { cause: Object.assign(new Error('x'), { code: 'EDQUOT' }) }), 'disk-full'],
    [Object.assign(new Error('read-only file system'), { code: 'EROFS' }), 'read-only'],
    [
      new Database.SqliteError('attempt to write a readonly database', 'SQLITE_READONLY_DBMOVED'),
      'read-only',
    ],
    [Object.assign(new Error('permission denied'), { code: 'EACCES' }), 'permission-denied'],
    [Object.assign(new Error('not a directory'), { code: 'ENOTDIR' }), 'no-folder'],
    [new Error('something else'), 'failed'],
  ])('%s → %s', (error, reason) => {
    expect(backupFailureReason(error)).toBe(reason);
  });
});

describe('dailyBackup', () => {
  it('writes one backup per calendar day beside the database, in a private folder', async () => {
    const { dir, dbPath } = seeded();
    const db = openDatabase(dbPath);
    const folder = backupFolderFor(dbPath);
    expect(folder).toBe(join(dir, 'backups'));

    const first = await dailyBackup(db, undefined, day(2));
    const path = join(folder, 'parc-2026-03-02.db');
    expect(first).toEqual({ status: 'written', path, bytes: statSync(path).size, pruned: [] });
    expect(modeOf(folder)).toBe(0o700);
    expect(modeOf(path)).toBe(0o600);

    insertDevices(db, [{ id: 200, ip: '10.9.9.1', type: 'printer', sysName: 'LATER-SAME-DAY' }]);
    const again = await dailyBackup(db, undefined, new Date(2026, 2, 2, 23, 59));
    expect(again).toEqual({ status: 'skipped', reason: 'already-today', path, pruned: [] });
    expect(namesIn(path)).toEqual(SEEDED_NAMES);

    const next = await dailyBackup(db, undefined, new Date(2026, 2, 3, 0, 1));
    expect(next).toMatchObject({ status: 'written', path: join(folder, 'parc-2026-03-03.db') });
    expect(namesIn(join(folder, 'parc-2026-03-03.db'))).toEqual([...SEEDED_NAMES, 'LATER-SAME-DAY']);
    db.close();
  });

  it('keeps the newest `keep` backups and removes stale temporary files', async () => {
    const { dir } = seeded();
    const db = openDatabase(join(dir, 'parc.db'));
    const folder = join(dir, 'elsewhere');
    const outcomes = [];
    for (const d of [1, 2, 3, 4, 5]) outcomes.push(await dailyBackup(db, folder, day(d), 3));
    db.close();
    expect(outcomes.map((o) => o.status)).toEqual(['written', 'written', 'written', 'written', 'written']);
    expect(outcomes[3]).toMatchObject({ pruned: [join(folder, 'parc-2026-03-01.db')] });
    expect(outcomes[4]).toMatchObject({ pruned: [join(folder, 'parc-2026-03-02.db')] });
    expect(readdirSync(folder).sort()).toEqual([
      'parc-2026-03-03.db',
      'parc-2026-03-04.db',
      'parc-2026-03-05.db',
    ]);
    expect(dailyBackupName(day(5))).toBe('parc-2026-03-05.db');
  });

  it('never throws: a folder that cannot be made gives an outcome with its reason', async () => {
    const { dbPath } = seeded();
    const db = openDatabase(dbPath);
    // As on a disk that refuses writes: the backup folder would be under a file.
    const outcome = await dailyBackup(db, join(dbPath, 'backups'), day(2));
    expect(outcome).toEqual({
      status: 'failed',
      reason: 'no-folder',
      message: `Cannot write the backup in ${join(dbPath, 'backups')}: the folder does not exist or is not a folder.`,
    });
    // The database is untouched and still usable.
    expect(db.prepare('SELECT COUNT(*) AS n FROM devices').get()).toEqual({ n: DEVICES.length });
    db.close();
    const memory = openDatabase(':memory:');
    expect(await dailyBackup(memory, undefined, day(2))).toMatchObject({
      status: 'failed',
      reason: 'in-memory',
    });
    memory.close();
  });
});

describe('restoreDatabase', () => {
  it('puts the backup back and keeps the replaced database aside, WAL folded in', async () => {
    const { dir, dbPath } = seeded();
    let db: Db = openDatabase(dbPath);
    const backup = (await backupDatabase(db, join(dir, 'saved.db'))).path;
    db.prepare('DELETE FROM devices WHERE id > 2').run();
    insertDevices(db, [{ id: 300, ip: '10.9.9.3', type: 'ups', sysName: 'AFTER-BACKUP' }]);
    db.close();

    const outcome = restoreDatabase(backup, dbPath, NOW);
    const aside = `${dbPath}.before-restore-2026-03-02T08-15-00Z`;
    expect(outcome).toEqual({
      dbPath,
      restoredFrom: backup,
      keptAside: aside,
      facts: { userVersion: LATEST, latestVersion: LATEST, devices: DEVICES.length, scans: 0 },
    });
    expect(namesIn(dbPath)).toEqual(SEEDED_NAMES);
    expect(namesIn(aside)).toEqual(['IMP-B12', 'SW-CDI', 'AFTER-BACKUP']);
    expect(modeOf(dbPath)).toBe(0o600);
    expect(modeOf(aside)).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['parc.db', aside.slice(dir.length + 1), 'saved.db']);
    // The backup file itself was not touched (no side files), and Parc opens the restored database.
    expect(existsSync(`${backup}-wal`)).toBe(false);
    db = openDatabase(dbPath);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('keeps aside a database left with a WAL by a killed process, its last rows included', async () => {
    const dir = tempDir();
    const { dbPath: livePath } = seeded(dir);
    const backup = join(dir, 'saved.db');
    const live = openDatabase(livePath);
    await backupDatabase(live, backup);
    live.pragma('wal_autocheckpoint = 0');
    insertDevices(live, [{ id: 400, ip: '10.9.9.4', type: 'computer', sysName: 'ONLY-IN-WAL' }]);
    // What a SIGKILL leaves: the file and its WAL, never checkpointed.
    const crashed = join(tempDir(), 'parc.db');
    for (const suffix of ['', '-wal']) copyFileSync(livePath + suffix, crashed + suffix);
    live.close();

    const outcome = restoreDatabase(backup, crashed, NOW);
    expect(existsSync(`${crashed}-wal`)).toBe(false);
    expect(existsSync(`${outcome.keptAside}-wal`)).toBe(false);
    expect(namesIn(outcome.keptAside as string)).toEqual([...SEEDED_NAMES, 'ONLY-IN-WAL']);
    expect(namesIn(crashed)).toEqual(SEEDED_NAMES);
  });

  it('restores onto a missing database (a new PC) and names nothing kept aside', async () => {
    const { dir, dbPath } = seeded();
    const target = join(dir, 'new', 'parc.db');
    expect(restoreDatabase(dbPath, target, NOW)).toMatchObject({ keptAside: null, dbPath: target });
    expect(namesIn(target)).toEqual(SEEDED_NAMES);
  });

  describe('refuses, changing nothing,', () => {
    /** A seeded database and a candidate backup; checks the database is unchanged after the refusal. */
    const refuse = (write: (path: string) => void, message: RegExp) => {
      const { dir, dbPath } = seeded();
      const candidate = join(dir, 'candidate.db');
      write(candidate);
      const before = readdirSync(dir).sort();
      expect(() => restoreDatabase(candidate, dbPath, NOW)).toThrow(InputError);
      expect(() => restoreDatabase(candidate, dbPath, NOW)).toThrow(message);
      expect(() => inspectBackup(candidate)).toThrow(message);
      expect(readdirSync(dir).sort()).toEqual(before);
      expect(namesIn(dbPath)).toEqual(SEEDED_NAMES);
    };

    it('a file that is not a database', () => {
      refuse(
        (p) => writeFileSync(p, 'Inventaire du lycée\n'.repeat(300)),
        /candidate\.db is not a SQLite database\./,
      );
    });

    it('a damaged database', () => {
      refuse((p) => {
        seedInventory(p);
        const bytes = readFileSync(p);
        // Overwrite every page after the first (schema) with garbage.
        bytes.fill(0x5a, 4096);
        writeFileSync(p, bytes);
      }, /candidate\.db is damaged/);
    });

    it('a database written by a newer Parc', () => {
      refuse(
        (p) => {
          seedInventory(p);
          const db = new Database(p);
          db.pragma('user_version = 99');
          db.close();
        },
        new RegExp(`newer Parc \\(schema 99, this one knows ${LATEST}\\)`),
      );
    });

    it('a SQLite database that is not Parc', () => {
      refuse((p) => {
        const db = new Database(p);
        db.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY)');
        db.close();
      }, /is a SQLite database, but not a Parc database/);
    });

    it('a missing file', () => {
      refuse(() => undefined, /^No backup file at .*candidate\.db\.$/);
    });
  });

  it('refuses while another process has the database open', async () => {
    const { dir, dbPath } = seeded();
    const backup = join(dir, 'saved.db');
    const app = openDatabase(dbPath);
    await backupDatabase(app, backup);
    expect(() => restoreDatabase(backup, dbPath, NOW)).toThrow(/is in use/);
    app.prepare("UPDATE devices SET room = 'still-here' WHERE id = 1").run();
    app.close();
    expect(readdirSync(dir).filter((f) => f.includes('before-restore'))).toEqual([]);
  });
});

describe('checkDatabase', () => {
  it('reports integrity, schema and counts of a Parc database', () => {
    const { dbPath } = seeded();
    expect(checkDatabase(dbPath)).toEqual({
      ok: true,
      problems: [],
      userVersion: LATEST,
      latestVersion: LATEST,
      devices: DEVICES.length,
      scans: 0,
    });
  });

  it('reports a damaged file as a problem', () => {
    const { dbPath } = seeded();
    const bytes = readFileSync(dbPath);
    bytes.fill(0x5a, 4096);
    writeFileSync(dbPath, bytes);
    expect(checkDatabase(dbPath)).toMatchObject({
      ok: false,
      facts: null,
      problems: [expect.stringMatching(/is damaged/)],
    });
  });
});

describe('parc db', () => {
  /** Runs `parc db …` on a program with only these commands; exit status as run.ts gives it. */
  async function db(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const program = new Command('parc').exitOverride().configureOutput({
      writeOut: (t) => out.push(t),
      writeErr: (t) => err.push(t),
    });
    registerDbCommands(program, {
      io: { stdout: (t) => out.push(t), stderr: (t) => err.push(t) },
      dbOption: () => new Option('--db <file>', 'database file'),
      now: () => day(2),
    });
    let status = 0;
    try {
      await program.parseAsync(['db', ...args], { from: 'user' });
    } catch (error) {
      status =
        error instanceof CommanderError
          ? error.exitCode === 0
            ? 0
            : 2
          : error instanceof InputError
            ? 2
            : 1;
      err.push(`parc: ${(error as Error).message}\n`);
    }
    return { status, stdout: out.join(''), stderr: err.join('') };
  }

  it('backup writes today’s backup beside the database; --out refuses an existing file', async () => {
    const { dir, dbPath } = seeded();
    const result = await db(['backup', '--db', dbPath]);
    const path = join(dir, 'backups', 'parc-2026-03-02.db');
    expect(result).toMatchObject({ status: 0, stdout: '' });
    expect(result.stderr).toMatch(new RegExp(`^db backup: ${dbPath} copied to ${path} \\(\\d+ kB\\)\\n$`));
    expect(namesIn(path)).toEqual(SEEDED_NAMES);
    expect(await db(['backup', '--db', dbPath, '--out', path])).toMatchObject({
      status: 2,
      stderr: `parc: ${path} already exists: choose another file.\n`,
    });
  });

  it('restore without --yes says what it would do and exits 2; with --yes it restores', async () => {
    const { dir, dbPath } = seeded();
    const saved = join(dir, 'saved.db');
    await db(['backup', '--db', dbPath, '--out', saved]);
    const live = openDatabase(dbPath);
    live.prepare('DELETE FROM devices').run();
    live.close();

    const dry = await db(['restore', saved, '--db', dbPath]);
    expect(dry.status).toBe(2);
    expect(dry.stdout).toBe(
      `db restore: ${saved} is a whole Parc database (7 devices, 0 scans, schema ${LATEST}).\n` +
        `It would replace ${dbPath}, kept aside as ${dbPath}.before-restore-<date>.\n`,
    );
    expect(dry.stderr).toBe(
      'parc: Nothing was changed: add --yes to restore (close the Parc window first).\n',
    );
    expect(namesIn(dbPath)).toEqual([]);

    const done = await db(['restore', saved, '--db', dbPath, '--yes']);
    expect(done.status).toBe(0);
    expect(done.stderr).toContain('the previous database is kept as');
    expect(namesIn(dbPath)).toEqual(SEEDED_NAMES);
    expect(await db(['restore', join(dir, 'nope.db'), '--db', dbPath, '--yes'])).toMatchObject({ status: 2 });
  });

  it('check prints integrity and counts, and fails (1) on a damaged database', async () => {
    const { dbPath } = seeded();
    expect(await db(['check', '--db', dbPath])).toEqual({
      status: 0,
      stdout: `integrity: ok\nschema: ${LATEST} (this Parc: ${LATEST})\ndevices: 7\nscans: 0\n`,
      stderr: '',
    });
    const bytes = readFileSync(dbPath);
    bytes.fill(0x5a, 4096);
    writeFileSync(dbPath, bytes);
    const damaged = await db(['check', '--db', dbPath]);
    expect(damaged.status).toBe(1);
    expect(damaged.stdout).toMatch(/^integrity: failed\n {2}problem: .*is damaged/);
  });
});
