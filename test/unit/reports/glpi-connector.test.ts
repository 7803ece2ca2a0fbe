import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/engine/db/database';
import { createExportRepo } from '../../../electron/engine/db/repositories/export-repo';
import { createOutboxRepo } from '../../../electron/engine/db/repositories/outbox-repo';
import { createSecretsRepo } from '../../../electron/engine/db/repositories/secrets-repo';
import { InputError } from '../../../electron/engine/errors';
import type { GlpiInventory } from '../../../electron/engine/export/glpi';
import { silentLogger } from '../../../electron/engine/log';
import {
  createGlpiConnector,
  glpiStamp,
  type GlpiSettings,
} from '../../../electron/engine/reports/glpi-connector';
import { OutboxWriteError } from '../../../electron/engine/reports/outbox';
import type { PostRequest, PostResponse } from '../../../electron/engine/reports/sender';
import { DEVICES, insertDevices } from '../export/seed';
import { printerSummaries } from './glpi-fixtures';

const T0 = Date.parse('2026-03-02T07:30:00.000Z');

function setup(
  answers: (PostResponse | Error)[] = [],
  settings: GlpiSettings = { glpiUrl: 'https://glpi.example.invalid/' },
) {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'parc-glpi-')), 'parc.db'));
  insertDevices(db, DEVICES);
  const requests: PostRequest[] = [];
  let ids = 0;
  const connector = createGlpiConnector({
    db,
    settings: () => settings,
    devices: () => ({ devices: createExportRepo(db).devices(), printers: printerSummaries(db) }),
    now: () => new Date(T0).toISOString(),
    logger: silentLogger,
    version: '0.1.0',
    random: () => 0.5,
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    env: {},
    fetchImpl: async (request) => {
      requests.push(request);
      const next = answers.shift() ?? { status: 200, headers: {}, body: '{"expiration":24,"status":"ok"}' };
      if (next instanceof Error) throw next;
      return next;
    },
  });
  return { db, connector, requests, repo: createOutboxRepo(db) };
}

describe('glpiStamp', () => {
  it('is the first-seen time, so a deviceid is the same from one push to the next', () => {
    expect(glpiStamp('2026-03-02T08:15:00.000Z', '2026-04-01T00:00:00.000Z')).toBe('2026-03-02-08-15-00');
    expect(glpiStamp('not a date', '2026-04-01T00:00:00.000Z')).toBe('2026-04-01-00-00-00');
  });
});

describe('createGlpiConnector', () => {
  it('queues one glpi document per present device, fresh ids, stable deviceids, missing devices left out', () => {
    const t = setup();
    expect(t.connector.enqueueInventory()).toBe(6);
    const entries = t.repo.list().filter((e) => e.kind === 'glpi');
    expect(entries).toHaveLength(6);
    expect(new Set(entries.map((e) => e.id)).size).toBe(6);
    expect(entries.every((e) => e.destination === 'https://glpi.example.invalid/front/inventory.php')).toBe(
      true,
    );
    const docs = entries.map((e) => e.body as GlpiInventory);
    expect(docs.map((d) => d.deviceid).sort()).toEqual([
      'IMP-B12-SN-B12-0001-2026-03-02-08-15-00',
      'PC-B12-01-aa-bb-cc-00-00-50-2026-03-02-08-15-00',
      'PC-PROF-10-0-0-70-2026-03-02-08-15-00',
      'PC-PROF-10-0-0-71-2026-03-02-08-15-00',
      'SCRIBE-10-0-0-5-2026-03-02-08-15-00',
      'SW-CDI-FOC1234X0AB-2026-03-02-08-15-00',
    ]);
    const printer = docs.find((d) => d.itemtype === 'Printer')!;
    expect(printer.content.versionclient).toBe('Parc_v0.1.0');
    expect(printer.content.pagecounters).toEqual({ total: 12345, black: 12000, color: 345 });
    // A second inventory: new entries, the same deviceids.
    t.connector.enqueueInventory();
    const again = t.repo.list().filter((e) => e.kind === 'glpi');
    expect(again).toHaveLength(12);
    expect(new Set(again.map((e) => (e.body as GlpiInventory).deviceid)).size).toBe(6);
  });

  it('push sends every document once and marks them sent with GLPI answer', async () => {
    const t = setup();
    t.connector.enqueueInventory();
    expect(await t.connector.push()).toEqual({ sent: 6, rejected: 0, pending: 0 });
    expect(t.requests).toHaveLength(6);
    expect(t.connector.outbox().every((i) => i.status === 'sent' && i.attempts === 1)).toBe(true);
    expect(t.repo.list()[0].hubAnswer).toBe('{"expiration":24,"status":"ok"}');
    expect(await t.connector.push()).toEqual({ sent: 0, rejected: 0, pending: 0 });
    expect(t.requests).toHaveLength(6);
  });

  it('keeps failed documents pending and shows a refused one as rejected with GLPI message', async () => {
    const t = setup([
      { status: 503, headers: { 'retry-after': '600' }, body: '' },
      {
        status: 400,
        headers: {},
        body: '{"status":"error","message":"JSON does not validate. Violations: x","expiration":24}',
      },
    ]);
    t.connector.enqueueInventory();
    expect(await t.connector.push()).toEqual({ sent: 4, rejected: 1, pending: 1 });
    const [pending] = t.connector.outbox().filter((i) => i.status === 'pending');
    expect(pending.nextAttemptAt).toBe(new Date(T0 + 600_000).toISOString());
    const [rejected] = t.connector.outbox().filter((i) => i.status === 'rejected');
    expect(rejected.lastError).toBe('HTTP 400: JSON does not validate. Violations: x');
    expect(t.connector.requeue(rejected.id)).toBe(true);
    expect(await t.connector.push()).toEqual({ sent: 2, rejected: 0, pending: 0 });
  });

  it('sends the glpiToken secret, and only to the GLPI server', async () => {
    const t = setup();
    createSecretsRepo(t.db).set('glpiToken', 'bearer-token-0042');
    t.connector.enqueueInventory();
    await t.connector.push();
    expect(t.requests.every((r) => r.headers.Authorization === 'Bearer bearer-token-0042')).toBe(true);
    expect(JSON.stringify(t.repo.list())).not.toContain('bearer-token-0042');
  });

  it('refuses to queue or push without a valid GLPI address', () => {
    const none = setup([], { glpiUrl: null });
    expect(() => none.connector.enqueueInventory()).toThrow(InputError);
    expect(() => none.connector.push()).toThrow(/No GLPI address/);
    const plain = setup([], { glpiUrl: 'http://glpi.example.invalid/' });
    expect(() => plain.connector.enqueueInventory()).toThrow(/^The GLPI address .* plain http/);
    expect(none.repo.list()).toHaveLength(0);
  });

  it('a failure halfway through rolls the whole inventory back', () => {
    const t = setup();
    const third = '00000000-0000-4000-8000-000000000003';
    t.repo.add({
      id: third,
      kind: 'report',
      destination: 'x',
      createdAt: '2026-03-01T00:00:00.000Z',
      body: {},
    });
    expect(() => t.connector.enqueueInventory()).toThrow(/already in the outbox/);
    expect(t.repo.list().map((e) => e.id)).toEqual([third]);
  });

  it('a full disk while queueing keeps nothing of this inventory and the earlier entries intact', () => {
    const t = setup();
    t.connector.enqueueInventory();
    // Let the database grow no further, then fill what free pages remain.
    t.db.exec('CREATE TABLE filler (x BLOB)');
    const filler = t.db.prepare('INSERT INTO filler (x) VALUES (?)');
    t.db.pragma(`max_page_count = ${t.db.pragma('page_count', { simple: true }) as number}`);
    try {
      for (;;) filler.run(Buffer.alloc(4096));
    } catch (error) {
      expect(error).toMatchObject({ code: 'SQLITE_FULL' });
    }
    expect(() => t.connector.enqueueInventory()).toThrow(OutboxWriteError);
    expect(t.repo.list().filter((e) => e.kind === 'glpi')).toHaveLength(6);
  });
});
