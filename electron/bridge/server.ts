/**
 * The loopback bridge (`parc ui`, e2e tests): the IPC contract over HTTP on 127.0.0.1, as
 * described in `shared/ipc/bridge-protocol.ts`, serving the built renderer on the same origin.
 * Every request must name this server in its Host header (DNS-rebinding guard); API calls need
 * the session token. Nothing secret is logged: request URLs (which may hold `?token=`) never are.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  BRIDGE_EVENTS_PATH,
  BRIDGE_INVOKE_PATH,
  BRIDGE_TOKEN_FRAGMENT,
  EXPORT_DOWNLOAD_PATH,
} from '../../shared/ipc/bridge-protocol';
import { COMMAND_CHANNELS, type CommandChannel } from '../../shared/ipc/channels';
import { fail } from '../../shared/ipc/result';
import type { Engine } from '../engine/types';
import { createCommandHandlers, type CommandHandlers, type HandlerLogger } from '../ipc/handlers';
import { contentSecurityPolicy } from '../ipc/csp';
import { createEventHub, type EventHub } from './event-stream';
import { serveExportDownload } from './export-download';
import { createToken, isAllowedHost, isAllowedOrigin, requestToken, tokensEqual } from './guards';
import { serveStatic } from './static-files';

/** Largest accepted JSON body of `POST /api/invoke/<channel>`, in bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Options of `startBridge`. */
export interface BridgeOptions {
  engine: Engine;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Session token; default 32 random bytes in hex. At least 32 characters. */
  token?: string;
  /** Receives failures (never tokens or inputs); default `console`. */
  logger?: HandlerLogger;
}

/** A running bridge. */
export interface Bridge {
  /** `http://127.0.0.1:PORT/#token=…`: the token stays in the fragment, never sent to the server. */
  url: string;
  port: number;
  token: string;
  /** Ends the event streams and stops the server. */
  close(): Promise<void>;
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy(),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const commandChannels: ReadonlySet<string> = new Set(COMMAND_CHANNELS);

/**
 * Starts the bridge on 127.0.0.1 (never another interface).
 * @returns the page URL (with the token in its fragment), the port and token, and `close()`.
 * @throws when the port is taken or the given token is shorter than 32 characters.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? createToken();
  if (token.length < 32) throw new Error('The bridge token must have at least 32 characters.');
  const logger = options.logger ?? console;
  const hub = createEventHub(SECURITY_HEADERS);
  const handlers = createCommandHandlers(
    options.engine,
    (event, payload) => hub.broadcast(event, payload),
    logger,
  );
  let port = 0;

  const server = createServer((request, response) => {
    const context = {
      port,
      token,
      handlers,
      hub,
      rendererDir: options.rendererDir,
      engine: options.engine,
      logger,
    };
    handleRequest(request, response, context).catch((error: unknown) => {
      logger.error('[bridge] request failed', error instanceof Error ? error.message : String(error));
      if (!response.headersSent) sendJson(response, 500, fail('failed', 'Internal error.'));
      else response.destroy();
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#${BRIDGE_TOKEN_FRAGMENT}=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve, reject) => {
        hub.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

interface RequestContext {
  port: number;
  token: string;
  handlers: CommandHandlers;
  hub: EventHub;
  rendererDir: string;
  engine: Engine;
  logger: HandlerLogger;
}

async function handleRequest(request: IncomingMessage, response: ServerResponse, context: RequestContext) {
  if (!isAllowedHost(request.headers.host, context.port)) return sendText(response, 403, 'Forbidden host');
  if (!isAllowedOrigin(request.headers.origin, context.port))
    return sendText(response, 403, 'Forbidden origin');
  const url = new URL(request.url ?? '/', `http://127.0.0.1:${context.port}`);
  const path = url.pathname;

  if (path === BRIDGE_EVENTS_PATH || path.startsWith(BRIDGE_INVOKE_PATH) || path.startsWith('/api/')) {
    // EventSource and a download link cannot set headers: those two take `?token=`.
    const given = requestToken(request, url, path === BRIDGE_EVENTS_PATH || path === EXPORT_DOWNLOAD_PATH);
    if (given === undefined || !tokensEqual(given, context.token)) {
      return sendJson(response, 401, fail('failed', 'Missing or wrong token.'));
    }
    if (path === BRIDGE_EVENTS_PATH) {
      if (request.method !== 'GET') return sendText(response, 405, 'Method not allowed', { Allow: 'GET' });
      return context.hub.attach(response);
    }
    if (path.startsWith(BRIDGE_INVOKE_PATH)) return invoke(request, response, context.handlers, path);
    if (path === EXPORT_DOWNLOAD_PATH) {
      return serveExportDownload(request, response, url, {
        engine: context.engine,
        headers: SECURITY_HEADERS,
        logger: context.logger,
        sendJson,
      });
    }
    return sendText(response, 404, 'Not found');
  }

  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return sendText(response, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
  }
  return serveStatic(request, response, context.rendererDir, path, SECURITY_HEADERS);
}

async function invoke(
  request: IncomingMessage,
  response: ServerResponse,
  handlers: CommandHandlers,
  path: string,
) {
  // Clients may percent-encode the channel (`settings%3Aget`): decode once, then match exactly.
  const channel = decodeChannel(path.slice(BRIDGE_INVOKE_PATH.length));
  if (!commandChannels.has(channel))
    return sendJson(response, 404, fail('not-found', 'Unknown command channel.'));
  if (request.method !== 'POST') return sendText(response, 405, 'Method not allowed', { Allow: 'POST' });

  const body = await readBody(request, MAX_BODY_BYTES);
  if (body === 'too-large') {
    sendJson(response, 413, fail('invalid-input', 'The request body is larger than 1 MB.'), {
      Connection: 'close',
    });
    request.destroy();
    return;
  }
  let input: unknown;
  try {
    input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
  } catch {
    return sendJson(response, 400, fail('invalid-input', 'The request body is not valid JSON.'));
  }
  const result = await handlers[channel as CommandChannel](input);
  return sendJson(response, 200, result);
}

function decodeChannel(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Reads the whole body, or stops at `limit` bytes. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.off('data', onData);
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function sendJson(
  response: ServerResponse,
  status: number,
  value: unknown,
  extra: Record<string, string> = {},
): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  extra: Record<string, string> = {},
): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extra,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(text);
}
