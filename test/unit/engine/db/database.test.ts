import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../../../electron/engine/db/database';
import { MIGRATIONS } from '../../../../electron/engine/db/migrations';

describe('openDatabase', () => {
  it('creates the folder, uses WAL and records the schema version', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'parc-db-')), 'sub', 'parc.db');
    const db = openDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    db.close();
  });

  it('refuses a database written by a newer Parc', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'parc-db-')), 'parc.db');
    openDatabase(path).close();
    const newer = openDatabase(path);
    newer.pragma('user_version = 99');
    newer.close();
    expect(() => openDatabase(path)).toThrow('newer Parc');
  });

  it('refuses a file that is not a database', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'parc-db-')), 'parc.db');
    writeFileSync(path, 'this is not sqlite, just text that is long enough to have a header page...');
    expect(() => openDatabase(path)).toThrow();
  });
});

describe('migration 0001-initial', () => {
  it('creates the tables of the inventory', () => {
    const db = openDatabase(':memory:', []);
    migrate(db, MIGRATIONS.slice(0, 1));
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((t) => t.name);
    expect(tables).toEqual(['credentials', 'devices', 'meta', 'scans', 'settings']);
    db.close();
  });
});
