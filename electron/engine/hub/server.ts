/**
 * The reference hub: a small HTTP(S) server (127.0.0.1 by default) receiving Parc health
 * reports on `POST /api/reports`. It checks the bearer token (RFC 6750), the body signature
 * (`X-Parc-Signature: sha256=<hex HMAC-SHA256 of the gzip bytes>`, RFC 2104, constant-time
 * compare), gunzips within a bound, validates with `HealthReport`, and stores each report once
 * per (school, Idempotency-Key): a repeat gets the first answer again, with 200.
 * Answers: 201 `{id, receivedAt}` (stored now), 200 (repeat), 400 invalid body (first zod
 * issues), 401 wrong token, 403 bad signature, 404/405 elsewhere, 413 too big.
 * Tests inject faults: `failNext`, `cutAfterStore`, `delayAnswers`, and `close` for "down".
 */
import { InputError } from '../errors';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { HealthReport } from '../../../shared/domain/report';
import { silentLogger, type Logger } from '../log';
import { openHubStore, type ReceivedReport } from './store';

/** A school the hub accepts: its label, bearer token and signing secret. */
export const HubSchool = z.object({
  name: z.string().min(1).max(200).optional(),
  token: z.string().min(8).max(4096),
  secret: z.string().min(8).max(4096),
});
export type HubSchool = z.infer<typeof HubSchool>;

/** A schools file: a JSON array of HubSchool. */
export const HubSchoolsFile = z.array(HubSchool).min(1);

/** Largest request body accepted, compressed or not, bytes (5 MiB). */
export const HUB_MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface HubOptions {
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
  /** The hub's SQLite file. */
  dbPath: string;
  /** The schools accepted (default: from PARC_HUB_TOKEN / PARC_HUB_SECRET in `env`). */
  schools?: HubSchool[];
  env?: NodeJS.ProcessEnv;
  /** PEM certificate and key: serve https instead of http. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  maxBodyBytes?: number;
  /** ISO 8601 now. */
  now?: () => string;
  logger?: Logger;
}

/** A running reference hub. */
export interface ReferenceHub {
  /** Base URL, e.g. `http://127.0.0.1:41234`; reports go to `${url}/api/reports`. */
  readonly url: string;
  readonly port: number;
  /** Every stored report, oldest first. */
  list(): ReceivedReport[];
  /** The next `count` POSTs get `status` (with `headers`) without being looked at or stored. */
  failNext(count: number, status: number, headers?: Record<string, string>): void;
  /** The next `count` valid reports are stored, then the connection is destroyed before any answer. */
  cutAfterStore(count: number): void;
  /** Valid reports are stored, then answered after `ms` milliseconds (0: at once). */
  delayAnswers(ms: number): void;
  /** How many POSTs reached the hub (any answer). */
  requests(): number;
  /** Stops listening, cuts open connections and closes the database. */
  close(): Promise<void>;
}

/** The schools given by PARC_HUB_TOKEN and PARC_HUB_SECRET, or none. */
export function schoolsFromEnv(env: NodeJS.ProcessEnv): HubSchool[] {
  const token = env.PARC_HUB_TOKEN?.trim();
  const secret = env.PARC_HUB_SECRET?.trim();
  if (!token || !secret) return [];
  const school = HubSchool.safeParse({ name: 'school', token, secret });
  if (!school.success)
    throw new InputError(
      `PARC_HUB_TOKEN and PARC_HUB_SECRET do not fit: ${school.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`,
    );
  return [school.data];
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** The school whose token is `token` (compared in constant time over every school), or null. */
function schoolOf(schools: readonly HubSchool[], token: string): { label: string; secret: string } | null {
  const given = digest(token);
  let found: { label: string; secret: string } | null = null;
  schools.forEach((school, i) => {
    if (timingSafeEqual(digest(school.token), given) && !found) {
      found = { label: school.name ?? `school-${i + 1}`, secret: school.secret };
    }
  });
  return found;
}

/** Whether `header` is `sha256=<hex>` equal to the HMAC of `bytes` with `secret` (constant time). */
function signatureValid(header: string | undefined, bytes: Buffer, secret: string): boolean {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? '');
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(bytes).digest();
  return timingSafeEqual(expected, Buffer.from(match[1], 'hex'));
}

class TooLarge extends Error {}

/** Reads a request body, rejecting with TooLarge beyond `max` bytes. */
function readBody(req: http.IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        reject(new TooLarge());
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Starts the reference hub.
 * @returns once it listens. @throws Error when no school is configured or the port is taken.
 */
export async function startHub(options: HubOptions): Promise<ReferenceHub> {
  const schools = options.schools ?? schoolsFromEnv(options.env ?? process.env);
  if (schools.length === 0) {
    throw new Error(
      'The hub needs at least one school: set PARC_HUB_TOKEN and PARC_HUB_SECRET, or give a schools file.',
    );
  }
  const max = options.maxBodyBytes ?? HUB_MAX_BODY_BYTES;
  const now = options.now ?? (() => new Date().toISOString());
  const logger = options.logger ?? silentLogger;
  const store = openHubStore(options.dbPath);
  const faults = { fail: [] as { status: number; headers: Record<string, string> }[], cut: 0, delayMs: 0 };
  let requestCount = 0;
  /** Wake-ups of delayed answers, called on close so no timer outlives the hub. */
  const sleeping = new Set<() => void>();

  const answer = (
    res: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    if (res.destroyed) return;
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(text),
      ...headers,
    });
    res.end(text);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://hub').pathname;
    if (path !== '/api/reports') return answer(res, 404, { error: 'not found' });
    if (req.method !== 'POST') return answer(res, 405, { error: 'use POST' }, { Allow: 'POST' });
    requestCount += 1;
    const fault = faults.fail.shift();
    if (fault) {
      req.resume();
      return answer(res, fault.status, { error: `injected ${fault.status}` }, fault.headers);
    }

    const bearer = /^Bearer\s+(\S+)$/i.exec(first(req.headers.authorization) ?? '');
    const school = bearer ? schoolOf(schools, bearer[1]) : null;
    if (!school) {
      req.resume();
      return answer(res, 401, { error: 'unknown or missing bearer token' }, { 'WWW-Authenticate': 'Bearer' });
    }
    if (Number(req.headers['content-length'] ?? 0) > max) {
      return answer(res, 413, { error: `body larger than ${max} bytes` }, { Connection: 'close' });
    }
    let raw: Buffer;
    try {
      raw = await readBody(req, max);
    } catch (error) {
      if (error instanceof TooLarge)
        return answer(res, 413, { error: `body larger than ${max} bytes` }, { Connection: 'close' });
      throw error;
    }
    if (!signatureValid(first(req.headers['x-parc-signature']), raw, school.secret)) {
      return answer(res, 403, { error: 'bad or missing X-Parc-Signature' });
    }
    let text: string;
    try {
      const gzip = /^gzip$/i.test(first(req.headers['content-encoding'])?.trim() ?? '');
      text = (gzip ? gunzipSync(raw, { maxOutputLength: max }) : raw).toString('utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        return answer(res, 413, { error: `uncompressed body larger than ${max} bytes` });
      }
      return answer(res, 400, { error: 'body is not valid gzip' });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return answer(res, 400, { error: 'body is not JSON' });
    }
    const parsed = HealthReport.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .slice(0, 5)
        .map((i) => ({ path: i.path.join('.'), message: i.message }));
      return answer(res, 400, { error: 'not a valid Parc health report', issues });
    }
    const key = first(req.headers['idempotency-key'])?.trim();
    if (!key || key !== parsed.data.id) {
      return answer(res, 400, { error: 'Idempotency-Key must be the report id' });
    }

    const stored = store.store(school.label, key, now(), parsed.data.school.uai, parsed.data);
    logger.info('hub: report', { school: school.label, id: key, created: stored.created });
    if (faults.cut > 0) {
      faults.cut -= 1;
      req.socket.destroy();
      return;
    }
    if (faults.delayMs > 0) {
      await new Promise<void>((wake) => {
        const timer = setTimeout(done, faults.delayMs);
        function done() {
          clearTimeout(timer);
          sleeping.delete(done);
          wake();
        }
        sleeping.add(done);
      });
    }
    answer(res, stored.created ? 201 : 200, JSON.parse(stored.answer));
  };

  const listener: http.RequestListener = (req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error('hub: request failed', { reason: error instanceof Error ? error.message : String(error) });
      answer(res, 500, { error: 'internal error' });
    });
  };
  const server = options.tls
    ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, listener)
    : http.createServer(listener);
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    store.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `${options.tls ? 'https' : 'http'}://${shownHost}:${port}`,
    port,
    list: () => store.list(),
    failNext(count, status, headers = {}) {
      for (let i = 0; i < count; i += 1) faults.fail.push({ status, headers });
    },
    cutAfterStore(count) {
      faults.cut = count;
    },
    delayAnswers(ms) {
      faults.delayMs = ms;
    },
    requests: () => requestCount,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          store.close();
          resolve();
        });
        server.closeAllConnections();
        for (const wake of [...sleeping]) wake();
      }),
  };
}
