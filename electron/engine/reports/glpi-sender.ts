/**
 * Delivers one outbox entry of kind `glpi` to a GLPI server's native inventory endpoint, the
 * way GLPI's own agent does (GLPI 10 and 11, no plugin needed). What was checked in the sources:
 *
 * - Endpoint: `front/inventory.php` under the GLPI address, by POST only (glpi-project/glpi
 *   `front/inventory.php`: any other method gets 405). GLPI 10's root also forwards agent POSTs,
 *   but the explicit path works on every version and behind the GlpiInventory plugin.
 * - Body: the native inventory JSON (glpi-project/inventory_format `inventory.schema.json`).
 *   GLPI reads the request's Content-Type (`AbstractRequest::handleContentType`):
 *   `application/json` plain, or `application/x-compress-zlib` / `application/x-compress-gzip`
 *   (also `x-zlib`, `x-gzip`, `x-compress-deflate`, `x-br`) compressed; and it compresses its
 *   answer the same way (`getResponse`). The shared transport (`nodePost`) reads answers as
 *   text, so Parc sends plain `application/json`: one device's document is 1 to 3 KB.
 * - Headers: `GLPI-Agent-ID` (a UUID; `Headers\Common` lists it as required, and only with it
 *   does `Request::inventory` answer JSON `{"expiration":24,"status":"ok"}` instead of the legacy
 *   `{"RESPONSE":"SEND"}`), `GLPI-Request-ID` (8 upper-case hex digits, for the server's logs),
 *   `Pragma: no-cache` as glpi-agent `HTTP/Client/GLPI.pm` sends.
 * - Answers: success `{"status":"ok","expiration":<hours>}`; failure `{"status":"error",
 *   "message":"…","expiration":24}` with HTTP 400 ("JSON does not validate…"), 500 (other
 *   inventory errors), 501 (unsupported action) or 405 (`AbstractRequest::addError`).
 * - Authentication: GLPI 10.0 accepts agents without credentials by default; when the server
 *   (or its web server) asks for HTTP Basic credentials, glpi-agent's `user` / `password`
 *   options answer it. Parc's `glpiToken` secret is either `user:password` (sent as Basic,
 *   RFC 7617) or an access token (sent as Bearer, RFC 6750: e.g. one issued to a GLPI 11 OAuth
 *   client, or required by a reverse proxy). GLPI 11's OAuth client-credentials exchange itself
 *   is not done here.
 *
 * Outcomes follow `sendReport`'s rules: 2xx with GLPI's success answer → sent; 408, 429, 5xx,
 * network or TLS failure → retry (Retry-After honoured); any other answer → rejected with
 * GLPI's message. GLPI has no idempotency key: a document resent after a cut connection updates
 * the same asset (GLPI matches it by its import rules and the same `deviceid`), so a repeat is
 * harmless. The token never appears in a returned text.
 */
import { createHash } from 'node:crypto';
import {
  MAX_HUB_MESSAGE,
  checkHubUrl,
  describeNetworkError,
  nodePost,
  parseRetryAfter,
  transportFor,
  scrub,
  type OutgoingDocument,
  type TransportOptions,
  type PostRequest,
  type PostResponse,
  type SendOutcome,
} from './sender';

/** Where and how to reach the GLPI server. */
export interface GlpiSendOptions extends TransportOptions {
  /** The GLPI address (`https://glpi.example.fr/` or `…/front/inventory.php`); http on loopback only. */
  glpiUrl: string;
  /** `user:password` (HTTP Basic) or a token (Bearer); absent or null: no credentials. */
  token?: string | null;
}

/** The path of GLPI's native inventory endpoint, relative to the GLPI address. */
export const GLPI_INVENTORY_PATH = 'front/inventory.php';

/** Parc's namespace for the name-based agent UUIDs (a fixed random UUID). */
const AGENT_ID_NAMESPACE = '2b8f3c61-5a4e-4d0b-9e7a-6c1f0d3e8a52';

/**
 * The inventory endpoint of a GLPI address: the address itself when it already names a `.php`
 * script, else `<address>/front/inventory.php` (GLPI installed under `/glpi/` included).
 * Query and fragment are dropped.
 * @throws Error with a sentence for people (not a URL, user name in it, plain http off loopback).
 */
export function glpiInventoryEndpoint(glpiUrl: string): URL {
  const url = checkHubUrl(glpiUrl);
  url.search = '';
  url.hash = '';
  if (!/\.php$/i.test(url.pathname)) {
    url.pathname = url.pathname.replace(/\/*$/, '/') + GLPI_INVENTORY_PATH;
  }
  return url;
}

/**
 * A name-based UUID (RFC 9562 §5.5, version 5: SHA-1 of Parc's namespace and `name`), sent as
 * `GLPI-Agent-ID`: the same document identity (`deviceid`) always gives the same agent id.
 */
export function glpiAgentId(name: string): string {
  const namespace = Buffer.from(AGENT_ID_NAMESPACE.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The `Authorization` header for the `glpiToken` secret: `user:password` → Basic (RFC 7617,
 * UTF-8), anything else → Bearer (RFC 6750). Also returns every form of the secret to scrub.
 */
export function glpiAuthorization(token: string): { header: string; secrets: string[] } {
  const colon = token.indexOf(':');
  if (colon > 0) {
    const encoded = Buffer.from(token, 'utf8').toString('base64');
    return { header: `Basic ${encoded}`, secrets: [token, encoded, token.slice(colon + 1)] };
  }
  return { header: `Bearer ${token}`, secrets: [token] };
}

/** What Parc reads of a GLPI answer body; `null` when it is not a JSON object. */
export interface GlpiAnswer {
  /** `ok`, `error` or `pending` (GLPI agent protocol); absent in a legacy answer. */
  status?: string;
  message?: string;
  /** Legacy (no GLPI-Agent-ID) success: `SEND`. */
  response?: string;
}

/** Parses a GLPI answer: `{status, message, expiration}` or legacy `{RESPONSE}`; null otherwise. */
export function readGlpiAnswer(body: string): GlpiAnswer | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return null;
  const o = json as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { status: text(o.status), message: text(o.message), response: text(o.RESPONSE) };
}

/** Whether a 2xx answer says the document was taken (`status: ok`, or legacy `RESPONSE: SEND`). */
const accepted = (answer: GlpiAnswer | null) =>
  answer !== null && (answer.status === 'ok' || answer.response === 'SEND');

/** The reason to show for a refused or failed document, at most MAX_HUB_MESSAGE characters. */
function glpiMessage(response: PostResponse): string {
  const { status, body } = response;
  const answer = readGlpiAnswer(body);
  let reason: string;
  if (answer?.message) reason = answer.message;
  else if (/^\s*</.test(body)) {
    // An HTML page (GLPI's login page, a proxy's error page): not the inventory endpoint.
    reason = `the server answered a web page, not GLPI's inventory endpoint (check the GLPI address; the inventory is at …/${GLPI_INVENTORY_PATH})`;
  } else reason = body.trim() || 'no reason given';
  if (status >= 300 && status < 400) {
    const location = response.headers.location;
    reason = `redirected to ${Array.isArray(location) ? location[0] : (location ?? 'elsewhere')}, not followed (check the GLPI address, https)`;
  }
  return `HTTP ${status}: ${reason}`.slice(0, MAX_HUB_MESSAGE);
}

/** `GLPI-Request-ID`: the first 8 hex digits of the entry id, upper case. */
const requestId = (id: string) => (id.replace(/[^0-9a-f]/gi, '') + '00000000').slice(0, 8).toUpperCase();

/**
 * Sends one GLPI inventory document once (no retry here: the outbox schedules them).
 * `entry.body` is a `GlpiInventory` (export/glpi.ts); its `deviceid` names the agent id.
 * Headers: `Content-Type: application/json`, `GLPI-Agent-ID`, `GLPI-Request-ID`,
 * `Pragma: no-cache`, `User-Agent: <content.versionclient>`, and `Authorization` when a token is set.
 * @returns `sent` on 2xx with GLPI's success answer; `retry` on 408, 429, 5xx, network, TLS or
 * configuration errors (Retry-After honoured); `rejected` on other answers, with GLPI's message.
 * Never throws; no returned text holds the token.
 */
export async function sendGlpiInventory(
  entry: OutgoingDocument,
  options: GlpiSendOptions,
): Promise<SendOutcome> {
  const auth = options.token ? glpiAuthorization(options.token) : null;
  const secrets = auth?.secrets ?? [];
  const fail = (error: string): SendOutcome => ({ kind: 'retry', error: scrub(error, secrets) });
  let url: URL;
  try {
    url = glpiInventoryEndpoint(options.glpiUrl);
  } catch (error) {
    return fail((error as Error).message.replace(/\bhub\b/g, 'GLPI'));
  }

  const transport = transportFor(url, options);
  if ('error' in transport) return fail(transport.error);
  const { ca, agent, proxyPassword } = transport;

  const doc = (entry.body ?? {}) as { deviceid?: unknown; content?: { versionclient?: unknown } };
  const deviceid = typeof doc.deviceid === 'string' ? doc.deviceid : entry.id;
  const versionclient = typeof doc.content?.versionclient === 'string' ? doc.content.versionclient : 'Parc';
  const request: PostRequest = {
    url,
    body: Buffer.from(JSON.stringify(entry.body), 'utf8'),
    timeoutMs: options.timeoutMs,
    ca,
    agent,
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'GLPI-Agent-ID': glpiAgentId(deviceid),
      'GLPI-Request-ID': requestId(entry.id),
      Pragma: 'no-cache',
      'User-Agent': versionclient,
      ...(auth ? { Authorization: auth.header } : {}),
    },
  };

  let response: PostResponse;
  try {
    response = await (options.fetchImpl ?? nodePost)(request);
  } catch (error) {
    return {
      kind: 'retry',
      error: scrub(describeNetworkError(error, url.origin).replace(/\bhub\b/g, 'GLPI server'), [
        ...secrets,
        proxyPassword,
      ]),
    };
  } finally {
    agent?.destroy();
  }

  const { status } = response;
  if (status >= 200 && status < 300) {
    if (accepted(readGlpiAnswer(response.body))) {
      return { kind: 'sent', status, answer: scrub(response.body, secrets) };
    }
    // 2xx without GLPI's "ok" ({"status":"error"}, a login page): the document was not taken,
    // and sending it again will not change that: shown to the referent, who can requeue it.
    return { kind: 'rejected', status, message: scrub(glpiMessage(response), secrets) };
  }
  if (status === 408 || status === 429 || status >= 500 || status < 200) {
    const retryAfter = response.headers['retry-after'];
    const retryAfterMs = parseRetryAfter(
      Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
      (options.nowMs ?? Date.now)(),
    );
    return {
      kind: 'retry',
      error: scrub(`${url.origin}: ${glpiMessage(response)}`, secrets),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  }
  // 3xx are not followed (a POST must not be replayed elsewhere with the credentials).
  return { kind: 'rejected', status, message: scrub(glpiMessage(response), secrets) };
}
