import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../../electron/engine/db/database';
import { MIGRATIONS } from '../../../electron/engine/db/migrations';

describe('migration 0010 (servers)', () => {
  const migrated = () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 9),
    );
    // A device from before, then the new schema.
    db.prepare(
      "INSERT INTO devices (identity, ip, type, first_seen, last_seen) VALUES ('name:scribe@127.0.0.50', '127.0.0.50', 'server', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')",
    ).run();
    migrate(db, MIGRATIONS);
    db.prepare(
      `INSERT INTO servers (device_id, name, address, snmp, snmp_port, smb_port, local, services, created_at)
       VALUES (1, 'scribe', '127.0.0.50', 1, 161, 445, 0, '["smbd"]', '2026-11-01T00:00:00Z')`,
    ).run();
    return db;
  };
  const openAlert = (db: Database.Database, subject = '/srv') =>
    db
      .prepare(
        `INSERT INTO server_alerts (server_id, code, subject, severity, started_at, last_at)
         VALUES (1, 'volume-warning', ?, 'warning', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')`,
      )
      .run(subject);

  it('applies on a version 9 database', () => {
    const db = migrated();
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'server%' ORDER BY name")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables).toEqual([
      'server_alerts',
      'server_daily',
      'server_hourly',
      'server_points',
      'server_samples',
      'servers',
    ]);
  });

  it('allows one open alert per condition and subject, any number of closed ones', () => {
    const db = migrated();
    openAlert(db);
    expect(() => openAlert(db)).toThrow(/UNIQUE/);
    openAlert(db, '/home');
    db.prepare("UPDATE server_alerts SET ended_at = '2026-11-02T00:00:00Z' WHERE subject = '/srv'").run();
    openAlert(db);
    expect(db.prepare('SELECT COUNT(*) AS n FROM server_alerts').get()).toEqual({ n: 3 });
  });

  it('forgets a removed server’s history and keeps a server whose device is deleted', () => {
    const db = migrated();
    openAlert(db);
    db.prepare(
      "INSERT INTO server_samples (server_id, at, sample) VALUES (1, '2026-11-01T00:00:00Z', '{}')",
    ).run();
    db.prepare('DELETE FROM devices WHERE id = 1').run();
    expect(db.prepare('SELECT device_id FROM servers').get()).toEqual({ device_id: null });
    db.prepare('DELETE FROM servers').run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM server_alerts').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM server_samples').get()).toEqual({ n: 0 });
  });
});
