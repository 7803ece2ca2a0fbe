/**
 * Delivers one outbox entry to the regional hub: an HTTPS POST (RFC 9110) of the gzip'd JSON
 * document, with the school's bearer token (RFC 6750), the report id as `Idempotency-Key`
 * (draft-ietf-httpapi-idempotency-key-header) and an HMAC-SHA256 signature (RFC 2104) of the
 * body. TLS is always verified; the HTTP(S) proxy of the settings or of the environment is used.
 * The token and the secret never appear in a returned error.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import tls from 'node:tls';
import { gzipSync } from 'node:zlib';
import { HttpsProxyAgent } from 'https-proxy-agent';

/** What the sender needs of an outbox entry: an opaque document with its id. */
export interface OutgoingDocument {
  /** UUID, sent as the Idempotency-Key. */
  id: string;
  body: unknown;
}

/** The result of one attempt. */
export type SendOutcome =
  /** The hub answered 2xx: `answer` is its body (raw text). */
  | { kind: 'sent'; status: number; answer: string }
  /** Try again later: 408, 429, 5xx, network or TLS failure; `retryAfterMs` from Retry-After. */
  | { kind: 'retry'; error: string; retryAfterMs?: number }
  /** The hub refused the document (another 4xx): `message` is its reason, at most 500 characters. */
  | { kind: 'rejected'; status: number; message: string };

/** One prepared POST, handed to the transport. */
export interface PostRequest {
  url: URL;
  headers: Record<string, string>;
  body: Buffer;
  timeoutMs: number;
  /** Trusted CAs (PEM), when the system store is extended with a configured bundle. */
  ca?: string[];
  /** The proxy agent, when the hub is reached through a proxy. */
  agent?: http.Agent;
}

/** What the transport returns: status, headers (lower-case names) and the body (first 64 KiB). */
export interface PostResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends a prepared POST; rejects on network and TLS errors (with Node's `code`). */
export type PostImpl = (request: PostRequest) => Promise<PostResponse>;

/** How a document travels, whatever the destination (the hub, a GLPI server). */
export interface TransportOptions {
  /** A PEM bundle trusted besides the system store (Node's bundled Mozilla store). */
  caFile?: string | null;
  /** The proxy (`http://proxy:3128`); null or absent: HTTPS_PROXY / https_proxy. */
  proxyUrl?: string | null;
  /** Whole attempt deadline, milliseconds. */
  timeoutMs: number;
  /** Environment for the proxy variables (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Epoch milliseconds, to read a Retry-After date (default Date.now). */
  nowMs?: () => number;
  /** The transport (default: node:http/node:https). */
  fetchImpl?: PostImpl;
}

/**
 * The TLS trust and proxy agent of one POST to `url`: the system store plus `caFile`, and the
 * proxy `proxyFor` chooses. @returns them, or why not (unreadable CA file, bad proxy address).
 */
export function transportFor(
  url: URL,
  options: TransportOptions,
): { ca?: string[]; agent?: http.Agent; proxyPassword: string | null } | { error: string } {
  let ca: string[] | undefined;
  if (options.caFile) {
    try {
      ca = [...tls.rootCertificates, readFileSync(options.caFile, 'utf8')];
    } catch (error) {
      return { error: `Cannot read the CA file ${options.caFile}: ${(error as Error).message}` };
    }
  }
  const proxy = proxyFor(url, options.proxyUrl, options.env ?? process.env);
  if (!proxy) return { ca, proxyPassword: null };
  try {
    return {
      ca,
      agent: new HttpsProxyAgent(proxy, { keepAlive: false }),
      proxyPassword: decodeURIComponent(new URL(proxy).password) || null,
    };
  } catch {
    return { error: 'The proxy address is not a valid URL.' };
  }
}

export interface SendOptions extends TransportOptions {
  /** The hub's reports address: `https://…`, or `http://` on a loopback address only. */
  hubUrl: string;
  token: string;
  secret: string;
}

/** The longest hub message kept, characters. */
export const MAX_HUB_MESSAGE = 500;
/** The longest answer read from the hub, bytes. */
const MAX_ANSWER_BYTES = 64 * 1024;
/** The longest Retry-After honoured, milliseconds (a day). */
const MAX_RETRY_AFTER_MS = 24 * 3600_000;

/** Whether `hostname` (as URL.hostname gives it) is a loopback host: 127.0.0.0/8, ::1, localhost. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/**
 * Checks a hub address: https, or http on a loopback host (the reference hub in tests); no
 * user name or password in it (the token goes in a header).
 * @returns the parsed URL. @throws Error with a sentence for people.
 */
export function checkHubUrl(hubUrl: string): URL {
  let url: URL;
  try {
    url = new URL(hubUrl);
  } catch {
    throw new Error(`The hub address "${hubUrl.slice(0, 200)}" is not a valid URL.`);
  }
  if (url.username || url.password) {
    throw new Error('The hub address must not hold a user name or password: the token is set apart.');
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  if (url.protocol === 'http:') {
    throw new Error(
      `The hub address ${url.origin} uses plain http: reports only go over https (http is allowed on 127.0.0.1 only).`,
    );
  }
  throw new Error(`The hub address ${url.origin} is not an https address.`);
}

/** Whether NO_PROXY (comma or space separated; `*`, `host`, `.domain`, `host:port`) exempts `url`. */
export function noProxyMatches(url: URL, noProxy: string | undefined): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return (noProxy ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((raw) => {
      const entry = raw.toLowerCase();
      if (entry === '*') return true;
      const m = /^(.*?)(?::(\d+))?$/.exec(entry.replace(/^\[|\](?=:|$)/g, ''));
      const name = (m?.[1] ?? '').replace(/^\*?\./, '');
      if (m?.[2] && m[2] !== port) return false;
      return name !== '' && (host === name || host.endsWith('.' + name));
    });
}

/**
 * The proxy to reach `url`: none for loopback hosts or when NO_PROXY exempts it; else the
 * configured one, else HTTPS_PROXY / https_proxy (http_proxy for an http target).
 */
export function proxyFor(
  url: URL,
  proxyUrl: string | null | undefined,
  env: NodeJS.ProcessEnv,
): string | null {
  if (isLoopbackHost(url.hostname)) return null;
  if (noProxyMatches(url, env.NO_PROXY ?? env.no_proxy)) return null;
  if (proxyUrl) return proxyUrl;
  const fromEnv =
    url.protocol === 'https:' ? (env.HTTPS_PROXY ?? env.https_proxy) : (env.HTTP_PROXY ?? env.http_proxy);
  return fromEnv?.trim() || null;
}

/**
 * Reads a Retry-After value (RFC 9110 §10.2.3): delay-seconds or an HTTP date.
 * @returns milliseconds from `nowMs` (0 for a past date, at most a day), or undefined if unreadable.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(0, at - nowMs), MAX_RETRY_AFTER_MS);
}

/**
 * Replaces every occurrence of the given secrets (and a proxy password) in `text` by `[redacted]`:
 * applied to everything the sender returns, even what the hub or a library wrote.
 */
export function scrub(text: string, secrets: readonly (string | null | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** The signature header value: `sha256=` + hex HMAC-SHA256 of `bytes` with `secret` (RFC 2104). */
export function signBody(bytes: Buffer, secret: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(bytes).digest('hex');
}

/** Messages for people, by Node / OpenSSL error code (TLS first: they are what a referent meets). */
const NETWORK_ERRORS: Readonly<Record<string, string>> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    "the hub's TLS certificate is signed by an unknown authority: set hubCaFile to the hub's CA bundle (verification is never turned off)",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    "the hub's TLS certificate is signed by an unknown authority: set hubCaFile to the hub's CA bundle (verification is never turned off)",
  SELF_SIGNED_CERT_IN_CHAIN:
    "the hub's TLS certificate chain ends in an untrusted authority: set hubCaFile to the hub's CA bundle (verification is never turned off)",
  DEPTH_ZERO_SELF_SIGNED_CERT:
    "the hub's TLS certificate is self-signed: set hubCaFile to it (verification is never turned off)",
  CERT_HAS_EXPIRED: "the hub's TLS certificate has expired",
  CERT_NOT_YET_VALID: "the hub's TLS certificate is not valid yet (check this PC's clock)",
  ERR_TLS_CERT_ALTNAME_INVALID: "the hub's TLS certificate is for another host name",
  ECONNREFUSED: 'the hub refused the connection (is it running? is the port right?)',
  ECONNRESET: 'the connection to the hub was cut before its answer',
  EPIPE: 'the connection to the hub was cut while sending',
  ETIMEDOUT: 'no answer from the hub in time',
  ENOTFOUND: "the hub's host name could not be resolved (DNS or proxy settings)",
  EAI_AGAIN: "the hub's host name could not be resolved for now (DNS)",
  EHOSTUNREACH: 'the hub cannot be reached (network down?)',
  ENETUNREACH: 'the network is unreachable (network down?)',
};

/** A sentence for a failed request, from its error code. */
export function describeNetworkError(error: unknown, origin: string): string {
  const code = (error as { code?: string } | null)?.code;
  const known = code ? NETWORK_ERRORS[code] : undefined;
  if (known) return `${origin}: ${known} (${code})`;
  const message = error instanceof Error ? error.message : String(error);
  return `${origin}: ${message}${code ? ` (${code})` : ''}`;
}

/** The hub's reason from a JSON `{error|message, issues?}` or text body, for people. */
function hubMessage(body: string, status: number): string {
  let text = body.trim();
  try {
    const json = JSON.parse(body) as { error?: unknown; message?: unknown; issues?: unknown };
    const reason =
      typeof json.error === 'string' ? json.error : typeof json.message === 'string' ? json.message : null;
    if (reason !== null)
      text = json.issues !== undefined ? `${reason} ${JSON.stringify(json.issues)}` : reason;
  } catch {
    // Not JSON: the text as it came.
  }
  return `HTTP ${status}: ${text || http.STATUS_CODES[status] || 'no reason given'}`.slice(
    0,
    MAX_HUB_MESSAGE,
  );
}

/** The default transport: node:http / node:https, one connection per request, bounded answer. */
export const nodePost: PostImpl = (request) =>
  new Promise((resolve, reject) => {
    const client = request.url.protocol === 'https:' ? https : http;
    const req = client.request(
      request.url,
      {
        method: 'POST',
        headers: { ...request.headers, 'Content-Length': String(request.body.length) },
        // No keep-alive: each attempt stands alone (and a stopped hub is seen at once).
        agent: request.agent ?? false,
        ...(request.ca ? { ca: request.ca } : {}),
        rejectUnauthorized: true,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < MAX_ANSWER_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () => {
          clearTimeout(timer);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString('utf8'),
          });
        });
        res.on('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
      },
    );
    const timer = setTimeout(
      () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
      request.timeoutMs,
    );
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(request.body);
  });

/**
 * The bytes sent for a document: the UTF-8 JSON of `body`, gzip'd (RFC 1952). The signature
 * covers exactly these bytes, the HTTP message body as sent (Content-Encoding: gzip, no other
 * transfer coding): the hub checks it before gunzipping.
 */
export function encodeBody(body: unknown): Buffer {
  return gzipSync(Buffer.from(JSON.stringify(body), 'utf8'));
}

/**
 * Sends one report to the hub, once (no retry here: the outbox schedules them).
 * Headers: `Content-Type: application/json`, `Content-Encoding: gzip`, `Authorization: Bearer
 * <token>`, `Idempotency-Key: <id>`, `X-Parc-Signature: sha256=<hex HMAC-SHA256 of the gzip
 * body with the secret>`.
 * @returns `sent` on 2xx; `retry` on 408, 429, 5xx, network, TLS or configuration errors (the
 * report stays pending; Retry-After is honoured); `rejected` on any other 4xx with the hub's message.
 * Never throws; no returned text holds the token or the secret.
 */
export async function sendReport(entry: OutgoingDocument, options: SendOptions): Promise<SendOutcome> {
  const secrets = [options.token, options.secret];
  const fail = (error: string): SendOutcome => ({ kind: 'retry', error: scrub(error, secrets) });
  let url: URL;
  try {
    url = checkHubUrl(options.hubUrl);
  } catch (error) {
    return fail((error as Error).message);
  }
  if (!options.token || !options.secret) return fail('The hub token or signing secret is not set.');

  const transport = transportFor(url, options);
  if ('error' in transport) return fail(transport.error);
  const { ca, agent, proxyPassword } = transport;

  const body = encodeBody(entry.body);
  const request: PostRequest = {
    url,
    body,
    timeoutMs: options.timeoutMs,
    ca,
    agent,
    headers: {
      'Content-Type': 'application/json',
      'Content-Encoding': 'gzip',
      Accept: 'application/json',
      Authorization: `Bearer ${options.token}`,
      'Idempotency-Key': entry.id,
      'X-Parc-Signature': signBody(body, options.secret),
    },
  };

  let response: PostResponse;
  try {
    response = await (options.fetchImpl ?? nodePost)(request);
  } catch (error) {
    return {
      kind: 'retry',
      error: scrub(describeNetworkError(error, url.origin), [...secrets, proxyPassword]),
    };
  } finally {
    agent?.destroy();
  }

  const { status } = response;
  if (status >= 200 && status < 300) return { kind: 'sent', status, answer: scrub(response.body, secrets) };
  if (status === 408 || status === 429 || status >= 500 || status < 200) {
    const retryAfter = response.headers['retry-after'];
    const retryAfterMs = parseRetryAfter(
      Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
      (options.nowMs ?? Date.now)(),
    );
    return {
      kind: 'retry',
      error: scrub(`${url.origin}: ${hubMessage(response.body, status)}`, secrets),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  }
  // 3xx are not followed (a POST must not be replayed elsewhere with the token): a refusal.
  return { kind: 'rejected', status, message: scrub(hubMessage(response.body, status), secrets) };
}
