import { describe, expect, it, vi } from 'vitest';
import { COMMAND_CHANNELS } from '../../../shared/ipc/channels';
import { BusyError, InputError, NotFoundError } from '../../../electron/engine/errors';
import {
  createCommandHandlers,
  registerIpcHandlers,
  type IpcSenderEvent,
} from '../../../electron/ipc/handlers';
import { createFakeEngine, CREDENTIAL, DEVICE, SETTINGS, SUMMARY } from '../main/fake-engine';
import { buildReport } from '../../../electron/engine/reports/build';
import { lyceeInput } from '../reports/lycee';

const quietLogger = () => ({ error: vi.fn() });

describe('createCommandHandlers', () => {
  it('has one handler per contract channel', () => {
    const { engine } = createFakeEngine();
    const handlers = createCommandHandlers(engine, vi.fn(), quietLogger());
    expect(Object.keys(handlers).sort()).toEqual([...COMMAND_CHANNELS].sort());
  });

  it('parses the input (defaults applied) and returns the engine value', async () => {
    const { engine } = createFakeEngine();
    const handlers = createCommandHandlers(engine, vi.fn(), quietLogger());
    expect(await handlers['inventory:list'](undefined)).toEqual({ ok: true, value: [DEVICE] });
    expect(engine.inventory.list).toHaveBeenCalledWith({});
    expect(await handlers['scan:cancel']({ scanId: 42 })).toEqual({ ok: true, value: { cancelled: true } });
    expect(engine.scan.cancel).toHaveBeenCalledWith(42);
    expect(await handlers['credentials:move']({ id: 1, direction: 'up' })).toEqual({
      ok: true,
      value: [CREDENTIAL],
    });
    expect(engine.credentials.move).toHaveBeenCalledWith(1, 'up');
    expect(await handlers['network:suggest']({})).toEqual({
      ok: true,
      value: [{ cidr: '192.168.1.0/24', interfaceName: 'eth0', addressCount: 254 }],
    });
  });

  it('answers invalid input with invalid-input and never calls the engine', async () => {
    const { engine } = createFakeEngine();
    const handlers = createCommandHandlers(engine, vi.fn(), quietLogger());
    const result = await handlers['scan:start']({ targets: [] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.message).toMatch(/^targets: /);
    expect(engine.scan.start).not.toHaveBeenCalled();

    const badId = await handlers['inventory:update']({ id: 'seven' });
    expect(badId).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(engine.inventory.update).not.toHaveBeenCalled();
  });

  it('maps the engine errors to their codes and messages', async () => {
    const { engine } = createFakeEngine();
    const handlers = createCommandHandlers(engine, vi.fn(), quietLogger());
    engine.scan.start.mockRejectedValueOnce(new InputError('203.0.113.0/24 is a public range.'));
    expect(await handlers['scan:start']({ targets: ['203.0.113.0/24'] })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: '203.0.113.0/24 is a public range.' },
    });
    engine.inventory.update.mockImplementationOnce(() => {
      throw new NotFoundError('No device 99.');
    });
    expect(await handlers['inventory:update']({ id: 99, room: 'A1' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No device 99.' },
    });
    engine.scan.start.mockRejectedValueOnce(new BusyError('A scan is running.'));
    expect(await handlers['scan:start']({ targets: ['10.0.0.1'] })).toEqual({
      ok: false,
      error: { code: 'busy', message: 'A scan is running.' },
    });
  });

  it('hides unexpected errors behind a generic failed message, and logs the detail', async () => {
    const { engine } = createFakeEngine();
    const logger = quietLogger();
    const handlers = createCommandHandlers(engine, vi.fn(), logger);
    engine.settings.get.mockImplementationOnce(() => {
      throw new Error('SQLITE_CORRUPT: /home/x/parc.db');
    });
    const result = await handlers['settings:get']({});
    expect(result).toEqual({
      ok: false,
      error: { code: 'failed', message: 'The operation failed; see the log for details.' },
    });
    expect(logger.error).toHaveBeenCalledWith(
      '[ipc] settings:get failed',
      expect.stringContaining('SQLITE_CORRUPT'),
    );
  });

  it('treats an engine value that breaks the contract as failed, not invalid-input', async () => {
    const { engine } = createFakeEngine();
    const handlers = createCommandHandlers(engine, vi.fn(), quietLogger());
    engine.inventory.list.mockReturnValueOnce([{ ...DEVICE, type: 'toaster' } as never]);
    expect(await handlers['inventory:list']({})).toMatchObject({ ok: false, error: { code: 'failed' } });
  });

  it('strips fields the contract does not list (a secret never reaches the UI)', async () => {
    const { engine } = createFakeEngine();
    const handlers = createCommandHandlers(engine, vi.fn(), quietLogger());
    engine.credentials.list.mockReturnValueOnce([{ ...CREDENTIAL, community: 's3cret' } as never]);
    expect(await handlers['credentials:list']({})).toEqual({ ok: true, value: [CREDENTIAL] });
  });

  it('settings:set passes only the fields that were sent (no defaults reset the others)', async () => {
    const { engine } = createFakeEngine();
    const handlers = createCommandHandlers(engine, vi.fn(), quietLogger());
    engine.settings.set({ targets: ['10.1.0.0/24'] });
    const result = await handlers['settings:set']({ language: 'en' });
    expect(engine.settings.set).toHaveBeenLastCalledWith({ language: 'en' });
    expect(result).toEqual({ ok: true, value: { ...SETTINGS, targets: ['10.1.0.0/24'], language: 'en' } });
  });

  it('scan:start builds the request from settings and stored secrets, then emits progress and finished', async () => {
    const secrets = [
      { kind: 'v3' as const, user: 'parc', auth: { protocol: 'sha' as const, key: 'authkey123' } },
    ];
    const { engine, scan } = createFakeEngine({ secrets });
    const emit = vi.fn();
    const handlers = createCommandHandlers(engine, emit, quietLogger());

    const result = await handlers['scan:start']({ targets: ['10.0.0.0/30'] });
    expect(result).toEqual({ ok: true, value: { scanId: 42 } });
    expect(scan.request).toEqual({
      targets: ['10.0.0.0/30'],
      credentials: secrets,
      port: 1161,
      timeoutMs: 700,
      retries: 2,
      concurrency: 16,
      force: false,
      allowPublic: false,
    });
    expect(engine.settings.set).toHaveBeenCalledWith({ targets: ['10.0.0.0/30'] });
    expect(engine.settings.get().targets).toEqual(['10.0.0.0/30']);

    const progress = {
      scanId: 42,
      phase: 'addresses' as const,
      done: 2,
      total: 4,
      found: 1,
      current: '10.0.0.2',
    };
    scan.callbacks?.onProgress?.(progress);
    expect(emit).toHaveBeenCalledWith('scan:progress', progress);
    expect(emit).not.toHaveBeenCalledWith('scan:finished', expect.anything());

    scan.finish();
    await vi.waitFor(() => expect(emit).toHaveBeenCalledWith('scan:finished', SUMMARY));
    expect(emit).toHaveBeenCalledTimes(2);
  });

  it('scan:start sends events as the contract has them: a broken one is logged, not sent; an extra field is stripped', async () => {
    const { engine, scan } = createFakeEngine();
    const emit = vi.fn();
    const logger = quietLogger();
    const handlers = createCommandHandlers(engine, emit, logger);
    await handlers['scan:start']({ targets: ['10.0.0.1'] });
    const progress = { scanId: 42, phase: 'addresses' as const, done: 1, total: 1, found: 0, current: null };
    scan.callbacks?.onProgress?.({ ...progress, done: 0.5 });
    scan.callbacks?.onProgress?.({ ...progress, secret: 'x' } as typeof progress);
    expect(emit.mock.calls).toEqual([['scan:progress', progress]]);
    expect(logger.error).toHaveBeenCalledWith(
      'Event scan:progress breaks the contract: not sent.',
      expect.anything(),
    );
  });

  it('scan:start uses community "public" (v2c, then v1) when no credential is stored, and passes force/allowPublic', async () => {
    const { engine, scan } = createFakeEngine();
    const handlers = createCommandHandlers(engine, vi.fn(), quietLogger());
    await handlers['scan:start']({ targets: ['10.0.0.1'], force: true, allowPublic: true });
    expect(scan.request?.credentials).toEqual([
      { kind: 'community', version: '2c', community: 'public' },
      { kind: 'community', version: '1', community: 'public' },
    ]);
    expect(scan.request).toMatchObject({ force: true, allowPublic: true });
  });

  it('scan:start still emits finished (the recorded summary) when the scan crashes', async () => {
    const { engine, scan } = createFakeEngine();
    const emit = vi.fn();
    const logger = quietLogger();
    const handlers = createCommandHandlers(engine, emit, logger);
    await handlers['scan:start']({ targets: ['10.0.0.1'] });
    const failed = { ...SUMMARY, status: 'failed' as const };
    engine.scan.last.mockReturnValue(failed);
    scan.crash(new Error('socket closed'));
    await vi.waitFor(() => expect(emit).toHaveBeenCalledWith('scan:finished', failed));
    expect(logger.error).toHaveBeenCalled();
  });

  it('printers:history applies the 90-day default, refuses more than 365 days and maps NotFoundError', async () => {
    const { engine } = createFakeEngine();
    const handlers = createCommandHandlers(engine, vi.fn(), quietLogger());
    const history = {
      supplies: [
        {
          supplyKey: '1.2',
          kind: 'toner',
          color: 'cyan',
          description: 'Cyan',
          points: [{ at: '2026-01-01T00:00:00.000Z', percent: null }],
          replacements: [{ at: '2026-01-02T00:00:00.000Z', source: 'detected' }],
        },
      ],
      pages: [{ at: '2026-01-01T00:00:00.000Z', total: 120 }],
    } as const;
    engine.printers.history.mockImplementationOnce(() => structuredClone(history) as never);
    expect(await handlers['printers:history']({ deviceId: 7 })).toEqual({ ok: true, value: history });
    expect(engine.printers.history).toHaveBeenCalledWith(7, 90);
    await handlers['printers:history']({ deviceId: 7, days: 365 });
    expect(engine.printers.history).toHaveBeenLastCalledWith(7, 365);

    for (const days of [366, 0, 1.5]) {
      expect(await handlers['printers:history']({ deviceId: 7, days })).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    expect(engine.printers.history).toHaveBeenCalledTimes(2);

    engine.printers.history.mockImplementationOnce(() => {
      throw new NotFoundError('No printer with id 99.');
    });
    expect(await handlers['printers:history']({ deviceId: 99 })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No printer with id 99.' },
    });
  });

  it('inventory:listSummaries gives the table rows (no sysDescr), inventory:get one whole device', async () => {
    const { engine } = createFakeEngine();
    const handlers = createCommandHandlers(engine, vi.fn(), quietLogger());
    const summaries = await handlers['inventory:listSummaries']({ type: 'printer' });
    expect(summaries).toEqual({
      ok: true,
      value: [
        {
          id: DEVICE.id,
          ip: DEVICE.ip,
          type: DEVICE.type,
          vendor: DEVICE.vendor,
          model: DEVICE.model,
          serial: DEVICE.serial,
          mac: DEVICE.mac,
          sysName: DEVICE.sysName,
          hostName: DEVICE.hostName,
          room: DEVICE.room,
          lastSeen: DEVICE.lastSeen,
          missing: DEVICE.missing,
        },
      ],
    });
    expect(engine.inventory.listSummaries).toHaveBeenCalledWith({ type: 'printer' });
    expect(await handlers['inventory:get']({ id: DEVICE.id })).toEqual({ ok: true, value: DEVICE });
    expect(await handlers['inventory:get']({ id: 99 })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No device with id 99.' },
    });
    expect(await handlers['inventory:get']({ id: 'seven' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(engine.inventory.get).toHaveBeenCalledTimes(2);
  });

  it('scan:status returns running and last', async () => {
    const { engine } = createFakeEngine();
    const handlers = createCommandHandlers(engine, vi.fn(), quietLogger());
    const progress = { scanId: 42, phase: 'addresses' as const, done: 1, total: 4, found: 0, current: null };
    engine.scan.running.mockReturnValueOnce(progress);
    expect(await handlers['scan:status'](undefined)).toEqual({
      ok: true,
      value: { running: progress, last: SUMMARY },
    });
  });
});

describe('registerIpcHandlers', () => {
  const setup = () => {
    const { engine } = createFakeEngine();
    const listeners = new Map<string, (event: IpcSenderEvent, input: unknown) => Promise<unknown>>();
    const ipc = { handle: vi.fn((channel: string, listener) => void listeners.set(channel, listener)) };
    const logger = quietLogger();
    const trusted = (event: IpcSenderEvent) =>
      event.senderFrame?.url === 'file:///app/out/renderer/index.html';
    registerIpcHandlers(ipc, createCommandHandlers(engine, vi.fn(), logger), trusted, logger);
    return { engine, ipc, listeners, logger };
  };

  it('registers every command channel once', () => {
    const { ipc } = setup();
    expect(ipc.handle.mock.calls.map(([channel]) => channel)).toEqual([...COMMAND_CHANNELS]);
  });

  it('serves a trusted sender', async () => {
    const { listeners } = setup();
    const answer = await listeners.get('settings:get')!(
      { senderFrame: { url: 'file:///app/out/renderer/index.html' } },
      {},
    );
    expect(answer).toEqual({ ok: true, value: SETTINGS });
  });

  it('refuses an untrusted or missing sender frame without calling the engine', async () => {
    const { listeners, engine, logger } = setup();
    for (const event of [
      { senderFrame: { url: 'https://evil.example/?token=abc' } },
      { senderFrame: null },
      {},
    ]) {
      const answer = await listeners.get('credentials:list')!(event, {});
      expect(answer).toEqual({
        ok: false,
        error: { code: 'failed', message: 'Refused: this window is not allowed to call Parc.' },
      });
    }
    expect(engine.credentials.list).not.toHaveBeenCalled();
    expect(logger.error).toHaveBeenCalledWith(
      '[ipc] credentials:list refused: untrusted sender https://evil.example/',
    );
  });
});

describe('reports:send', () => {
  const report = () => buildReport(lyceeInput());

  it('refuses before storing anything when the hub is not configured', async () => {
    const { engine } = createFakeEngine();
    vi.mocked(engine.reports.checkHub).mockImplementation(() => {
      throw new InputError('No hub address: set hubUrl.');
    });
    const handlers = createCommandHandlers(engine, vi.fn(), quietLogger());
    const result = await handlers['reports:send']({ report: report() });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'No hub address: set hubUrl.' },
    });
    expect(engine.reports.enqueue).not.toHaveBeenCalled();
  });

  it('stores the previewed report once, then sends; a second click only sends', async () => {
    const { engine } = createFakeEngine();
    const handlers = createCommandHandlers(engine, vi.fn(), quietLogger());
    const previewed = report();
    vi.mocked(engine.reports.enqueue).mockImplementation(() => ({}) as never);
    await handlers['reports:send']({ report: previewed });
    expect(engine.reports.enqueue).toHaveBeenCalledWith({ id: previewed.id, body: previewed });
    vi.mocked(engine.reports.outbox).mockReturnValue([
      {
        id: previewed.id,
        kind: 'report',
        destination: '',
        createdAt: 't',
        status: 'pending',
        attempts: 1,
        nextAttemptAt: 't',
        lastError: 'down',
        sentAt: null,
      },
    ]);
    expect(await handlers['reports:send']({ report: previewed })).toEqual({
      ok: true,
      value: { sent: 0, rejected: 0, pending: 0 },
    });
    expect(engine.reports.enqueue).toHaveBeenCalledTimes(1);
    expect(engine.reports.push).toHaveBeenCalledTimes(2);
  });
});
