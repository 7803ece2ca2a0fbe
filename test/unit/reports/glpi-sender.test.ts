import { describe, expect, it } from 'vitest';
import {
  glpiAgentId,
  glpiAuthorization,
  glpiInventoryEndpoint,
  readGlpiAnswer,
  sendGlpiInventory,
} from '../../../electron/engine/reports/glpi-sender';
import type { PostRequest, PostResponse } from '../../../electron/engine/reports/sender';

const GLPI = 'https://glpi.example.invalid/';
const NOW = Date.parse('2026-03-02T07:30:00.000Z');
const TOKEN = 'parc-glpi:pw-9c41e7aa-0042';
const ENTRY = {
  id: '3f2a9c1e-0b7d-4c55-8e21-aa0042bb0042',
  body: {
    action: 'netinventory',
    deviceid: 'IMP-B12-SN1-2026-03-02-08-15-00',
    itemtype: 'Printer',
    content: { versionclient: 'Parc_v0.1.0', network_device: { type: 'Printer', name: 'IMP-B12' } },
  },
};

/** A transport that records the request and answers `response` (or throws `error`). */
function fake(response: Partial<PostResponse> | Error) {
  const requests: PostRequest[] = [];
  const fetchImpl = async (request: PostRequest): Promise<PostResponse> => {
    requests.push(request);
    if (response instanceof Error) throw response;
    return { status: 200, headers: {}, body: '{"expiration":24,"status":"ok"}', ...response };
  };
  return { requests, fetchImpl };
}

const options = (fetchImpl: ReturnType<typeof fake>['fetchImpl'], more = {}) => ({
  glpiUrl: GLPI,
  token: TOKEN,
  timeoutMs: 1000,
  env: {},
  nowMs: () => NOW,
  fetchImpl,
  ...more,
});

describe('glpiInventoryEndpoint', () => {
  it.each([
    ['https://glpi.example.invalid', 'https://glpi.example.invalid/front/inventory.php'],
    ['https://glpi.example.invalid/', 'https://glpi.example.invalid/front/inventory.php'],
    ['https://lycee.example.invalid/glpi/', 'https://lycee.example.invalid/glpi/front/inventory.php'],
    ['https://lycee.example.invalid/glpi?x=1', 'https://lycee.example.invalid/glpi/front/inventory.php'],
    ['https://glpi.example.invalid/front/inventory.php', 'https://glpi.example.invalid/front/inventory.php'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080/front/inventory.php'],
  ])('%s → %s', (input, expected) => {
    expect(glpiInventoryEndpoint(input).href).toBe(expected);
  });

  it('refuses plain http off loopback and credentials in the address', () => {
    expect(() => glpiInventoryEndpoint('http://glpi.example.invalid/')).toThrow(/plain http/);
    expect(() => glpiInventoryEndpoint('https://u:p@glpi.example.invalid/')).toThrow(/user name or password/);
  });
});

describe('glpiAgentId and glpiAuthorization', () => {
  it('gives a stable RFC 9562 version 5 UUID per deviceid', () => {
    const a = glpiAgentId('IMP-B12-SN1-2026-03-02-08-15-00');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(glpiAgentId('IMP-B12-SN1-2026-03-02-08-15-00')).toBe(a);
    expect(glpiAgentId('SW-CDI-FOC1-2026-03-02-08-15-00')).not.toBe(a);
  });

  it('user:password is HTTP Basic (RFC 7617), anything else a Bearer token', () => {
    expect(glpiAuthorization('parc:mot de passe')).toEqual({
      header: 'Basic ' + Buffer.from('parc:mot de passe').toString('base64'),
      secrets: ['parc:mot de passe', Buffer.from('parc:mot de passe').toString('base64'), 'mot de passe'],
    });
    expect(glpiAuthorization('abcdef0123')).toEqual({ header: 'Bearer abcdef0123', secrets: ['abcdef0123'] });
  });

  it('reads GLPI answers, the legacy one too, and nothing else', () => {
    expect(readGlpiAnswer('{"expiration":24,"status":"ok"}')).toEqual({
      status: 'ok',
      message: undefined,
      response: undefined,
    });
    expect(readGlpiAnswer('{"RESPONSE":"SEND"}')?.response).toBe('SEND');
    expect(readGlpiAnswer('<html>')).toBeNull();
    expect(readGlpiAnswer('[]')).toBeNull();
  });
});

describe('sendGlpiInventory', () => {
  it('POSTs the plain JSON document to front/inventory.php with the GLPI agent headers', async () => {
    const f = fake({});
    const outcome = await sendGlpiInventory(ENTRY, options(f.fetchImpl));
    expect(outcome).toEqual({ kind: 'sent', status: 200, answer: '{"expiration":24,"status":"ok"}' });
    const [request] = f.requests;
    expect(request.url.href).toBe('https://glpi.example.invalid/front/inventory.php');
    expect(JSON.parse(request.body.toString('utf8'))).toEqual(ENTRY.body);
    expect(request.headers).toEqual({
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'GLPI-Agent-ID': glpiAgentId(ENTRY.body.deviceid),
      'GLPI-Request-ID': '3F2A9C1E',
      Pragma: 'no-cache',
      'User-Agent': 'Parc_v0.1.0',
      Authorization: 'Basic ' + Buffer.from(TOKEN).toString('base64'),
    });
    expect(request.agent).toBeUndefined();
  });

  it('sends no Authorization without a token (GLPI 10 default)', async () => {
    const f = fake({});
    await sendGlpiInventory(ENTRY, options(f.fetchImpl, { token: null }));
    expect(f.requests[0].headers.Authorization).toBeUndefined();
  });

  it('accepts the legacy {"RESPONSE":"SEND"} answer as sent', async () => {
    const f = fake({ body: '{"RESPONSE":"SEND"}' });
    expect((await sendGlpiInventory(ENTRY, options(f.fetchImpl))).kind).toBe('sent');
  });

  it.each([
    [
      400,
      '{"status":"error","message":"JSON does not validate. Violations: /content required","expiration":24}',
      {
        kind: 'rejected',
        status: 400,
        message: 'HTTP 400: JSON does not validate. Violations: /content required',
      },
    ],
    [
      401,
      '{"status":"error","message":"Authorization header required to send an inventory","expiration":24}',
      {
        kind: 'rejected',
        status: 401,
        message: 'HTTP 401: Authorization header required to send an inventory',
      },
    ],
    [
      200,
      '{"status":"error","message":"Inventory is disabled","expiration":24}',
      { kind: 'rejected', status: 200, message: 'HTTP 200: Inventory is disabled' },
    ],
    [
      200,
      '<!DOCTYPE html><html><title>GLPI - Authentification</title></html>',
      {
        kind: 'rejected',
        status: 200,
        message:
          "HTTP 200: the server answered a web page, not GLPI's inventory endpoint (check the GLPI address; the inventory is at …/front/inventory.php)",
      },
    ],
    [
      500,
      '{"status":"error","message":"SQL error","expiration":24}',
      { kind: 'retry', error: 'https://glpi.example.invalid: HTTP 500: SQL error' },
    ],
    [501, '{"status":"error","message":"Query \'x\' is not supported."}', { kind: 'retry' }],
  ])('HTTP %i %s → %o', async (status, body, expected) => {
    const f = fake({ status, body });
    expect(await sendGlpiInventory(ENTRY, options(f.fetchImpl))).toMatchObject(expected);
  });

  it('429 and 503 honour Retry-After', async () => {
    const f = fake({ status: 429, headers: { 'retry-after': '120' }, body: '' });
    expect(await sendGlpiInventory(ENTRY, options(f.fetchImpl))).toEqual({
      kind: 'retry',
      error: 'https://glpi.example.invalid: HTTP 429: no reason given',
      retryAfterMs: 120_000,
    });
    const g = fake({ status: 503, headers: { 'retry-after': new Date(NOW + 60_000).toUTCString() } });
    expect(await sendGlpiInventory(ENTRY, options(g.fetchImpl))).toMatchObject({
      kind: 'retry',
      retryAfterMs: 60_000,
    });
  });

  it('a redirect is not followed: rejected, saying where it went', async () => {
    const f = fake({
      status: 302,
      headers: { location: 'https://glpi.example.invalid/index.php' },
      body: '',
    });
    expect(await sendGlpiInventory(ENTRY, options(f.fetchImpl))).toEqual({
      kind: 'rejected',
      status: 302,
      message:
        'HTTP 302: redirected to https://glpi.example.invalid/index.php, not followed (check the GLPI address, https)',
    });
  });

  it('network and TLS failures are retried with a sentence', async () => {
    const f = fake(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    expect(await sendGlpiInventory(ENTRY, options(f.fetchImpl))).toEqual({
      kind: 'retry',
      error:
        'https://glpi.example.invalid: the GLPI server refused the connection (is it running? is the port right?) (ECONNREFUSED)',
    });
    const g = fake(Object.assign(new Error('unable to verify'), { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }));
    expect(await sendGlpiInventory(ENTRY, options(g.fetchImpl))).toMatchObject({
      kind: 'retry',
      error: expect.stringMatching(/unknown authority.*never turned off/),
    });
  });

  it('a bad address or CA file is a retried configuration error, nothing sent', async () => {
    const f = fake({});
    expect(
      await sendGlpiInventory(ENTRY, options(f.fetchImpl, { glpiUrl: 'http://glpi.example.invalid/' })),
    ).toMatchObject({ kind: 'retry', error: expect.stringMatching(/^The GLPI address .* plain http/) });
    expect(
      await sendGlpiInventory(ENTRY, options(f.fetchImpl, { caFile: '/nonexistent/ca.pem' })),
    ).toMatchObject({ kind: 'retry', error: expect.stringMatching(/Cannot read the CA file/) });
    expect(f.requests).toHaveLength(0);
  });

  it('uses the configured proxy for a remote server, never for loopback', async () => {
    const f = fake({});
    await sendGlpiInventory(ENTRY, options(f.fetchImpl, { proxyUrl: 'http://proxy.example.invalid:3128' }));
    expect(f.requests[0].agent).toBeDefined();
    await sendGlpiInventory(
      ENTRY,
      options(f.fetchImpl, { glpiUrl: 'http://127.0.0.1:9/', proxyUrl: 'http://proxy.example.invalid:3128' }),
    );
    expect(f.requests[1].agent).toBeUndefined();
  });

  it('never returns the token, its password or its Base64 form, whatever the server echoes', async () => {
    const basic = Buffer.from(TOKEN).toString('base64');
    const echo = `{"status":"error","message":"bad ${TOKEN} / ${basic} / pw-9c41e7aa-0042"}`;
    for (const status of [200, 401, 500]) {
      const f = fake({ status, body: echo });
      const text = JSON.stringify(await sendGlpiInventory(ENTRY, options(f.fetchImpl)));
      expect(text).toContain('[redacted]');
      expect(text).not.toContain('pw-9c41e7aa-0042');
      expect(text).not.toContain(basic);
    }
    const f = fake(new Error(`socket closed for ${TOKEN}`));
    expect(JSON.stringify(await sendGlpiInventory(ENTRY, options(f.fetchImpl)))).not.toContain(
      'pw-9c41e7aa-0042',
    );
  });
});
