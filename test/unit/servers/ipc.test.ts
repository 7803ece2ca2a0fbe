import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine';
import { createCommandHandlers } from '../../../electron/ipc/handlers';
import { fakeNetwork } from '../../helpers/fake-session';

/** A TCP port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('servers:* over the IPC contract', () => {
  let engine: Engine | undefined;
  afterEach(() => engine?.close());

  it('saves, lists, polls, gives status and history, and removes; the password never comes back', async () => {
    engine = createEngine({
      dbPath: ':memory:',
      now: () => '2026-11-29T08:00:00.000Z',
      openSession: fakeNetwork({}).factory, // no SNMP agent: every request times out at once
    });
    const handlers = createCommandHandlers(engine, () => undefined, { error: () => undefined });
    const smbPort = await closedPort();

    const saved = await handlers['servers:save']({
      address: '127.0.0.1',
      name: 'NAS',
      smbPort,
      smbUser: 'parc',
      smbPassword: 'hunter2',
    });
    expect(saved).toMatchObject({ ok: true, value: { id: 1, name: 'NAS', smbPasswordSet: true, smbPort } });
    expect(JSON.stringify(saved)).not.toContain('hunter2');
    expect(await handlers['servers:save']({ name: 'no address' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });

    expect(await handlers['servers:list']({})).toMatchObject({ ok: true, value: [{ id: 1, name: 'NAS' }] });
    expect(await handlers['servers:poll']({ id: 1 })).toEqual({
      ok: true,
      value: { polled: 1, failed: 0, failures: [] },
    });
    const status = await handlers['servers:status']({});
    expect(status).toMatchObject({
      ok: true,
      value: [
        {
          id: 1,
          state: 'critical',
          smb: { reachable: false },
          alerts: [{ code: 'smb-unreachable', startedAt: '2026-11-29T08:00:00.000Z' }],
        },
      ],
    });
    expect(await handlers['servers:status']({ id: 5 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await handlers['servers:history']({ id: 1 })).toMatchObject({
      ok: true,
      value: { days: 7, resolution: 'raw', alerts: [{ code: 'smb-unreachable' }] },
    });
    expect(await handlers['servers:history']({ id: 1, days: 5000 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await handlers['servers:remove']({ id: 1 })).toEqual({ ok: true, value: [] });
    expect(await handlers['servers:remove']({ id: 1 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});
