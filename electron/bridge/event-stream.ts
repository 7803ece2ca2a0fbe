/**
 * Server-Sent Events for the loopback bridge: every connected client gets every contract event
 * as `event: <channel>` / `data: <JSON payload>`, plus a keep-alive comment every 15 s.
 */
import type { ServerResponse } from 'node:http';
import type { EventChannel } from '../../shared/ipc/channels';

/** Interval of the `: keep-alive` comment that keeps proxies and idle timers from closing the stream. */
export const KEEP_ALIVE_MS = 15_000;

/** The open SSE streams of one bridge. */
export interface EventHub {
  /** Turns `response` into an event stream until the client leaves or the hub closes. */
  attach(response: ServerResponse): void;
  /** Sends one event to every open stream. */
  broadcast(event: EventChannel, payload: unknown): void;
  /** Number of open streams. */
  size(): number;
  /** Ends every stream. */
  close(): void;
}

/**
 * Creates an event hub.
 * @param headers extra response headers (the CSP and friends) for each stream.
 */
export function createEventHub(
  headers: Readonly<Record<string, string>>,
  keepAliveMs = KEEP_ALIVE_MS,
): EventHub {
  const clients = new Map<ServerResponse, NodeJS.Timeout>();

  const detach = (response: ServerResponse) => {
    const timer = clients.get(response);
    if (timer === undefined) return;
    clearInterval(timer);
    clients.delete(response);
  };

  return {
    attach(response) {
      response.writeHead(200, {
        ...headers,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      response.write(': connected\n\n');
      const timer = setInterval(() => response.write(': keep-alive\n\n'), keepAliveMs);
      timer.unref();
      clients.set(response, timer);
      response.on('close', () => detach(response));
    },
    broadcast(event, payload) {
      // JSON.stringify never emits a raw newline, so one `data:` line carries the whole payload.
      const message = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const response of clients.keys()) response.write(message);
    },
    size: () => clients.size,
    close() {
      for (const response of [...clients.keys()]) {
        detach(response);
        response.end();
      }
    },
  };
}
