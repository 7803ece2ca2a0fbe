/**
 * Flow control of the SNMP requests of one scan or poll: how many may be in flight at once,
 * adapted to how fast the agents answer.
 */

/** How a request ended, for the window: its latency in milliseconds, or null for a timeout. */
export type RequestEnd = (latencyMs: number | null) => void;

/**
 * A window on the requests in flight to agents that have answered, sized by how fast they
 * answer. Probes of addresses not known to answer stay outside it (most addresses of a school's
 * subnets are silent, and must not hold it for a timeout).
 */
export interface RequestWindow {
  /**
   * Waits for room in the window.
   * @returns the function to call when the request ends.
   */
  acquire(): Promise<RequestEnd>;
  /**
   * Resolves when the window has room and no request waiting: a pool of known agents (the
   * printers read after a sweep, a poll) starts its next host then, not behind busy agents.
   */
  ready(): Promise<void>;
  /** The current size: requests allowed in flight at once. */
  readonly size: number;
  /** The smoothed latency of the answers so far, milliseconds (null before the first). */
  readonly smoothedMs: number | null;
}

/** Bounds and target of a request window. Milliseconds and requests. */
export interface RequestWindowOptions {
  /** Latency above which the agents (or the network, or this PC) are taken to be overloaded. */
  targetMs: number;
  /** Starting size. Default 32. */
  initial?: number;
  /** Smallest size. Default 4. */
  min?: number;
  /** Largest size. Default 256. */
  max?: number;
}

/**
 * Adaptive concurrency, the way TCP avoids congestion (additive increase, multiplicative
 * decrease): every answer within `targetMs` widens the window by 1/size (one request per
 * window's worth of answers); a slower answer or a timeout halves it, at most once per
 * `targetMs`. Agents sharing a slow CPU or link (or the same simulator) then see a short queue
 * instead of timeouts and retransmissions, and a fast network is used fully. Latencies are
 * smoothed (RFC 6298's 1/8 gain) for `probeHost`'s wait between credentials.
 */
export function createRequestWindow(
  options: RequestWindowOptions,
  now: () => number = () => performance.now(),
): RequestWindow {
  const min = options.min ?? 4;
  const max = options.max ?? 256;
  let size = Math.min(max, Math.max(min, options.initial ?? 32));
  let smoothedMs: number | null = null;
  let inFlight = 0;
  let lastDecrease = -Infinity;
  const waiting: (() => void)[] = [];
  const readyWaiters: (() => void)[] = [];
  const hasRoom = () => waiting.length === 0 && inFlight < Math.floor(size);

  const admit = () => {
    while (waiting.length > 0 && inFlight < Math.floor(size)) {
      inFlight++;
      (waiting.shift() as () => void)();
    }
    if (hasRoom()) for (const resolve of readyWaiters.splice(0)) resolve();
  };
  const adapt = (latencyMs: number | null) => {
    if (latencyMs !== null)
      smoothedMs = smoothedMs === null ? latencyMs : smoothedMs + (latencyMs - smoothedMs) / 8;
    if (latencyMs !== null && latencyMs <= options.targetMs) size = Math.min(max, size + 1 / size);
    else if (now() - lastDecrease >= options.targetMs) {
      size = Math.max(min, size / 2);
      lastDecrease = now();
    }
  };
  return {
    get size() {
      return Math.floor(size);
    },
    ready() {
      return hasRoom() ? Promise.resolve() : new Promise((resolve) => readyWaiters.push(resolve));
    },
    get smoothedMs() {
      return smoothedMs;
    },
    acquire() {
      return new Promise((resolve) => {
        waiting.push(() => {
          let ended = false;
          resolve((latencyMs) => {
            if (ended) return;
            ended = true;
            adapt(latencyMs);
            inFlight--;
            admit();
          });
        });
        admit();
      });
    },
  };
}

/**
 * The window of a scan or poll whose timeout is `timeoutMs` and that has at most `concurrency`
 * hosts in flight: an answer slower than a quarter of the timeout (at most 250 ms) means overload.
 */
export function scanWindow(timeoutMs: number, concurrency: number): RequestWindow {
  return createRequestWindow({ targetMs: Math.min(250, timeoutMs / 4), max: Math.max(4, concurrency) });
}
