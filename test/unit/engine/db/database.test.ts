import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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
    // It holds credentials: only its owner may read it.
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
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
    expect(() => openDatabase(path)).toThrow(`Cannot open the database ${path}`);
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

describe('migration 0002-printers', () => {
  it('adds the printer readings, supply samples and replacements, removed with their device', () => {
    const db = openDatabase(':memory:');
    db.prepare(
      "INSERT INTO devices (id, identity, ip, type, first_seen, last_seen) VALUES (1, 'mac:x', '10.0.0.1', 'printer', 't', 't')",
    ).run();
    db.prepare("INSERT INTO printer_readings (device_id, read_at, reading) VALUES (1, 't', '{}')").run();
    db.prepare(
      "INSERT INTO supply_samples (device_id, supply_key, read_at, percent) VALUES (1, '1.1', 't', 50)",
    ).run();
    db.prepare(
      "INSERT INTO supply_replacements (device_id, supply_key, replaced_at, source) VALUES (1, '1.1', 't', 'manual')",
    ).run();
    db.prepare('DELETE FROM devices WHERE id = 1').run();
    const count = (table: string) =>
      (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect([count('printer_readings'), count('supply_samples'), count('supply_replacements')]).toEqual([
      0, 0, 0,
    ]);
    db.close();
  });
});

describe('migration 0003-printer-incidents', () => {
  it('keeps one open incident per condition until it clears', async () => {
    const { createPrintersRepo } = await import('../../../../electron/engine/db/repositories/printers-repo');
    const db = openDatabase(':memory:');
    db.prepare(
      "INSERT INTO devices (id, identity, ip, type, first_seen, last_seen) VALUES (1, 'mac:x', '10.0.0.1', 'printer', 't', 't')",
    ).run();
    const repo = createPrintersRepo(db);
    repo.syncIncidents(1, new Set(['supply-empty:1.1', 'printer-error:jammed']), 't1');
    repo.syncIncidents(1, new Set(['supply-empty:1.1', 'printer-error:jammed']), 't2');
    repo.syncIncidents(1, new Set(['supply-empty:1.1']), 't3');
    expect([...repo.openIncidents(1)]).toEqual([['supply-empty:1.1', 't1']]);
    const rows = db
      .prepare('SELECT incident_key, opened_at, closed_at FROM printer_incidents ORDER BY id')
      .all();
    expect(rows).toEqual([
      { incident_key: 'supply-empty:1.1', opened_at: 't1', closed_at: null },
      { incident_key: 'printer-error:jammed', opened_at: 't1', closed_at: 't3' },
    ]);
    db.close();
  });
});

describe('migration 0005-scan-heartbeat', () => {
  it('lets a starting process close only the scans whose heartbeat stopped', async () => {
    const { createScansRepo } = await import('../../../../electron/engine/db/repositories/scans-repo');
    const scans = createScansRepo(openDatabase(':memory:'));
    const crashed = scans.create(['10.0.0.0/24'], 254, '2026-11-29T08:00:00.000Z');
    const alive = scans.create(['10.0.1.0/24'], 254, '2026-11-29T08:00:00.000Z');
    scans.heartbeat(alive, '2026-11-29T09:59:00.000Z');
    expect(scans.closeInterrupted('2026-11-29T09:58:00.000Z', '2026-11-29T10:00:00.000Z')).toBe(1);
    expect(scans.get(crashed)?.status).toBe('failed');
    expect(scans.get(alive)?.status).toBe('running');
  });
});
