/**
 * Issue 6 part 5: the GLPI connector against a fake GLPI endpoint on 127.0.0.1. Every document
 * of a generated inventory arrives, across faults (down then up, 500 twice, 429 with
 * Retry-After, a cut after store), exactly once per deviceid; each validates against the GLPI
 * inventory schema; the configured credentials appear in no log and no outbox row.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/engine/db/database';
import { createExportRepo } from '../../electron/engine/db/repositories/export-repo';
import { createSecretsRepo } from '../../electron/engine/db/repositories/secrets-repo';
import { createLogger } from '../../electron/engine/log';
import { createGlpiConnector, type GlpiConnector } from '../../electron/engine/reports/glpi-connector';
import { startFakeGlpi, type FakeGlpi } from '../simulator/fake-glpi';
import { loadGlpiValidator } from '../unit/export/glpi-schema';
import { seedGenerated } from '../unit/export/seed';
import { printerSummaries } from '../unit/reports/glpi-fixtures';

const T0 = Date.parse('2026-03-02T07:30:00.000Z');
const SIX_HOURS_AND_MORE = 7 * 3600_000;
const DEVICE_COUNT = 30;
const USER = 'parc-lycee';
const PASSWORD = 'glpi-pw-5e0b1d77-0042';

const schema = loadGlpiValidator();
if ('skip' in schema) console.warn(schema.skip);

const open: { close(): unknown }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

interface World {
  glpi: FakeGlpi;
  connector: GlpiConnector;
  logs: string[];
  rows: () => string;
  advance: (ms: number) => void;
  restartGlpi: () => Promise<FakeGlpi>;
}

async function world(): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'parc-glpi-'));
  const path = join(dir, 'parc.db');
  seedGenerated(path, DEVICE_COUNT);
  const db = openDatabase(path);
  open.push(db);
  createSecretsRepo(db).set('glpiToken', `${USER}:${PASSWORD}`);
  const start = (port?: number) =>
    startFakeGlpi({
      port,
      basicAuth: { user: USER, password: PASSWORD },
      ...('validate' in schema ? { validate: schema.validate } : {}),
    });
  let glpi = await start();
  open.push({ close: () => glpi.close() });
  const logs: string[] = [];
  let clock = T0;
  const connector = createGlpiConnector({
    db,
    settings: () => ({ glpiUrl: `${glpi.url}/`, hubCaFile: null, proxyUrl: null }),
    devices: () => ({ devices: createExportRepo(db).devices(), printers: printerSummaries(db) }),
    now: () => new Date(clock).toISOString(),
    logger: createLogger((line) => logs.push(line), 'debug'),
    version: '0.1.0',
    random: () => 0.5,
    env: {},
    timeoutMs: 5000,
  });
  const w: World = {
    glpi,
    connector,
    logs,
    rows: () => JSON.stringify(db.prepare('SELECT * FROM outbox').all()),
    advance: (ms) => {
      clock += ms;
    },
    restartGlpi: async () => {
      glpi = await start(w.glpi.port);
      w.glpi = glpi;
      return glpi;
    },
  };
  return w;
}

/** The deviceids queued in the outbox (what must arrive, once each). */
const queued = (w: World) => w.connector.outbox().length;

/** Checks that GLPI holds one asset per queued document, each valid, and no secret leaked. */
function expectExactlyOnce(w: World, expected: number) {
  expect(w.connector.outbox().every((i) => i.status === 'sent')).toBe(true);
  expect(w.glpi.assets().size).toBe(expected);
  if ('validate' in schema) {
    for (const [deviceid, doc] of w.glpi.assets()) {
      expect(schema.validate(doc), `${deviceid}: ${JSON.stringify(schema.validate.errors)}`).toBe(true);
    }
  }
  const everything = w.logs.join('\n') + w.rows();
  for (const secret of [PASSWORD, Buffer.from(`${USER}:${PASSWORD}`).toString('base64')]) {
    expect(everything).not.toContain(secret);
  }
}

describe('GLPI connector against a fake GLPI on 127.0.0.1', () => {
  it('pushes every present device once, with the GLPI agent headers and Basic credentials', async () => {
    const w = await world();
    const n = w.connector.enqueueInventory();
    expect(n).toBe(DEVICE_COUNT);
    expect(await w.connector.push()).toEqual({ sent: n, rejected: 0, pending: 0 });
    expect(w.glpi.arrivals()).toHaveLength(n);
    expectExactlyOnce(w, n);
    const itemtypes = new Set(w.glpi.arrivals().map((a) => a.itemtype));
    expect([...itemtypes].sort()).toEqual(['Computer', 'NetworkEquipment', 'Printer', 'Unmanaged']);
    const { headers } = w.glpi.arrivals()[0];
    expect(headers['content-type']).toBe('application/json');
    expect(headers['glpi-agent-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5/);
    expect(headers['user-agent']).toBe('Parc_v0.1.0');
  });

  it('GLPI down when the inventory is queued, then back', async () => {
    const w = await world();
    await w.glpi.close();
    const n = w.connector.enqueueInventory();
    expect(await w.connector.flushDue()).toEqual({ sent: 0, rejected: 0, pending: n });
    expect(w.connector.outbox()[0].lastError).toBe(
      `http://127.0.0.1:${w.glpi.port}: the GLPI server refused the connection (is it running? is the port right?) (ECONNREFUSED)`,
    );
    await w.restartGlpi();
    w.advance(SIX_HOURS_AND_MORE);
    expect(await w.connector.flushDue()).toEqual({ sent: n, rejected: 0, pending: 0 });
    expect(w.glpi.arrivals()).toHaveLength(n);
    expectExactlyOnce(w, n);
  });

  it('500 twice then ok: the two documents concerned are sent on later attempts', async () => {
    const w = await world();
    w.glpi.failNext(2, 500);
    const n = w.connector.enqueueInventory();
    expect(await w.connector.flushDue()).toEqual({ sent: n - 2, rejected: 0, pending: 2 });
    w.advance(SIX_HOURS_AND_MORE);
    expect(await w.connector.flushDue()).toEqual({ sent: 2, rejected: 0, pending: 0 });
    expect(w.glpi.requests()).toBe(n + 2);
    expectExactlyOnce(w, queued(w));
  });

  it('429 with Retry-After: not tried again before it', async () => {
    const w = await world();
    w.glpi.failNext(1, 429, { 'Retry-After': '3600' });
    const n = w.connector.enqueueInventory();
    await w.connector.flushDue();
    const [waiting] = w.connector.outbox().filter((i) => i.status === 'pending');
    expect(waiting.nextAttemptAt).toBe(new Date(T0 + 3600_000).toISOString());
    w.advance(3599_000);
    expect(await w.connector.flushDue()).toEqual({ sent: 0, rejected: 0, pending: 1 });
    expect(w.glpi.requests()).toBe(n);
    w.advance(1000);
    expect(await w.connector.flushDue()).toEqual({ sent: 1, rejected: 0, pending: 0 });
    expectExactlyOnce(w, n);
  });

  it('connection cut after GLPI stored a document: resent, the same asset updated, nothing lost', async () => {
    const w = await world();
    w.glpi.cutAfterStore(1);
    const n = w.connector.enqueueInventory();
    expect(await w.connector.flushDue()).toEqual({ sent: n - 1, rejected: 0, pending: 1 });
    expect(w.connector.outbox().find((i) => i.status === 'pending')!.lastError).toMatch(
      /cut before its answer|socket hang up/,
    );
    w.advance(SIX_HOURS_AND_MORE);
    expect(await w.connector.flushDue()).toEqual({ sent: 1, rejected: 0, pending: 0 });
    // The cut document arrived twice, under one deviceid: GLPI holds one asset for it.
    expect(w.glpi.arrivals()).toHaveLength(n + 1);
    expectExactlyOnce(w, n);
  });

  it('a second inventory updates the same assets (stable deviceids)', async () => {
    const w = await world();
    const n = w.connector.enqueueInventory();
    await w.connector.push();
    w.advance(24 * 3600_000);
    w.connector.enqueueInventory();
    expect(await w.connector.push()).toEqual({ sent: n, rejected: 0, pending: 0 });
    expect(w.glpi.arrivals()).toHaveLength(2 * n);
    expectExactlyOnce(w, n);
  });

  it('wrong credentials: rejected with GLPI message, not retried forever, password in no log', async () => {
    const w = await world();
    await w.glpi.close();
    w.glpi = await startFakeGlpi({ port: w.glpi.port, basicAuth: { user: USER, password: 'another-one' } });
    open.push(w.glpi);
    const n = w.connector.enqueueInventory();
    expect(await w.connector.push()).toEqual({ sent: 0, rejected: n, pending: 0 });
    expect(w.connector.outbox()[0].lastError).toBe(
      'HTTP 401: Authorization header required to send an inventory',
    );
    expect(w.logs.join('\n') + w.rows()).not.toContain(PASSWORD);
  });
});
