/** `GET /api/export` of the loopback bridge over real sockets, with a fake engine. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBridge, type Bridge } from '../../../electron/bridge/server';
import { InputError } from '../../../electron/engine/errors';
import { localDay } from '../../../electron/ipc/export-names';
import { createFakeEngine } from '../main/fake-engine';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

let bridge: Bridge;
let root: string;
const { engine } = createFakeEngine();
const written: string[] = [];
const CSV = '\uFEFFType;IP\r\nprinter;10.0.0.7\r\n';

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: bridge.port,
        method,
        path,
        headers: { Host: `127.0.0.1:${bridge.port}`, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const download = (query: string) => get(`/api/export?${query}&token=${bridge.token}`);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'parc-bridge-export-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Parc</title>');
  bridge = await startBridge({ engine, rendererDir: root, logger: { error: vi.fn() } });
});

afterAll(async () => {
  await bridge.close();
  rmSync(root, { recursive: true, force: true });
});

beforeEach(() => {
  engine.exports.write.mockReset();
  engine.exports.write.mockImplementation(async (_format: string, path: string) => {
    written.push(path);
    writeFileSync(path, CSV);
    return { files: [path], devices: 1 };
  });
});

describe('GET /api/export', () => {
  it('streams the CSV as an attachment named by the day, then removes the temporary files', async () => {
    const reply = await download('format=csv');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(reply.headers['content-disposition']).toBe(
      `attachment; filename="parc-inventaire-${localDay(new Date())}.csv"`,
    );
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.body.toString('utf8')).toBe(CSV);
    const path = written.at(-1)!;
    expect(path.startsWith(tmpdir())).toBe(true);
    expect(engine.exports.write).toHaveBeenCalledExactlyOnceWith('csv', path, {});
    await vi.waitFor(() => expect(existsSync(dirname(path))).toBe(false));
  });

  it('passes the type filter and serves XLSX and JSON with their content types', async () => {
    const xlsx = await download('format=xlsx&type=printer&type=switch');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.headers['content-disposition']).toMatch(/filename="parc-inventaire-\d{4}-\d{2}-\d{2}\.xlsx"/);
    expect(engine.exports.write).toHaveBeenLastCalledWith('xlsx', expect.stringMatching(/\.xlsx$/), {
      types: ['printer', 'switch'],
    });
    const json = await download('format=json');
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('needs the token (query or bearer) and refuses a wrong one', async () => {
    expect((await get('/api/export?format=csv')).status).toBe(401);
    expect((await get(`/api/export?format=csv&token=${'0'.repeat(64)}`)).status).toBe(401);
    expect((await get('/api/export?format=csv', { Authorization: `Bearer ${bridge.token}` })).status).toBe(
      200,
    );
    expect(engine.exports.write).toHaveBeenCalledOnce();
  });

  it('keeps the Host and Origin guards', async () => {
    const path = `/api/export?format=csv&token=${bridge.token}`;
    expect((await get(path, { Host: `evil.example:${bridge.port}` })).status).toBe(403);
    expect((await get(path, { Origin: 'http://evil.example' })).status).toBe(403);
    expect(engine.exports.write).not.toHaveBeenCalled();
  });

  it('refuses GLPI and split CSV (folders: a zip would need a dependency), and bad formats or types', async () => {
    for (const query of [
      'format=glpi',
      'format=csv&split=true',
      'format=pdf',
      'format=csv&type=toaster',
      '',
    ]) {
      const reply = await download(query);
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body.toString())).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    expect(engine.exports.write).not.toHaveBeenCalled();
  });

  it('answers a JSON failure and leaves no temporary folder when the engine fails', async () => {
    let path = '';
    engine.exports.write.mockImplementationOnce(async (_f: string, p: string) => {
      path = p;
      throw new InputError('nothing to export');
    });
    const refused = await download('format=csv');
    expect(refused.status).toBe(400);
    expect(existsSync(dirname(path))).toBe(false);
    engine.exports.write.mockImplementationOnce(async (_f: string, p: string) => {
      path = p;
      throw new Error('disk full');
    });
    const failed = await download('format=csv');
    expect(failed.status).toBe(500);
    expect(JSON.parse(failed.body.toString())).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(existsSync(dirname(path))).toBe(false);
  });

  it('accepts GET only', async () => {
    expect((await get(`/api/export?format=csv&token=${bridge.token}`, {}, 'POST')).status).toBe(405);
  });
});
