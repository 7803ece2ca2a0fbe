/**
 * Static files of the built renderer for the loopback bridge: safe path resolution (no way out
 * of the root, symlinks included) and content types.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** The Content-Type of a file name, `application/octet-stream` when unknown. */
export function contentType(fileName: string): string {
  return CONTENT_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file inside `root`, or null when it would leave it.
 * `/` maps to `index.html`. The path is percent-decoded once, here, and only here.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded;
  const base = resolve(root);
  const target = resolve(join(base, relative));
  return target.startsWith(base + sep) ? target : null;
}

/**
 * Answers a GET/HEAD for a static file: 200 with the file, 404 when absent or outside the root.
 * @param headers security headers added to every answer.
 */
export async function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  root: string,
  urlPath: string,
  headers: Readonly<Record<string, string>>,
): Promise<void> {
  const notFound = () => {
    response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Not found');
  };
  const target = resolveStaticPath(root, urlPath);
  if (target === null) return notFound();
  let file: string;
  try {
    // Symlinks could point out of the root: check the real path too.
    const [realRoot, realTarget] = await Promise.all([realpath(root), realpath(target)]);
    if (!realTarget.startsWith(realRoot + sep) || !(await stat(realTarget)).isFile()) return notFound();
    file = realTarget;
  } catch {
    return notFound();
  }
  const isHtml = extname(file).toLowerCase() === '.html';
  response.writeHead(200, {
    ...headers,
    'Content-Type': contentType(file),
    'Cache-Control': isHtml ? 'no-store' : 'no-cache',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  // pipeline closes the file when the client goes away, and the response when reading fails.
  pipeline(createReadStream(file), response, () => undefined);
}
