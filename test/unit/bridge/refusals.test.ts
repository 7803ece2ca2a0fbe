/**
 * Issue 9 part 6: the loopback bridge refuses strangers. What `server.test.ts` does not already
 * cover: Host headers a rebinding attacker could try (trailing dot, userinfo, IPv6, another
 * loopback address, none at all), Origins that only look like ours (`null`, another scheme,
 * port or suffix), a CORS preflight, and the same refusals on the event stream and the export
 * download — each refused before the engine is reached, and no CORS header ever granted.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBridge, type Bridge } from '../../../electron/bridge/server';
import { rawRequest, type RawRequest } from '../../helpers/raw-http';
import { createFakeEngine } from '../main/fake-engine';

let bridge: Bridge;
let root: string;
const { engine } = createFakeEngine();

/** A raw HTTP request to the bridge (see test/helpers/raw-http.ts). */
const send = (path: string, options?: RawRequest) => rawRequest(bridge.port, path, options);

/** Raw bytes over TCP, for a request without any Host header (HTTP/1.0), answered then closed. */
function sendRaw(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: bridge.port });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString()));
    socket.on('error', reject);
    socket.write(text);
  });
}

const withToken = (extra: Record<string, string> = {}) => ({
  Authorization: `Bearer ${bridge.token}`,
  'Content-Type': 'application/json',
  ...extra,
});
const listCredentials = (headers: Record<string, string>) =>
  send('/api/invoke/credentials:list', { method: 'POST', headers, body: '{}' });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'parc-bridge-refusals-'));
  mkdirSync(join(root, 'renderer'));
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>Parc</title>');
  bridge = await startBridge({ engine, rendererDir: join(root, 'renderer'), logger: { error: vi.fn() } });
});

afterAll(async () => {
  await bridge.close();
  rmSync(root, { recursive: true, force: true });
});

beforeEach(() => engine.credentials.list.mockClear());

describe('the bridge refuses', () => {
  it('Host headers that are not exactly 127.0.0.1:PORT or localhost:PORT, even with the token', async () => {
    const port = bridge.port;
    for (const host of [
      `evil.example:${port}`,
      `localhost.:${port}`,
      `127.0.0.1.:${port}`,
      `127.0.0.2:${port}`,
      `[::1]:${port}`,
      `0.0.0.0:${port}`,
      `2130706433:${port}`, // 127.0.0.1 as one number
      `evil.example@127.0.0.1:${port}`,
      `127.0.0.1:${port}.evil.example`,
      `127.0.0.1:${port} evil.example`,
      `localhost`,
    ]) {
      const reply = await listCredentials(withToken({ Host: host }));
      expect(reply.status, host).toBe(403);
      expect(reply.body, host).toBe('Forbidden host');
    }
    expect(engine.credentials.list).not.toHaveBeenCalled();
    // Hosts are case-insensitive: the right one in capitals passes.
    expect((await listCredentials(withToken({ Host: `LOCALHOST:${port}` }))).status).toBe(200);
  });

  it('a request without any Host header (HTTP/1.0), or with an empty one', async () => {
    // node:http's client fills in an empty Host: these go as raw bytes.
    for (const host of ['', 'Host: \r\n']) {
      const answer = await sendRaw(
        `POST /api/invoke/credentials:list HTTP/1.0\r\n${host}Authorization: Bearer ${bridge.token}\r\nContent-Length: 2\r\n\r\n{}`,
      );
      expect(answer.split('\r\n')[0], JSON.stringify(host)).toMatch(/^HTTP\/1\.[01] (400|403) /);
    }
    expect(engine.credentials.list).not.toHaveBeenCalled();
  });

  it('Origins that only look like its own, with the token', async () => {
    const port = bridge.port;
    for (const origin of [
      'null', // sandboxed iframe, file:// page, data: URL
      `https://127.0.0.1:${port}`,
      `http://127.0.0.1:${port + 1}`,
      `http://127.0.0.2:${port}`,
      `http://127.0.0.1:${port}.evil.example`,
      `http://localhost.:${port}`,
      `http://evil.example`,
      `file://`,
      '',
    ]) {
      const reply = await listCredentials(withToken({ Origin: origin }));
      expect(reply.status, origin).toBe(403);
      expect(reply.body, origin).toBe('Forbidden origin');
    }
    expect(engine.credentials.list).not.toHaveBeenCalled();
  });

  it('a CORS preflight from another origin, and never grants CORS', async () => {
    const preflight = await send('/api/invoke/credentials:list', {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://evil.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(403);
    const same = await listCredentials(withToken({ Origin: `http://127.0.0.1:${bridge.port}` }));
    expect(same.status).toBe(200);
    for (const reply of [preflight, same]) {
      const granted = Object.keys(reply.headers).filter((name) => name.startsWith('access-control-'));
      expect(granted).toEqual([]);
    }
  });

  it('the event stream and the export download from another Host or Origin, token in the query or not', async () => {
    const port = bridge.port;
    const paths = [`/api/events?token=${bridge.token}`, `/api/export?format=csv&token=${bridge.token}`];
    for (const path of paths) {
      expect((await send(path, { headers: { Host: `evil.example:${port}` } })).status, path).toBe(403);
      expect((await send(path, { headers: { Origin: 'http://evil.example' } })).status, path).toBe(403);
    }
    expect(engine.exports.write).not.toHaveBeenCalled();
  });

  it('a token in the query for a command, a token of another case, in a cookie or in Basic', async () => {
    const upper = bridge.token.toUpperCase();
    expect(upper).not.toBe(bridge.token);
    const attempts: Record<string, string>[] = [
      { Authorization: `Bearer ${upper}` },
      { Authorization: `Basic ${Buffer.from(`parc:${bridge.token}`).toString('base64')}` },
      { Authorization: `Token ${bridge.token}` },
      { Cookie: `token=${bridge.token}` },
      { Authorization: `Bearer ${bridge.token}x` },
    ];
    for (const headers of attempts) {
      expect((await listCredentials(headers)).status, JSON.stringify(headers)).toBe(401);
    }
    const query = await send(`/api/invoke/credentials:list?token=${bridge.token}`, {
      method: 'POST',
      body: '{}',
    });
    expect(query.status).toBe(401);
    expect(engine.credentials.list).not.toHaveBeenCalled();
  });
});
