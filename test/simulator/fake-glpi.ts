/**
 * A small stand-in for a GLPI 10 server's native inventory endpoint on 127.0.0.1, for tests
 * (we cannot run GLPI here). It behaves as glpi-project/glpi `front/inventory.php` and
 * `Glpi\Agent\Communication\AbstractRequest` do: POST only (405 otherwise); the body read by its
 * Content-Type (`application/json`, or `application/x-compress-zlib|gzip|deflate`, the answer
 * compressed the same way); JSON answers `{"expiration":24,"status":"ok"}` when a GLPI-Agent-ID
 * header is present (legacy `{"RESPONSE":"SEND"}` otherwise), `{"status":"error","message",
 * "expiration":24}` with 400 when the document does not validate against the inventory schema.
 * Documents are kept by `deviceid`, as GLPI updates the same asset on a repeat.
 * Faults: `failNext` (status + headers, e.g. 503 with Retry-After), `cutAfterStore`, `close`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateRawSync, deflateSync, gunzipSync, gzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import type { ValidateFunction } from 'ajv';

/** One document as received. */
export interface GlpiArrival {
  deviceid: string;
  itemtype: string | null;
  body: unknown;
  headers: http.IncomingHttpHeaders;
}

export interface FakeGlpiOptions {
  /** The endpoint path (default `/front/inventory.php`). */
  path?: string;
  /** Checks each document (the GLPI schema through ajv); absent: only `deviceid` is required. */
  validate?: ValidateFunction;
  /** When set, requests without `Authorization: Basic base64(user:password)` get 401. */
  basicAuth?: { user: string; password: string };
  /** The port (default 0: any free one); reuse the old one to restart. */
  port?: number;
}

export interface FakeGlpi {
  url: string;
  port: number;
  /** Every accepted document, in arrival order (repeats included). */
  arrivals(): GlpiArrival[];
  /** The latest document of each deviceid (what GLPI's database would hold). */
  assets(): Map<string, unknown>;
  /** POSTs seen on the endpoint, faults included. */
  requests(): number;
  /** The next `count` POSTs answer `status` with a GLPI error body and `headers`. */
  failNext(count: number, status: number, headers?: Record<string, string>): void;
  /** The next `count` valid documents are stored, then the connection is cut before any answer. */
  cutAfterStore(count: number): void;
  close(): Promise<void>;
}

/** Content-Type → (decode, encode) as `AbstractRequest::handleContentType` / `getResponse`. */
const CODECS: Readonly<Record<string, { decode: (b: Buffer) => Buffer; encode: (b: Buffer) => Buffer }>> = {
  'application/x-zlib': { decode: inflateSync, encode: deflateSync },
  'application/x-compress-zlib': { decode: inflateSync, encode: deflateSync },
  'application/x-gzip': { decode: gunzipSync, encode: gzipSync },
  'application/x-compress-gzip': { decode: gunzipSync, encode: gzipSync },
  'application/x-deflate': { decode: inflateRawSync, encode: deflateRawSync },
  'application/x-compress-deflate': { decode: inflateRawSync, encode: deflateRawSync },
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Starts the fake GLPI on 127.0.0.1. */
export async function startFakeGlpi(options: FakeGlpiOptions = {}): Promise<FakeGlpi> {
  const path = options.path ?? '/front/inventory.php';
  const arrivals: GlpiArrival[] = [];
  const faults = { fail: [] as { status: number; headers: Record<string, string> }[], cut: 0 };
  let count = 0;

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const type = (first(req.headers['content-type']) ?? '').split(';')[0].trim().toLowerCase();
    const codec = CODECS[type];
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      if (res.destroyed) return;
      const json = Buffer.from(JSON.stringify(body), 'utf8');
      const bytes = codec ? codec.encode(json) : json;
      res.writeHead(status, {
        'Content-Type': codec ? type : 'application/json',
        'Content-Length': bytes.length,
        Pragma: 'no-cache',
        'Cache-Control': 'no-cache,no-store',
        Connection: 'close',
        ...headers,
      });
      res.end(bytes);
    };
    const error = (status: number, message: string, headers: Record<string, string> = {}) =>
      answer(status, { status: 'error', message, expiration: 24 }, headers);

    if (new URL(req.url ?? '/', 'http://glpi').pathname !== path) {
      req.resume();
      return error(404, 'Not found');
    }
    if (req.method !== 'POST') {
      req.resume();
      if (!res.destroyed) res.writeHead(405).end();
      return;
    }
    count += 1;
    const fault = faults.fail.shift();
    if (fault) {
      req.resume();
      return error(fault.status, `injected ${fault.status}`, fault.headers);
    }
    if (options.basicAuth) {
      const expected =
        'Basic ' +
        Buffer.from(`${options.basicAuth.user}:${options.basicAuth.password}`, 'utf8').toString('base64');
      if (first(req.headers.authorization) !== expected) {
        req.resume();
        return error(401, 'Authorization header required to send an inventory', {
          'WWW-Authenticate': 'Basic realm="GLPI"',
        });
      }
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let text: string;
    try {
      text = (codec ? codec.decode(Buffer.concat(chunks)) : Buffer.concat(chunks)).toString('utf8');
    } catch {
      return error(500, 'Unable to uncompress the request');
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      // GLPI then tries XML: a JSON body that does not parse ends as an XML error.
      return error(400, 'XML not well formed!');
    }
    const deviceid = (doc as { deviceid?: unknown } | null)?.deviceid;
    if (typeof deviceid !== 'string' || deviceid === '') {
      return error(400, 'JSON does not validate. Violations: Required property "deviceid" missing');
    }
    if (options.validate && !options.validate(doc)) {
      const violations = (options.validate.errors ?? [])
        .slice(0, 3)
        .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim())
        .join('; ');
      return error(400, `JSON does not validate. Violations: ${violations}`);
    }
    const itemtype = (doc as { itemtype?: unknown }).itemtype;
    arrivals.push({
      deviceid,
      itemtype: typeof itemtype === 'string' ? itemtype : null,
      body: doc,
      headers: req.headers,
    });
    if (faults.cut > 0) {
      faults.cut -= 1;
      req.socket.destroy();
      return;
    }
    if (req.headers['glpi-agent-id']) answer(200, { expiration: 24, status: 'ok' });
    else answer(200, { RESPONSE: 'SEND' });
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.destroyed) res.writeHead(500).end(String(e));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    arrivals: () => [...arrivals],
    assets: () => new Map(arrivals.map((a) => [a.deviceid, a.body])),
    requests: () => count,
    failNext(n, status, headers = {}) {
      for (let i = 0; i < n; i += 1) faults.fail.push({ status, headers });
    },
    cutAfterStore(n) {
      faults.cut = n;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
