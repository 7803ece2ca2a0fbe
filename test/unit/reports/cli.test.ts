import { createGlpiConnector } from '../../../electron/engine/reports/glpi-connector';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerHubCommands } from '../../../electron/cli/hub-commands';
import { registerReportCommands } from '../../../electron/cli/report-commands';
import { registerSettingsCommands } from '../../../electron/cli/settings-commands';
import { openDatabase } from '../../../electron/engine/db/database';
import { createSettingsRepo } from '../../../electron/engine/db/repositories/settings-repo';
import { startHub } from '../../../electron/engine/hub';
import { silentLogger } from '../../../electron/engine/log';
import { createReportsService } from '../../../electron/engine/reports/service';
import { minimalReport, SECRET, TOKEN } from './fixtures';

/** A `parc` with only this command groups, on a temp database. */
function cli(env: NodeJS.ProcessEnv = {}, stdin = '') {
  const dir = mkdtempSync(join(tmpdir(), 'parc-cli-reports-'));
  const dbPath = join(dir, 'parc.db');
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), env };
  const openEngine = () => {
    const db = openDatabase(dbPath);
    const settings = createSettingsRepo(db);
    const reports = createReportsService({
      db,
      settings: () => settings.get(),
      now: () => new Date().toISOString(),
      logger: silentLogger,
      env: {},
      buildReport: () => minimalReport(),
    });
    const glpi = createGlpiConnector({
      db,
      settings: () => settings.get(),
      devices: () => ({ devices: [], printers: [] }),
      now: () => new Date().toISOString(),
      logger: silentLogger,
      version: '0.0.0',
    });
    return { settings, reports: { ...reports, glpi }, close: () => db.close() };
  };
  const dbOption = () => new Option('--db <file>');
  const run = async (argv: string[]) => {
    out.length = 0;
    err.length = 0;
    const program = new Command('parc')
      .exitOverride()
      .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
    registerReportCommands(program, { io, openEngine, dbOption });
    registerSettingsCommands(program, { io, openEngine, dbOption, readStdin: async () => stdin });
    registerHubCommands(program, { io });
    try {
      await program.parseAsync(argv, { from: 'user' });
      return 0;
    } catch (error) {
      err.push((error as Error).message);
      return 1;
    }
  };
  return { run, out, err, dir };
}

describe('parc settings', () => {
  it('sets and gets typed values through the Settings schema', async () => {
    const c = cli();
    expect(await c.run(['settings', 'set', 'uai', '0750655e'])).toBe(0);
    expect(c.out.join('')).toBe('uai = 0750655E\n');
    expect(await c.run(['settings', 'set', 'timeoutMs', '2500'])).toBe(0);
    expect(await c.run(['settings', 'get', 'timeoutMs'])).toBe(0);
    expect(c.out.join('')).toBe('2500\n');
    expect(await c.run(['settings', 'set', 'uai', '0750655A'])).toBe(1);
    expect(c.err.join('')).toContain('uai: not a valid UAI');
    expect(await c.run(['settings', 'set', 'reportTime', '25:00'])).toBe(1);
    expect(await c.run(['settings', 'set', 'hubUrl', 'null'])).toBe(0);
    expect(c.out.join('')).toBe('hubUrl = null\n');
  });

  it('reads a secret from stdin only, and never prints it', async () => {
    const c = cli({}, `${TOKEN}\n`);
    expect(await c.run(['settings', 'set', 'hubToken', TOKEN])).toBe(1);
    expect(c.err.join('')).toContain('is a secret: give "-"');
    expect(await c.run(['settings', 'get', 'hubToken'])).toBe(0);
    expect(c.out.join('')).toBe('not set\n');
    expect(await c.run(['settings', 'set', 'hubToken', '-'])).toBe(0);
    expect(await c.run(['settings', 'get'])).toBe(0);
    const all = c.out.join('');
    expect(all).toContain('hubToken = set\n');
    expect(all).toContain('hubSecret = not set\n');
    expect(all).not.toContain(TOKEN);
  });
});

describe('parc report and parc hub', () => {
  it('push --hub with the environment, outbox, then hub list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parc-cli-hub-'));
    const hubDb = join(dir, 'hub.db');
    const hub = await startHub({ port: 0, dbPath: hubDb, schools: [{ token: TOKEN, secret: SECRET }] });
    try {
      const c = cli({ PARC_HUB_TOKEN: TOKEN, PARC_HUB_SECRET: SECRET });
      expect(await c.run(['report', 'push'])).toBe(1);
      expect(c.err.join('')).toContain('No hub address');
      expect(await c.run(['report', 'push', '--hub', `${hub.url}/api/reports`])).toBe(0);
      expect(c.err.join('')).toMatch(/push: 1 sent, 0 rejected, 0 still pending/);
      expect(await c.run(['report', 'outbox', '--json'])).toBe(0);
      const { outbox } = JSON.parse(c.out.join('')) as { outbox: { id: string; status: string }[] };
      expect(outbox.map((i) => i.status)).toEqual(['sent']);
      expect(hub.list().map((r) => r.id)).toEqual([outbox[0].id]);

      const bare = cli();
      expect(await bare.run(['report', 'push', '--hub', `${hub.url}/api/reports`])).toBe(1);
      expect(bare.err.join('')).toContain(
        '--hub needs the token and secret in PARC_HUB_TOKEN and PARC_HUB_SECRET',
      );
    } finally {
      await hub.close();
    }
    const c = cli();
    expect(await c.run(['hub', 'list', '--db', hubDb])).toBe(0);
    expect(c.out.join('')).toMatch(/^\S+Z {2}0750655E {2}school-1 {2}[0-9a-f-]{36}\n$/);
  });
});

describe('parc report glpi', () => {
  it('says what to set when there is no GLPI address, and queues nothing', async () => {
    const c = cli();
    expect(await c.run(['report', 'glpi'])).toBe(1);
    expect(c.err.join('')).toContain('No GLPI address: set glpiUrl');
  });
});
