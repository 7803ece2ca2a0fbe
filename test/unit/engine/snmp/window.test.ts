import { describe, expect, it } from 'vitest';
import { createRequestWindow } from '../../../../electron/engine/snmp/window';

describe('createRequestWindow', () => {
  it('lets no more than its size in flight and admits the next one when a request ends', async () => {
    const window = createRequestWindow({ targetMs: 100, initial: 2, min: 1 });
    const first = await window.acquire();
    await window.acquire();
    let third = false;
    const pending = window.acquire().then((release) => {
      third = true;
      return release;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(third).toBe(false);
    first(10);
    await pending;
    expect(third).toBe(true);
  });

  it('widens by one per window of fast answers and halves on a slow one or a timeout, once per target', async () => {
    let t = 0;
    const window = createRequestWindow({ targetMs: 100, initial: 8, min: 4 }, () => t);
    for (let i = 0; i < 8; i++) (await window.acquire())(5);
    expect(window.size).toBe(8);
    for (let i = 0; i < 9; i++) (await window.acquire())(5);
    expect(window.size).toBe(9);
    (await window.acquire())(500);
    expect(window.size).toBe(4);
    // A second slow answer in the same target period does not halve again.
    t = 50;
    (await window.acquire())(null);
    expect(window.size).toBe(4);
    t = 200;
    const grown = createRequestWindow({ targetMs: 100, initial: 16, min: 4 }, () => t);
    (await grown.acquire())(null);
    expect(grown.size).toBe(8);
  });

  it('never goes below its minimum nor above its maximum', async () => {
    let t = 0;
    const window = createRequestWindow({ targetMs: 10, initial: 5, min: 4, max: 5 }, () => t);
    for (let i = 0; i < 100; i++) (await window.acquire())(1);
    expect(window.size).toBe(5);
    for (let i = 0; i < 5; i++) {
      t += 20;
      (await window.acquire())(null);
    }
    expect(window.size).toBe(4);
  });

  it('is ready for a new host only when no request waits and there is room', async () => {
    const window = createRequestWindow({ targetMs: 100, initial: 1, min: 1 });
    await window.ready();
    const end = await window.acquire();
    let ready = false;
    const waiting = window.ready().then(() => (ready = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(ready).toBe(false);
    end(5);
    await waiting;
    expect(ready).toBe(true);
  });
});
