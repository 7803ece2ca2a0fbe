import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/engine/db/database';
import { createSettingsRepo } from '../../../../electron/engine/db/repositories/settings-repo';

describe('settings repository', () => {
  it('starts from defaults and merges patches', () => {
    const repo = createSettingsRepo(openDatabase(':memory:'));
    expect(repo.get()).toEqual({
      language: 'fr',
      targets: [],
      timeoutMs: 1000,
      retries: 1,
      concurrency: 256,
      port: 161,
      printerLowPercent: 10,
      orderWithinDays: 14,
      uai: null,
      schoolName: null,
      town: null,
      hubUrl: null,
      glpiUrl: null,
      hubCaFile: null,
      proxyUrl: null,
      reportTime: '07:30',
      serverVolumeWarning: 85,
      serverVolumeCritical: 95,
      serverPollMinutes: 5,
    });
    expect(repo.set({ language: 'en', targets: ['10.0.0.0/24'] })).toMatchObject({
      language: 'en',
      retries: 1,
    });
    expect(repo.get().targets).toEqual(['10.0.0.0/24']);
  });

  it('normalises a UAI and refuses one with a wrong check letter', () => {
    const repo = createSettingsRepo(openDatabase(':memory:'));
    expect(repo.set({ uai: '0750655e' }).uai).toBe('0750655E');
    expect(() => repo.set({ uai: '0750655F' })).toThrow();
    expect(repo.get().uai).toBe('0750655E');
  });

  it('keeps the valid fields of a partly corrupt record and defaults the rest', () => {
    const db = openDatabase(':memory:');
    db.prepare("INSERT INTO settings (key, value) VALUES ('settings', ?)").run(
      JSON.stringify({ language: 'klingon', timeoutMs: 2500, retries: -4 }),
    );
    expect(createSettingsRepo(db).get()).toMatchObject({ language: 'fr', timeoutMs: 2500, retries: 1 });
  });

  it('falls back to defaults when the record is not JSON', () => {
    const db = openDatabase(':memory:');
    db.prepare("INSERT INTO settings (key, value) VALUES ('settings', '{oops')").run();
    expect(createSettingsRepo(db).get().language).toBe('fr');
  });
});

describe('addresses of the hub, GLPI and the proxy', () => {
  it('are refused when saved if sending would refuse them, or if they hold a login', () => {
    const repo = createSettingsRepo(openDatabase(':memory:'));
    expect(repo.set({ hubUrl: 'https://hub.region.example/api/reports' }).hubUrl).toBe(
      'https://hub.region.example/api/reports',
    );
    expect(repo.set({ hubUrl: 'http://127.0.0.1:8787/api/reports' }).hubUrl).toBe(
      'http://127.0.0.1:8787/api/reports',
    );
    expect(() => repo.set({ hubUrl: 'http://hub.example.org/api/reports' })).toThrow(/https address/);
    expect(() => repo.set({ glpiUrl: 'http://glpi.lycee.local/' })).toThrow(/https address/);
    expect(() => repo.set({ hubUrl: 'https://user:pass@hub.example.org/' })).toThrow(/user name or password/);
    expect(() => repo.set({ proxyUrl: 'http://eleve:MotDePasse@proxy:3128' })).toThrow(
      /user name or password/,
    );
    expect(repo.set({ proxyUrl: 'http://proxy.region.example:3128' }).proxyUrl).toBe(
      'http://proxy.region.example:3128',
    );
  });
});
