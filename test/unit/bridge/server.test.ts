/** The loopback bridge over real sockets on 127.0.0.1, with a fake engine. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBridge, type Bridge } from '../../../electron/bridge/server';
import { rawRequest, type RawRequest } from '../../helpers/raw-http';
import { createFakeEngine, DEVICE, SETTINGS, SUMMARY } from '../main/fake-engine';

let bridge: Bridge;
let root: string;
const { engine, scan } = createFakeEngine();
const logger = { error: vi.fn() };

/** A raw HTTP request to the bridge (see test/helpers/raw-http.ts). */
const send = (path: string, options?: RawRequest) => rawRequest(bridge.port, path, options);

const auth = () => ({ Authorization: `Bearer ${bridge.token}`, 'Content-Type': 'application/json' });
const invoke = (channel: string, input: unknown, headers: Record<string, string> = auth()) =>
  send(`/api/invoke/${channel}`, { method: 'POST', headers, body: JSON.stringify(input) });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'parc-bridge-'));
  // The secret sits next to the served directory: a traversal would reach it.
  writeFileSync(join(root, 'package.json'), '{"secret":"outside-the-root"}');
  mkdirSync(join(root, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>Parc</title>');
  writeFileSync(join(root, 'renderer', 'assets', 'app.js'), 'console.log("parc")');
  writeFileSync(join(root, 'renderer', 'assets', 'app.css'), 'body{}');
  bridge = await startBridge({ engine, rendererDir: join(root, 'renderer'), logger });
});

afterAll(async () => {
  await bridge.close();
  rmSync(root, { recursive: true, force: true });
});

describe('startBridge', () => {
  it('listens on 127.0.0.1 only, with a 64-hex token in the URL fragment', async () => {
    expect(bridge.token).toMatch(/^[0-9a-f]{64}$/);
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/#token=${bridge.token}`);
    const otherAddresses = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address && !address.internal)
      .map((address) => address!.address);
    for (const address of [...otherAddresses, '::1']) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port: bridge.port });
        socket.on('connect', () => (socket.destroy(), resolve('connected')));
        socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(outcome, address).not.toBe('connected');
    }
  });

  it('answers 401 without a token or with a wrong one, and never calls the engine', async () => {
    engine.credentials.list.mockClear();
    expect((await invoke('credentials:list', {}, { Authorization: '' })).status).toBe(401);
    const wrong = await invoke(
      'credentials:list',
      {},
      {
        Authorization: `Bearer ${'0'.repeat(64)}`,
      },
    );
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toEqual({
      ok: false,
      error: { code: 'failed', message: 'Missing or wrong token.' },
    });
    const prefix = await invoke(
      'credentials:list',
      {},
      {
        Authorization: `Bearer ${bridge.token.slice(0, 63)}`,
      },
    );
    expect(prefix.status).toBe(401);
    expect(
      (await send(`/api/invoke/credentials:list?token=${bridge.token}`, { method: 'POST' })).status,
    ).toBe(401);
    expect((await send('/api/events')).status).toBe(401);
    expect((await send('/api/events?token=nope')).status).toBe(401);
    expect(engine.credentials.list).not.toHaveBeenCalled();
  });

  it('invokes a command and answers its Result as JSON', async () => {
    const reply = await invoke('inventory:list', {});
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: [DEVICE] });

    const encoded = await send('/api/invoke/settings%3Aget', { method: 'POST', headers: auth(), body: '{}' });
    expect(JSON.parse(encoded.body)).toEqual({ ok: true, value: SETTINGS });

    const empty = await send('/api/invoke/settings:get', { method: 'POST', headers: auth() });
    expect(JSON.parse(empty.body)).toEqual({ ok: true, value: SETTINGS });

    const invalid = await invoke('scan:start', { targets: [] });
    expect(invalid.status).toBe(200);
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('answers 404 for an unknown channel, 400 for malformed JSON, 413 above 1 MB', async () => {
    const unknown = await invoke('shell:exec', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await invoke('__proto__', {})).status).toBe(404);
    const malformed = await send('/api/invoke/settings:get', {
      method: 'POST',
      headers: auth(),
      body: '{oops',
    });
    expect(malformed.status).toBe(400);
    const huge = await send('/api/invoke/settings:set', {
      method: 'POST',
      headers: auth(),
      body: JSON.stringify({ language: 'fr', pad: 'x'.repeat(1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect((await send('/api/invoke/settings:get', { headers: auth() })).status).toBe(405);
  });

  it('refuses other Host headers (DNS rebinding) and foreign origins', async () => {
    for (const host of [
      'evil.example',
      `evil.example:${bridge.port}`,
      '127.0.0.1',
      `127.0.0.1:${bridge.port + 1}`,
    ]) {
      const reply = await send('/', { host });
      expect(reply.status, host).toBe(403);
    }
    const rebound = await invoke('settings:get', {}, { ...auth(), Host: `attacker.example:${bridge.port}` });
    expect(rebound.status).toBe(403);
    expect((await send('/', { host: `localhost:${bridge.port}` })).status).toBe(200);
    const foreign = await invoke('settings:get', {}, { ...auth(), Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const sameOrigin = await invoke(
      'settings:get',
      {},
      { ...auth(), Origin: `http://127.0.0.1:${bridge.port}` },
    );
    expect(sameOrigin.status).toBe(200);
  });

  it('serves the renderer with content types and the CSP, index.html for /', async () => {
    const index = await send('/');
    expect(index.status).toBe(200);
    expect(index.body).toBe('<!doctype html><title>Parc</title>');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect(index.headers['content-security-policy']).toContain("script-src 'self';");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    const js = await send('/assets/app.js');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toBe('console.log("parc")');
    expect((await send('/assets/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await send('/missing.js')).status).toBe(404);
    expect((await send('/assets')).status).toBe(404);
    const head = await send('/', { method: 'HEAD' });
    expect([head.status, head.body]).toEqual([200, '']);
    expect((await send('/', { method: 'DELETE' })).status).toBe(405);
  });

  it('refuses path traversal, plain or encoded', async () => {
    for (const path of [
      '/../package.json',
      '/assets/../../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/assets/..%2f..%2fpackage.json',
      '/%2e%2e%2fpackage.json',
      '/..%5cpackage.json',
      '/%252e%252e/package.json',
      '/index.html%00.js',
      '/%E0%A4%A',
    ]) {
      const reply = await send(path);
      expect(reply.status, path).toBe(404);
      expect(reply.body, path).not.toContain('outside-the-root');
    }
  });

  it('streams events over SSE, starting with the scan of a bridge invoke', async () => {
    const received: string[] = [];
    const stream = await new Promise<{ status: number; type: string | undefined; close: () => void }>(
      (resolve) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: bridge.port,
            path: `/api/events?token=${bridge.token}`,
            headers: { Host: `127.0.0.1:${bridge.port}` },
          },
          (res) => {
            res.setEncoding('utf8');
            res.on('data', (text: string) => received.push(text));
            resolve({
              status: res.statusCode ?? 0,
              type: res.headers['content-type'],
              close: () => req.destroy(),
            });
          },
        );
        req.end();
      },
    );
    expect(stream.status).toBe(200);
    expect(stream.type).toBe('text/event-stream; charset=utf-8');

    expect(JSON.parse((await invoke('scan:start', { targets: ['10.0.0.0/30'] })).body)).toEqual({
      ok: true,
      value: { scanId: 42 },
    });
    const progress = {
      scanId: 42,
      phase: 'addresses' as const,
      done: 1,
      total: 4,
      found: 0,
      current: '10.0.0.1',
    };
    scan.callbacks?.onProgress?.(progress);
    scan.finish();
    await vi.waitFor(() => expect(received.join('')).toContain('event: scan:finished'));
    const text = received.join('');
    expect(text).toContain(`event: scan:progress\ndata: ${JSON.stringify(progress)}\n\n`);
    expect(text).toContain(`event: scan:finished\ndata: ${JSON.stringify(SUMMARY)}\n\n`);
    stream.close();
  });

  it('logs nothing secret', () => {
    const logged = JSON.stringify(logger.error.mock.calls);
    expect(logged).not.toContain(bridge.token);
  });
});

describe('startBridge options', () => {
  it('uses a given token and port, refuses a short token, and closes cleanly with an open event stream', async () => {
    await expect(startBridge({ engine, rendererDir: root, token: 'short' })).rejects.toThrow(/at least 32/);
    const token = 'a'.repeat(64);
    const first = await startBridge({ engine, rendererDir: root, token });
    expect(first.token).toBe(token);
    const second = await startBridge({ engine, rendererDir: root, token, port: 0 });
    expect(second.port).not.toBe(first.port);
    await expect(startBridge({ engine, rendererDir: root, port: first.port })).rejects.toThrow(/EADDRINUSE/);

    const ended = new Promise<void>((resolve) => {
      httpRequest(
        {
          host: '127.0.0.1',
          port: first.port,
          path: `/api/events?token=${token}`,
          headers: { Host: `127.0.0.1:${first.port}` },
        },
        (res) => {
          res.resume();
          res.on('close', () => resolve());
          void first.close();
        },
      ).end();
    });
    await ended;
    await second.close();
  });
});
