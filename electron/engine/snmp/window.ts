/**
 * Flow control of the SNMP requests of one scan or poll: how many may be in flight at once,
 * adapted to how fast the agents answer.
 */

/** A window on the requests in flight to agents that answered, sized by how fast they answer. */
export interface RequestWindow {
  /**
   * Waits for room in the window.
   * @returns the function to call when the request ends, with its latency in milliseconds
   *   (null for a timeout).
   */
  acquire(): Promise<(latencyMs: number | null) => void>;
  /** The current size: requests allowed in flight at once. */
  readonly size: number;
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
 * instead of timeouts, and a fast network is used fully.
 */
export function createRequestWindow(
  options: RequestWindowOptions,
  now: () => number = () => performance.now(),
): RequestWindow {
  const min = options.min ?? 4;
  const max = options.max ?? 256;
  let size = Math.min(max, Math.max(min, options.initial ?? 32));
  let inFlight = 0;
  let lastDecrease = -Infinity;
  const waiting: (() => void)[] = [];

  const admit = () => {
    while (waiting.length > 0 && inFlight < Math.floor(size)) {
      inFlight++;
      (waiting.shift() as () => void)();
    }
  };
  const release = (latencyMs: number | null) => {
    inFlight--;
    if (latencyMs !== null && latencyMs <= options.targetMs) size = Math.min(max, size + 1 / size);
    else if (now() - lastDecrease >= options.targetMs) {
      size = Math.max(min, size / 2);
      lastDecrease = now();
    }
    admit();
  };
  return {
    get size() {
      return Math.floor(size);
    },
    acquire() {
      return new Promise((resolve) => {
        let done = false;
        waiting.push(() =>
          resolve((latencyMs) => {
            if (done) return;
            done = true;
            release(latencyMs);
          }),
        );
        admit();
      });
    },
  };
}

/**
 * The window of a scan or poll whose timeout is `timeoutMs` and that has at most `concurrency`
 * hosts in flight: an answer slower than half the timeout (at most 500 ms) means overload.
 */
export function scanWindow(timeoutMs: number, concurrency: number): RequestWindow {
  return createRequestWindow({ targetMs: Math.min(500, timeoutMs / 2), max: Math.max(4, concurrency) });
}
