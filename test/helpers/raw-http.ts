/**
 * A raw HTTP request to a server on 127.0.0.1 with exactly the headers given (fetch cannot set
 * Host, nor send `..` unnormalised): for the loopback bridge's tests.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

/** The answer: status, headers, body as text. */
export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What to send; `host` replaces the Host header (default `127.0.0.1:<port>`). */
export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  host?: string;
}

/**
 * Sends one request to 127.0.0.1:`port` and reads the whole answer.
 * @throws Error when the connection fails.
 */
export function rawRequest(port: number, path: string, options: RawRequest = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path,
        headers: { Host: options.host ?? `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
