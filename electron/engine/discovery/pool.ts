/**
 * Concurrency and pacing for sweeps: at most N hosts in flight, and at most R requests started
 * per second across the whole sweep so that old printers and small switches are not flooded.
 */

/**
 * Returns a function that resolves when the next request may start, spacing requests by
 * 1000 / `perSecond` milliseconds (a simple leaky bucket). `perSecond` ≤ 0 disables pacing.
 */
export function createPacer(
  perSecond: number,
  now: () => number = () => performance.now(),
): () => Promise<void> {
  if (perSecond <= 0) return () => Promise.resolve();
  const interval = 1000 / perSecond;
  let next = 0;
  return () => {
    const t = now();
    const slot = Math.max(t, next);
    next = slot + interval;
    const wait = slot - t;
    return wait < 1 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, wait));
  };
}

/** A counting semaphore: `acquire` waits while `size` holders have not released. */
export interface Slots {
  /**
   * Waits for a place. @returns true once it is held (`release` it later), or false, holding
   * nothing, when `signal` aborts first (a cancelled scan does not wait for places).
   */
  acquire(signal?: AbortSignal): Promise<boolean>;
  release(): void;
}

/** Slots for at most `size` holders at once (the others wait in order of arrival). */
export function createSlots(size: number): Slots {
  let held = 0;
  const waiting: (() => void)[] = [];
  return {
    acquire(signal) {
      if (signal?.aborted) return Promise.resolve(false);
      if (held < size) {
        held++;
        return Promise.resolve(true);
      }
      return new Promise((resolve) => {
        const take = () => {
          signal?.removeEventListener('abort', leave);
          resolve(true);
        };
        const leave = () => {
          waiting.splice(waiting.indexOf(take), 1);
          resolve(false);
        };
        waiting.push(take);
        signal?.addEventListener('abort', leave, { once: true });
      });
    },
    release() {
      const next = waiting.shift();
      if (next) next();
      else held--;
    },
  };
}

/**
 * Runs `work` on every item with at most `concurrency` in flight, in input order of start.
 * Stops taking new items once `signal` is aborted (items already running finish).
 * Errors thrown by `work` are the caller's to catch: it should not throw.
 * @param ready awaited before each new item is started (e.g. `RequestWindow.ready`: no new host
 *   while the agents already in hand are busy).
 */
export async function runPool<T>(
  items: Iterable<T>,
  concurrency: number,
  work: (item: T) => Promise<void>,
  signal?: AbortSignal,
  ready?: () => Promise<void>,
): Promise<void> {
  const iterator = items[Symbol.iterator]();
  const worker = async () => {
    for (;;) {
      if (signal?.aborted) return;
      if (ready) await ready();
      if (signal?.aborted) return;
      const next = iterator.next();
      if (next.done) return;
      await work(next.value);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
}
