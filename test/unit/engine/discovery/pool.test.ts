import { describe, expect, it, vi } from 'vitest';
import { createPacer, createSlots, runPool } from '../../../../electron/engine/discovery/pool';

describe('runPool', () => {
  it('never runs more than the concurrency at once and does every item', async () => {
    let inFlight = 0;
    let peak = 0;
    const done: number[] = [];
    await runPool([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      done.push(n);
      inFlight--;
    });
    expect(peak).toBe(3);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('awaits `ready` before starting each item', async () => {
    const events: string[] = [];
    await runPool(
      [1, 2],
      2,
      async (n) => {
        events.push(`work ${n}`);
      },
      undefined,
      async () => {
        events.push('ready');
      },
    );
    expect(events).toEqual(['ready', 'ready', 'work 1', 'work 2', 'ready', 'ready']);
  });

  it('stops taking items once aborted', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    await runPool(
      [1, 2, 3, 4, 5],
      1,
      async (n) => {
        seen.push(n);
        if (n === 2) controller.abort();
      },
      controller.signal,
    );
    expect(seen).toEqual([1, 2]);
  });
});

describe('createPacer', () => {
  it('spaces requests by 1000/rate milliseconds', async () => {
    vi.useFakeTimers();
    try {
      const pace = createPacer(100, () => 0);
      const started: number[] = [];
      for (const n of [1, 2, 3]) void pace().then(() => started.push(n));
      await vi.advanceTimersByTimeAsync(0);
      expect(started).toEqual([1]);
      await vi.advanceTimersByTimeAsync(10);
      expect(started).toEqual([1, 2]);
      await vi.advanceTimersByTimeAsync(10);
      expect(started).toEqual([1, 2, 3]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('createSlots', () => {
  it('lets `size` holders in, then the waiting ones in order of arrival as places are released', async () => {
    const slots = createSlots(2);
    const entered: string[] = [];
    const enter = (name: string) => slots.acquire().then(() => entered.push(name));
    await Promise.all([enter('a'), enter('b')]);
    const waiting = [enter('c'), enter('d')];
    await Promise.resolve();
    expect(entered).toEqual(['a', 'b']);
    slots.release();
    await waiting[0];
    expect(entered).toEqual(['a', 'b', 'c']);
    slots.release();
    await waiting[1];
    slots.release();
    slots.release();
    slots.release();
    await enter('e');
    await enter('f');
    expect(entered).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('lets a waiter go, holding nothing, when its signal aborts; the place goes to the next one', async () => {
    const slots = createSlots(1);
    expect(await slots.acquire()).toBe(true);
    const cancel = new AbortController();
    const cancelled = slots.acquire(cancel.signal);
    const next = slots.acquire();
    cancel.abort();
    expect(await cancelled).toBe(false);
    expect(await slots.acquire(cancel.signal)).toBe(false);
    slots.release();
    expect(await next).toBe(true);
  });
});
