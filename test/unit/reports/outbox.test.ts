import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/engine/db/database';
import { createOutboxRepo } from '../../../electron/engine/db/repositories/outbox-repo';
import { createSecretsRepo } from '../../../electron/engine/db/repositories/secrets-repo';
import { silentLogger } from '../../../electron/engine/log';
import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  backoffDelayMs,
  createOutbox,
  OutboxWriteError,
} from '../../../electron/engine/reports/outbox';
import type { OutgoingDocument, SendOutcome } from '../../../electron/engine/reports/sender';

const T0 = Date.parse('2026-03-02T07:30:00.000Z');

function setup(path = ':memory:', outcomes: SendOutcome[] = []) {
  const db = openDatabase(path);
  const repo = createOutboxRepo(db);
  let clock = T0;
  const sent: string[] = [];
  const send = async (doc: OutgoingDocument): Promise<SendOutcome> => {
    sent.push(doc.id);
    return outcomes.shift() ?? { kind: 'sent', status: 201, answer: '{"ok":true}' };
  };
  const outbox = createOutbox({
    repo,
    send,
    now: () => new Date(clock).toISOString(),
    random: () => 0.5,
    logger: silentLogger,
  });
  return {
    db,
    repo,
    outbox,
    sent,
    outcomes,
    advance: (ms: number) => {
      clock += ms;
    },
    iso: (offset = 0) => new Date(clock + offset).toISOString(),
  };
}

describe('migration 0009', () => {
  it('creates the outbox and secrets tables with their checks', () => {
    const db = openDatabase(':memory:');
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(9);
    const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('outbox')").all();
    expect(columns.map((c) => c.name)).toEqual([
      'id',
      'kind',
      'destination',
      'created_at',
      'body',
      'status',
      'attempts',
      'next_attempt_at',
      'last_error',
      'sent_at',
      'hub_answer',
    ]);
    expect(() =>
      db
        .prepare(
          "INSERT INTO outbox (id, kind, destination, created_at, body, next_attempt_at) VALUES ('x', 'mail', '', '', '{}', '')",
        )
        .run(),
    ).toThrow(/CHECK/);
  });
});

describe('backoffDelayMs (full jitter, base 30 s, cap 6 h)', () => {
  it.each([
    [1, 0.5, undefined, BACKOFF_BASE_MS / 2],
    [2, 0.5, undefined, BACKOFF_BASE_MS],
    [3, 0.999, undefined, Math.floor(0.999 * 4 * BACKOFF_BASE_MS)],
    [20, 0.5, undefined, BACKOFF_CAP_MS / 2],
    [1, 0, 120_000, 120_000],
    [1, 0.5, 1_000, BACKOFF_BASE_MS / 2],
  ])('attempt %d, random %d, Retry-After %s → %d ms', (attempts, random, retryAfter, expected) => {
    expect(backoffDelayMs(attempts, random, retryAfter)).toBe(expected);
  });
});

describe('createOutbox', () => {
  it('sends due entries once each, oldest first, and marks them sent with the answer', async () => {
    const s = setup();
    s.outbox.enqueue({ id: 'a', body: { n: 1 } }, 'https://hub.example.invalid/api/reports');
    s.advance(1000);
    s.outbox.enqueue({ id: 'b', body: { n: 2 } }, 'https://hub.example.invalid/api/reports');
    expect(await s.outbox.flush()).toEqual({ sent: 2, rejected: 0, pending: 0 });
    expect(s.sent).toEqual(['a', 'b']);
    expect(await s.outbox.flush()).toEqual({ sent: 0, rejected: 0, pending: 0 });
    expect(s.sent).toEqual(['a', 'b']);
    const a = s.repo.get('a');
    expect(a).toMatchObject({ status: 'sent', attempts: 1, hubAnswer: '{"ok":true}', body: { n: 1 } });
    expect(a?.sentAt).toBe(s.iso());
  });

  it('reschedules a retry with jitter and Retry-After, counting attempts', async () => {
    const s = setup(':memory:', [
      { kind: 'retry', error: 'HTTP 500' },
      { kind: 'retry', error: 'HTTP 429', retryAfterMs: 600_000 },
    ]);
    s.outbox.enqueue({ id: 'a', body: {} }, 'hub');
    expect(await s.outbox.flush()).toEqual({ sent: 0, rejected: 0, pending: 1 });
    expect(s.repo.get('a')).toMatchObject({
      attempts: 1,
      lastError: 'HTTP 500',
      nextAttemptAt: s.iso(15_000),
    });
    // Not due yet: nothing sent.
    s.advance(10_000);
    await s.outbox.flush();
    expect(s.sent).toEqual(['a']);
    s.advance(5_000);
    await s.outbox.flush();
    expect(s.repo.get('a')).toMatchObject({ attempts: 2, nextAttemptAt: s.iso(600_000) });
    // "Envoyer maintenant" ignores the schedule.
    expect(await s.outbox.flush({ ignoreSchedule: true })).toEqual({ sent: 1, rejected: 0, pending: 0 });
    expect(s.repo.get('a')).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
  });

  it('marks a refused entry rejected, never retries it, and can requeue it', async () => {
    const s = setup(':memory:', [{ kind: 'rejected', status: 401, message: 'HTTP 401: unknown token' }]);
    s.outbox.enqueue({ id: 'a', body: {} }, 'hub');
    expect(await s.outbox.flush()).toEqual({ sent: 0, rejected: 1, pending: 0 });
    s.advance(BACKOFF_CAP_MS * 2);
    await s.outbox.flush({ ignoreSchedule: true });
    expect(s.sent).toEqual(['a']);
    expect(s.outbox.list()[0]).toMatchObject({ status: 'rejected', lastError: 'HTTP 401: unknown token' });
    expect(s.outbox.requeue('a')).toBe(true);
    expect(await s.outbox.flush()).toEqual({ sent: 1, rejected: 0, pending: 0 });
  });

  it('one flush at a time: a second call shares the running one', async () => {
    const s = setup();
    s.outbox.enqueue({ id: 'a', body: {} }, 'hub');
    const [one, two] = await Promise.all([s.outbox.flush(), s.outbox.flush()]);
    expect(one).toBe(two);
    expect(s.sent).toEqual(['a']);
  });

  it('resumes from the table after a restart', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'parc-outbox-')), 'parc.db');
    const first = setup(path, [{ kind: 'retry', error: 'down' }]);
    first.outbox.enqueue({ id: 'a', body: { keep: true } }, 'hub');
    await first.outbox.flush();
    first.db.close();
    const second = setup(path);
    second.advance(BACKOFF_CAP_MS);
    expect(await second.outbox.flush()).toEqual({ sent: 1, rejected: 0, pending: 0 });
    expect(second.sent).toEqual(['a']);
    expect(second.repo.get('a')).toMatchObject({ attempts: 2, body: { keep: true } });
  });

  it('disk full when a report is written: a clear error, earlier entries intact', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'parc-full-')), 'parc.db');
    const s = setup(path, [{ kind: 'retry', error: 'down' }]);
    s.outbox.enqueue({ id: 'early', body: { n: 1 } }, 'hub');
    await s.outbox.flush();
    const pages = s.db.pragma('page_count', { simple: true }) as number;
    s.db.pragma(`max_page_count = ${pages}`);
    const big = { text: 'x'.repeat(200_000) };
    let caught: unknown;
    try {
      s.outbox.enqueue({ id: 'late', body: big }, 'hub');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(OutboxWriteError);
    expect((caught as Error).message).toBe(
      'The outbox could not store report late: the disk is full (SQLITE_FULL): free some space and make the report again. Earlier entries are kept.',
    );
    expect(s.repo.get('late')).toBeNull();
    expect(s.repo.get('early')).toMatchObject({ status: 'pending', attempts: 1, body: { n: 1 } });
    s.db.pragma('max_page_count = 1073741823');
    s.advance(BACKOFF_CAP_MS);
    expect(await s.outbox.flush()).toEqual({ sent: 1, rejected: 0, pending: 0 });
  });

  it('refuses a duplicate id with a clear error', () => {
    const s = setup();
    s.outbox.enqueue({ id: 'a', body: {} }, 'hub');
    expect(() => s.outbox.enqueue({ id: 'a', body: {} }, 'hub')).toThrow(/already in the outbox/);
  });
});

describe('secrets repository', () => {
  it('stores, tells whether set, and removes on empty', () => {
    const db = openDatabase(':memory:');
    const secrets = createSecretsRepo(db);
    expect(secrets.isSet('hubToken')).toBe(false);
    secrets.set('hubToken', 'abc12345');
    expect(secrets.isSet('hubToken')).toBe(true);
    expect(secrets.reveal('hubToken')).toBe('abc12345');
    secrets.set('hubToken', '');
    expect(secrets.isSet('hubToken')).toBe(false);
    expect(secrets.reveal('hubToken')).toBeNull();
  });

  it('refuses a value an HTTP header could not carry, keeping the one stored', () => {
    const secrets = createSecretsRepo(openDatabase(':memory:'));
    secrets.set('hubToken', 'abc12345');
    for (const bad of ['TOK EN', 'tab\tbed', 'ctrl\u0001', 'accentué'])
      expect(() => secrets.set('hubToken', bad)).toThrow(/no space, accent or control character/);
    expect(secrets.reveal('hubToken')).toBe('abc12345');
  });
});
