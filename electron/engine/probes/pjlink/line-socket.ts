/**
 * A TCP connection read line by line, PJLink style: lines end with CR (a following LF is padding),
 * and every read has its own time limit. One reader at a time; nothing is retried here.
 */
import { connect, type Socket } from 'node:net';

/** Longest line kept before it is handed over anyway (the specification's longest answer is 136 bytes). */
const MAX_LINE_BYTES = 1024;
const CR = 0x0d;

/** What waiting for a line can give: the line (without its CR), or why none came. */
export type LineResult = { readonly line: string } | { readonly closed: true } | { readonly timedOut: true };

/** An open connection; `readLine` never rejects. */
export interface LineSocket {
  /**
   * Waits up to `timeoutMs` milliseconds for the next CR-terminated line (decoded as UTF-8).
   * `giveUpEarly(partial)` may end the wait before the CR when the bytes already received cannot
   * become a useful line (then the partial text is returned as the line).
   */
  readLine(timeoutMs: number, giveUpEarly?: (partial: string) => boolean): Promise<LineResult>;
  write(text: string): void;
  /** Destroys the socket; pending and later reads end as closed. Safe to call twice. */
  close(): void;
}

/** Why a connection could not be opened: `refused` carries the system error code (ECONNREFUSED, EHOSTUNREACH…). */
export type ConnectFailure =
  | { readonly kind: 'refused'; readonly code: string }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'aborted' };

/**
 * Opens a TCP connection to `host:port` within `timeoutMs` milliseconds. Never rejects: a system
 * error, the time running out or `signal` aborting gives `{ failure }`.
 */
export function openLineSocket(
  host: string,
  port: number,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<{ readonly socket: LineSocket } | { readonly failure: ConnectFailure }> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve({ failure: { kind: 'aborted' } });
    const socket = connect({ host, port });
    const finish = (result: { socket: LineSocket } | { failure: ConnectFailure }): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if ('failure' in result) socket.destroy();
      resolve(result);
    };
    const onAbort = (): void => finish({ failure: { kind: 'aborted' } });
    const timer = setTimeout(() => finish({ failure: { kind: 'timeout' } }), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('error', (error: NodeJS.ErrnoException) =>
      finish({ failure: { kind: 'refused', code: error.code ?? 'ERROR' } }),
    );
    socket.once('connect', () => {
      socket.removeAllListeners('error');
      finish({ socket: wrapSocket(socket) });
    });
  });
}

function wrapSocket(socket: Socket): LineSocket {
  let buffered = Buffer.alloc(0);
  let closed = false;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const resume = wake;
    wake = null;
    resume?.();
  };
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    notify();
  });
  const markClosed = (): void => {
    closed = true;
    notify();
  };
  // Errors after connecting (ECONNRESET from a projector going to standby) only mean "closed".
  socket.on('error', markClosed);
  socket.on('end', markClosed);
  socket.on('close', markClosed);

  const takeLine = (giveUpEarly?: (partial: string) => boolean): string | null => {
    const end = buffered.indexOf(CR);
    if (end >= 0) {
      const line = buffered.subarray(0, end).toString('utf8');
      buffered = buffered.subarray(end + 1);
      return line;
    }
    const partial = buffered.toString('utf8');
    if (buffered.length > MAX_LINE_BYTES || (buffered.length > 0 && giveUpEarly?.(partial))) {
      buffered = Buffer.alloc(0);
      return partial;
    }
    return null;
  };

  return {
    async readLine(timeoutMs, giveUpEarly) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const line = takeLine(giveUpEarly);
        if (line !== null) return { line };
        if (closed) return { closed: true };
        const left = deadline - Date.now();
        if (left <= 0) return { timedOut: true };
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            wake = null;
            resolve();
          }, left);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    },
    write(text) {
      if (!closed) socket.write(text, 'utf8');
    },
    close() {
      socket.destroy();
      markClosed();
    },
  };
}
