import { schoolsFromEnv } from '../../../electron/engine/hub';
import { createHmac } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  checkHubUrl,
  noProxyMatches,
  parseRetryAfter,
  proxyFor,
  sendReport,
  type PostRequest,
  type PostResponse,
} from '../../../electron/engine/reports/sender';
import { SECRET, TOKEN } from './fixtures';

const HUB = 'https://hub.example.invalid/api/reports';
const NOW = Date.parse('2026-03-02T07:30:00.000Z');

/** A transport that records the request and answers `response` (or throws `error`). */
function fake(response: Partial<PostResponse> | Error) {
  const requests: PostRequest[] = [];
  const fetchImpl = async (request: PostRequest): Promise<PostResponse> => {
    requests.push(request);
    if (response instanceof Error) throw response;
    return { status: 200, headers: {}, body: '', ...response };
  };
  return { requests, fetchImpl };
}

const options = (fetchImpl: ReturnType<typeof fake>['fetchImpl'], more = {}) => ({
  hubUrl: HUB,
  token: TOKEN,
  secret: SECRET,
  timeoutMs: 1000,
  env: {},
  nowMs: () => NOW,
  fetchImpl,
  ...more,
});

describe('sendReport', () => {
  it('POSTs the gzip JSON with bearer token, idempotency key and the HMAC of the gzip bytes', async () => {
    const f = fake({ status: 201, body: '{"id":"r1"}' });
    const outcome = await sendReport({ id: 'r1', body: { hello: 'été' } }, options(f.fetchImpl));
    expect(outcome).toEqual({ kind: 'sent', status: 201, answer: '{"id":"r1"}' });
    const [request] = f.requests;
    expect(request.url.href).toBe(HUB);
    expect(JSON.parse(gunzipSync(request.body).toString('utf8'))).toEqual({ hello: 'été' });
    expect(request.headers).toMatchObject({
      'Content-Type': 'application/json',
      'Content-Encoding': 'gzip',
      Authorization: `Bearer ${TOKEN}`,
      'Idempotency-Key': 'r1',
      'X-Parc-Signature': 'sha256=' + createHmac('sha256', SECRET).update(request.body).digest('hex'),
    });
    expect(request.agent).toBeUndefined();
    expect(request.ca).toBeUndefined();
  });

  it.each([
    [500, {}, { kind: 'retry' }],
    [503, { 'retry-after': '30' }, { kind: 'retry', retryAfterMs: 30_000 }],
    [429, { 'retry-after': 'Mon, 02 Mar 2026 07:32:00 GMT' }, { kind: 'retry', retryAfterMs: 120_000 }],
    [408, {}, { kind: 'retry' }],
    [401, {}, { kind: 'rejected', status: 401 }],
    [302, {}, { kind: 'rejected', status: 302 }],
  ])('HTTP %d → %j', async (status, headers, expected) => {
    const f = fake({ status, headers, body: '{"error":"nope"}' });
    const outcome = await sendReport({ id: 'r1', body: {} }, options(f.fetchImpl));
    expect(outcome).toMatchObject(expected);
    if (outcome.kind === 'rejected') expect(outcome.message).toBe(`HTTP ${status}: nope`);
    if (outcome.kind === 'retry')
      expect(outcome.error).toBe(`https://hub.example.invalid: HTTP ${status}: nope`);
  });

  it("truncates the hub's message to 500 characters and removes the secrets it echoes", async () => {
    const f = fake({
      status: 400,
      body: JSON.stringify({ error: `bad ${TOKEN} ${SECRET} ` + 'y'.repeat(900) }),
    });
    const outcome = await sendReport({ id: 'r1', body: {} }, options(f.fetchImpl));
    expect(outcome.kind).toBe('rejected');
    const message = (outcome as { message: string }).message;
    expect(message.length).toBeLessThanOrEqual(500);
    expect(message.startsWith('HTTP 400: bad [redacted] [redacted] yyy')).toBe(true);
  });

  it('turns network errors into retries with a sentence', async () => {
    const f = fake(Object.assign(new Error(`connect ECONNREFUSED ${TOKEN}`), { code: 'ECONNREFUSED' }));
    expect(await sendReport({ id: 'r1', body: {} }, options(f.fetchImpl))).toEqual({
      kind: 'retry',
      error:
        'https://hub.example.invalid: the hub refused the connection (is it running? is the port right?) (ECONNREFUSED)',
    });
  });

  it('refuses plain http outside loopback before any network use', async () => {
    const f = fake({ status: 201 });
    const outcome = await sendReport(
      { id: 'r1', body: {} },
      options(f.fetchImpl, { hubUrl: 'http://hub.example.invalid/api/reports' }),
    );
    expect(outcome).toEqual({
      kind: 'retry',
      error:
        'The hub address http://hub.example.invalid uses plain http: reports only go over https (http is allowed on 127.0.0.1 only).',
    });
    expect(f.requests).toHaveLength(0);
  });

  it('uses the proxy of the settings, else HTTPS_PROXY, never for loopback', async () => {
    const f = fake({ status: 201 });
    await sendReport(
      { id: 'r1', body: {} },
      options(f.fetchImpl, { proxyUrl: 'http://proxy.example.invalid:3128' }),
    );
    expect(f.requests[0].agent?.constructor.name).toBe('HttpsProxyAgent');
    await sendReport(
      { id: 'r1', body: {} },
      options(f.fetchImpl, {
        hubUrl: 'http://127.0.0.1:9/api/reports',
        proxyUrl: 'http://proxy.example.invalid:3128',
      }),
    );
    expect(f.requests[1].agent).toBeUndefined();
  });
});

describe('checkHubUrl, proxyFor, NO_PROXY, Retry-After', () => {
  it.each([
    ['https://hub.example.invalid/r', null],
    ['http://127.0.0.1:8787/api/reports', null],
    ['http://[::1]:8787/api/reports', null],
    ['http://localhost:8787/api/reports', null],
    ['http://10.0.0.1/api/reports', /plain http/],
    ['ftp://hub.example.invalid/', /not an https address/],
    ['https://user:pw@hub.example.invalid/', /user name or password/],
    ['not a url', /not a valid URL/],
  ])('checkHubUrl(%s)', (url, error) => {
    if (error) expect(() => checkHubUrl(url)).toThrow(error);
    else expect(checkHubUrl(url).href).toBe(new URL(url).href);
  });

  it.each([
    ['https://hub.region.fr/r', 'localhost,.region.fr', true],
    ['https://hub.region.fr/r', 'region.fr', true],
    ['https://hubregion.fr/r', 'region.fr', false],
    ['https://hub.region.fr/r', 'hub.region.fr:8443', false],
    ['https://hub.region.fr:8443/r', 'hub.region.fr:8443', true],
    ['https://hub.region.fr/r', '*', true],
    ['https://hub.region.fr/r', '', false],
  ])('NO_PROXY: %s with %j → %s', (url, noProxy, expected) => {
    expect(noProxyMatches(new URL(url), noProxy)).toBe(expected);
  });

  it('proxyFor: settings first, then HTTPS_PROXY or https_proxy; NO_PROXY and loopback exempt', () => {
    const hub = new URL('https://hub.region.fr/r');
    expect(proxyFor(hub, 'http://p1:3128', { HTTPS_PROXY: 'http://p2:3128' })).toBe('http://p1:3128');
    expect(proxyFor(hub, null, { HTTPS_PROXY: 'http://p2:3128' })).toBe('http://p2:3128');
    expect(proxyFor(hub, null, { https_proxy: 'http://p3:3128' })).toBe('http://p3:3128');
    expect(proxyFor(hub, 'http://p1:3128', { NO_PROXY: '.region.fr' })).toBeNull();
    expect(proxyFor(new URL('https://127.0.0.1:8443/r'), 'http://p1:3128', {})).toBeNull();
    expect(proxyFor(hub, null, {})).toBeNull();
  });

  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Mon, 02 Mar 2026 07:31:00 GMT', 60_000],
    ['Mon, 02 Mar 2026 07:00:00 GMT', 0],
    ['soon', undefined],
    ['99999999', 86_400_000],
  ])('Retry-After %j → %s ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe('the reference hub reading its school from the environment', () => {
  it('says in one sentence why a token or secret does not fit', () => {
    expect(() => schoolsFromEnv({ PARC_HUB_TOKEN: 'short', PARC_HUB_SECRET: 'x' })).toThrow(
      /^PARC_HUB_TOKEN and PARC_HUB_SECRET do not fit: token: .*; secret: .*\.$/,
    );
    expect(schoolsFromEnv({})).toEqual([]);
  });
});
