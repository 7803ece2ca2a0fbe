/**
 * Issue 6's faults against the reference hub on 127.0.0.1: every report ends stored exactly
 * once, none lost; the token and the secret appear in no log, error or hub file.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/engine/db/database';
import { startHub, type ReferenceHub } from '../../electron/engine/hub';
import { createLogger } from '../../electron/engine/log';
import { createReportsService, type ReportsService } from '../../electron/engine/reports/service';
import { Settings, SETTINGS_DEFAULTS, type SettingsPatch } from '../../shared/domain/settings';
import { minimalReport, SECRET, TOKEN } from '../unit/reports/fixtures';

const T0 = Date.parse('2026-03-02T07:30:00.000Z');
const SIX_HOURS_AND_MORE = 7 * 3600_000;

interface World {
  dir: string;
  hub: ReferenceHub;
  hubDb: string;
  db: Db;
  reports: ReportsService;
  logs: string[];
  advance: (ms: number) => void;
  restartHub: (more?: { tls?: { cert: string; key: string } }) => Promise<ReferenceHub>;
  setSettings: (patch: SettingsPatch) => void;
}

const open: { close(): unknown }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

async function world(
  options: { tls?: { cert: string; key: string }; hubUrl?: (hub: ReferenceHub) => string } = {},
): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'parc-hub-'));
  const logs: string[] = [];
  const logger = createLogger((line) => logs.push(line), 'debug');
  const hubDb = join(dir, 'hub.db');
  let hub = await startHub({
    port: 0,
    dbPath: hubDb,
    schools: [{ name: 'lycee-test', token: TOKEN, secret: SECRET }],
    tls: options.tls,
    logger,
  });
  const hubRef = { close: () => hub.close() };
  open.push(hubRef);
  let clock = T0;
  let settings = Settings.parse({
    ...SETTINGS_DEFAULTS,
    hubUrl: options.hubUrl ? options.hubUrl(hub) : `${hub.url}/api/reports`,
  });
  const db = openDatabase(join(dir, 'parc.db'));
  open.push(db);
  const reports = createReportsService({
    db,
    settings: () => settings,
    now: () => new Date(clock).toISOString(),
    random: () => 0.5,
    logger,
    env: {},
    timeoutMs: 5000,
  });
  reports.secrets.set('hubToken', TOKEN);
  reports.secrets.set('hubSecret', SECRET);
  const w: World = {
    dir,
    hub,
    hubDb,
    db,
    reports,
    logs,
    advance: (ms) => {
      clock += ms;
    },
    restartHub: async (more = {}) => {
      hub = await startHub({
        port: w.hub.port,
        dbPath: hubDb,
        schools: [{ name: 'lycee-test', token: TOKEN, secret: SECRET }],
        logger,
        ...more,
      });
      w.hub = hub;
      return hub;
    },
    setSettings: (patch) => {
      settings = Settings.parse({ ...settings, ...patch });
    },
  };
  return w;
}

const enqueue = (w: World) => {
  const report = minimalReport();
  w.reports.enqueue({ id: report.id, body: report });
  return report;
};

describe('reference hub: faults that lose nothing and duplicate nothing', () => {
  it('stores a report once and answers 201 {id, receivedAt}', async () => {
    const w = await world();
    const report = enqueue(w);
    expect(await w.reports.flushDue()).toEqual({ sent: 1, rejected: 0, pending: 0 });
    const [stored] = w.hub.list();
    expect(stored).toMatchObject({ id: report.id, uai: '0750655E', school: 'lycee-test', body: report });
    const [item] = w.reports.outbox();
    expect(item).toMatchObject({ id: report.id, status: 'sent', attempts: 1, lastError: null });
    const answer = JSON.parse(
      w.db.prepare<[], { hub_answer: string }>('SELECT hub_answer FROM outbox').get()!.hub_answer,
    );
    expect(answer).toEqual({ id: report.id, receivedAt: stored.receivedAt });
  });

  it('hub down when the report is made, then back', async () => {
    const w = await world();
    await w.hub.close();
    const report = enqueue(w);
    expect(await w.reports.flushDue()).toEqual({ sent: 0, rejected: 0, pending: 1 });
    expect(w.reports.outbox()[0].lastError).toBe(
      `http://127.0.0.1:${w.hub.port}: the hub refused the connection (is it running? is the port right?) (ECONNREFUSED)`,
    );
    await w.restartHub();
    w.advance(SIX_HOURS_AND_MORE);
    expect(await w.reports.flushDue()).toEqual({ sent: 1, rejected: 0, pending: 0 });
    expect(w.hub.list().map((r) => r.id)).toEqual([report.id]);
  });

  it('500 twice then 200', async () => {
    const w = await world();
    w.hub.failNext(2, 500);
    const report = enqueue(w);
    await w.reports.flushDue();
    expect(w.reports.outbox()[0]).toMatchObject({ status: 'pending', attempts: 1 });
    w.advance(SIX_HOURS_AND_MORE);
    await w.reports.flushDue();
    expect(w.reports.outbox()[0]).toMatchObject({ status: 'pending', attempts: 2 });
    w.advance(SIX_HOURS_AND_MORE);
    expect(await w.reports.flushDue()).toEqual({ sent: 1, rejected: 0, pending: 0 });
    expect(w.reports.outbox()[0]).toMatchObject({ status: 'sent', attempts: 3 });
    expect(w.hub.list().map((r) => r.id)).toEqual([report.id]);
    expect(w.hub.requests()).toBe(3);
  });

  it('429 with Retry-After: not tried again before it', async () => {
    const w = await world();
    w.hub.failNext(1, 429, { 'Retry-After': '3600' });
    enqueue(w);
    await w.reports.flushDue();
    expect(w.reports.outbox()[0].nextAttemptAt).toBe(new Date(T0 + 3600_000).toISOString());
    w.advance(3599_000);
    expect(await w.reports.flushDue()).toEqual({ sent: 0, rejected: 0, pending: 1 });
    expect(w.hub.requests()).toBe(1);
    w.advance(1000);
    expect(await w.reports.flushDue()).toEqual({ sent: 1, rejected: 0, pending: 0 });
    expect(w.hub.list()).toHaveLength(1);
  });

  it('connection cut after the hub stored the report: resent, one copy, the first answer', async () => {
    const w = await world();
    w.hub.cutAfterStore(1);
    const report = enqueue(w);
    await w.reports.flushDue();
    expect(w.reports.outbox()[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect(w.reports.outbox()[0].lastError).toMatch(/cut before its answer|socket hang up/);
    expect(w.hub.list()).toHaveLength(1);
    const firstReceivedAt = w.hub.list()[0].receivedAt;
    w.advance(SIX_HOURS_AND_MORE);
    expect(await w.reports.flushDue()).toEqual({ sent: 1, rejected: 0, pending: 0 });
    expect(w.hub.list().map((r) => r.id)).toEqual([report.id]);
    const answer = w.db.prepare<[], { hub_answer: string }>('SELECT hub_answer FROM outbox').get()!
      .hub_answer;
    expect(JSON.parse(answer)).toEqual({ id: report.id, receivedAt: firstReceivedAt });
  });

  it('Parc killed (SIGKILL) during a push, then restarted: one copy', async () => {
    const w = await world();
    w.hub.delayAnswers(60_000);
    const id = randomUUID();
    const dbPath = join(w.dir, 'child.db');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        resolve(__dirname, '../unit/reports/push-child.ts'),
        dbPath,
        `${w.hub.url}/api/reports`,
        id,
      ],
      { cwd: resolve(__dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise<NodeJS.Signals | null>((done) =>
      child.on('exit', (_code, signal) => done(signal)),
    );
    for (let i = 0; i < 300 && w.hub.list().length === 0; i += 1) await new Promise((r) => setTimeout(r, 50));
    expect(w.hub.list().map((r) => r.id)).toEqual([id]);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    w.hub.delayAnswers(0);
    const db = openDatabase(dbPath);
    open.push(db);
    const restarted = createReportsService({
      db,
      settings: () => Settings.parse({ ...SETTINGS_DEFAULTS, hubUrl: `${w.hub.url}/api/reports` }),
      now: () => new Date().toISOString(),
      logger: createLogger(() => undefined),
      env: {},
    });
    expect(restarted.outbox()).toMatchObject([{ id, status: 'pending', attempts: 0 }]);
    expect(await restarted.flushDue()).toEqual({ sent: 1, rejected: 0, pending: 0 });
    expect(w.hub.list().map((r) => r.id)).toEqual([id]);
    expect(w.hub.requests()).toBe(2);
  });

  it('wrong token: rejected with the hub message, not retried', async () => {
    const w = await world();
    w.reports.secrets.set('hubToken', 'not-the-right-token');
    enqueue(w);
    expect(await w.reports.flushDue()).toEqual({ sent: 0, rejected: 1, pending: 0 });
    expect(w.reports.outbox()[0]).toMatchObject({
      status: 'rejected',
      lastError: 'HTTP 401: unknown or missing bearer token',
    });
    w.advance(SIX_HOURS_AND_MORE);
    await w.reports.flushDue();
    await w.reports.push();
    expect(w.hub.requests()).toBe(1);
    expect(w.hub.list()).toHaveLength(0);
  });

  it('bad signature → 403 rejected; invalid body → 400 with the first issues', async () => {
    const w = await world();
    w.reports.secrets.set('hubSecret', 'another-secret-value');
    enqueue(w);
    await w.reports.flushDue();
    expect(w.reports.outbox()[0].lastError).toBe('HTTP 403: bad or missing X-Parc-Signature');
    w.reports.secrets.set('hubSecret', SECRET);
    const bad = { ...minimalReport(), school: { uai: '0750655A', name: null, town: null } };
    w.reports.enqueue({ id: bad.id, body: bad });
    w.advance(1000);
    await w.reports.flushDue();
    const item = w.reports.outbox().find((i) => i.id === bad.id);
    expect(item?.status).toBe('rejected');
    expect(item?.lastError).toMatch(
      /^HTTP 400: not a valid Parc health report \[\{"path":"school.uai","message":"not a valid UAI/,
    );
    expect(w.hub.list()).toHaveLength(0);
  });

  it('TLS from an unknown CA: refused, kept pending; with hubCaFile: sent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parc-tls-'));
    const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    ssl(
      'req',
      '-x509',
      ...ec,
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '2',
      '-subj',
      '/CN=Parc Test CA',
    );
    ssl('req', ...ec, '-keyout', 'hub.key', '-out', 'hub.csr', '-subj', '/CN=127.0.0.1');
    writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n');
    ssl(
      'x509',
      '-req',
      '-in',
      'hub.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'hub.pem',
      '-days',
      '2',
      '-extfile',
      'ext.cnf',
    );
    const tls = {
      cert: readFileSync(join(dir, 'hub.pem'), 'utf8'),
      key: readFileSync(join(dir, 'hub.key'), 'utf8'),
    };

    const w = await world({ tls });
    expect(w.hub.url.startsWith('https://127.0.0.1:')).toBe(true);
    const report = enqueue(w);
    expect(await w.reports.flushDue()).toEqual({ sent: 0, rejected: 0, pending: 1 });
    expect(w.reports.outbox()[0].lastError).toBe(
      `${w.hub.url}: the hub's TLS certificate is signed by an unknown authority: set hubCaFile to the hub's CA bundle (verification is never turned off) (UNABLE_TO_VERIFY_LEAF_SIGNATURE)`,
    );
    expect(w.hub.list()).toHaveLength(0);
    w.setSettings({ hubCaFile: join(dir, 'ca.pem') });
    expect(await w.reports.push()).toEqual({ sent: 1, rejected: 0, pending: 0 });
    expect(w.hub.list().map((r) => r.id)).toEqual([report.id]);
  });

  it('413 for a body over the bound', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parc-hub-'));
    const hub = await startHub({
      port: 0,
      dbPath: join(dir, 'hub.db'),
      schools: [{ token: TOKEN, secret: SECRET }],
      maxBodyBytes: 2000,
    });
    open.push(hub);
    const { sendReport } = await import('../../electron/engine/reports/sender');
    const report = { ...minimalReport(), parcVersion: randomUUID().repeat(400) };
    const outcome = await sendReport(
      { id: report.id, body: report },
      { hubUrl: `${hub.url}/api/reports`, token: TOKEN, secret: SECRET, timeoutMs: 5000, env: {} },
    );
    expect(outcome).toMatchObject({ kind: 'rejected', status: 413 });
    expect(hub.list()).toHaveLength(0);
  });

  it('no token or secret in any log line, error, answer or hub file', async () => {
    const w = await world();
    w.hub.failNext(1, 500);
    enqueue(w);
    enqueue(w);
    await w.reports.flushDue();
    w.advance(SIX_HOURS_AND_MORE);
    await w.reports.flushDue();
    w.reports.secrets.set('hubToken', 'wrong-token-value');
    enqueue(w);
    await w.reports.push();
    expect(w.logs.length).toBeGreaterThan(3);
    const outbox = JSON.stringify(w.db.prepare('SELECT * FROM outbox').all());
    await w.hub.close();
    const hubFiles = [w.hubDb, `${w.hubDb}-wal`]
      .filter(existsSync)
      .map((f) => readFileSync(f).toString('latin1'));
    expect(hubFiles.length).toBeGreaterThan(0);
    for (const text of [...w.logs, outbox, ...hubFiles]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(SECRET);
    }
  });
});
