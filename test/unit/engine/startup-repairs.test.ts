import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine';

const NOW = '2026-11-29T08:15:00.000Z';

describe('what Parc repairs when it starts', () => {
  it('the app keeps a damaged database aside, starts a new one and says so; the CLI refuses it', () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'parc-damaged-')), 'parc.db');
    writeFileSync(dbPath, 'this is not a database, it is a text file that replaced it'.repeat(100));
    expect(() => createEngine({ dbPath })).toThrow(/Cannot open the database/);

    const engine = createEngine({ dbPath, setAsideDamagedDatabase: true, now: () => NOW });
    const keptAs = `${dbPath}.damaged-2026-11-29T08-15-00Z`;
    expect(engine.notices()).toEqual([{ code: 'database-set-aside', keptAs, fields: [] }]);
    expect(engine.inventory.list()).toEqual([]);
    engine.close();
    expect(readFileSync(keptAs, 'utf8')).toMatch(/^this is not a database/);
  });

  it('damaged settings are kept aside, valid fields kept, the others reset, and said', () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'parc-settings-')), 'parc.db');
    createEngine({ dbPath }).close();
    const raw = new Database(dbPath);
    const record = JSON.stringify({ language: 'en', timeoutMs: 'fast', uai: '0750655F' });
    raw.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('settings', ?)").run(record);
    raw.close();

    const engine = createEngine({ dbPath, now: () => NOW });
    expect(engine.notices()).toEqual([
      {
        code: 'settings-repaired',
        keptAs: 'settings.damaged.2026-11-29T08-15-00Z',
        fields: ['timeoutMs', 'uai'],
      },
    ]);
    expect(engine.settings.get()).toMatchObject({ language: 'en', timeoutMs: 1000, uai: null });
    engine.close();
    const again = createEngine({ dbPath, now: () => NOW });
    expect(again.notices()).toEqual([]);
    again.close();
    const kept = new Database(dbPath, { readonly: true });
    expect(
      kept.prepare("SELECT value FROM meta WHERE key = 'settings.damaged.2026-11-29T08-15-00Z'").get(),
    ).toEqual({ value: record });
    kept.close();
    expect(existsSync(dbPath)).toBe(true);
  });

  it('a record that is not JSON at all is reset whole', () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'parc-settings-')), 'parc.db');
    createEngine({ dbPath }).close();
    const raw = new Database(dbPath);
    raw.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('settings', '{not json')").run();
    raw.close();
    const engine = createEngine({ dbPath, now: () => NOW });
    expect(engine.notices()[0]).toMatchObject({ code: 'settings-repaired', fields: ['(record)'] });
    engine.close();
  });
});
