/**
 * Request guards of the loopback bridge: the session token (compared in constant time) and the
 * Host / Origin checks that stop DNS rebinding and cross-site requests.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A new session token: 32 random bytes as 64 hex characters. */
export function createToken(): string {
  return randomBytes(32).toString('hex');
}

/** Constant-time equality of two tokens (hashed first, so lengths leak nothing either). */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/** The token a request carries: `Authorization: Bearer <token>`, else `?token=` (EventSource cannot set headers). */
export function requestToken(request: IncomingMessage, url: URL, allowQuery: boolean): string | undefined {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match) return match[1];
  }
  return allowQuery ? (url.searchParams.get('token') ?? undefined) : undefined;
}

/** True when the Host header names this server (`127.0.0.1:port` or `localhost:port`), so a rebound DNS name is refused. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const normalized = host.toLowerCase();
  return normalized === `127.0.0.1:${port}` || normalized === `localhost:${port}`;
}

/** True when there is no Origin header (same-origin GET, tools) or it is this server's own origin. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  const normalized = origin.toLowerCase();
  return normalized === `http://127.0.0.1:${port}` || normalized === `http://localhost:${port}`;
}
