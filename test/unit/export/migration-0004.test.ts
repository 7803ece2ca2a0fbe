import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../../electron/engine/db/database';
import { MIGRATIONS } from '../../../electron/engine/db/migrations';

describe('migration 0004-asset-tag', () => {
  it('adds an empty asset_tag column to the devices already there', () => {
    const db = openDatabase(':memory:', []);
    migrate(db, MIGRATIONS.slice(0, 3));
    db.prepare(
      "INSERT INTO devices (id, identity, ip, type, first_seen, last_seen, room) VALUES (1, 'mac:x', '10.0.0.1', 'printer', 't', 't', 'B12')",
    ).run();
    migrate(db, MIGRATIONS.slice(0, 4));
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare('SELECT room, asset_tag FROM devices WHERE id = 1').get()).toEqual({
      room: 'B12',
      asset_tag: null,
    });
    db.close();
  });
});
