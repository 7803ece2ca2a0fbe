import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startServerSchedule } from '../../../electron/engine/servers/schedule';
import { silentLogger, type Logger } from '../../../electron/engine/log';

const MINUTE_MS = 60_000;

/** A poll that stays pending until released; counts starts and the most running at once. */
function controllablePolls() {
  const state = { started: 0, running: 0, most: 0, releases: [] as Array<(fail?: boolean) => void> };
  const poll = () => {
    state.started++;
    state.running++;
    state.most = Math.max(state.most, state.running);
    return new Promise<void>((resolve, reject) => {
      state.releases.push((fail) => {
        state.running--;
        if (fail) reject(new Error('database is closed'));
        else resolve();
      });
    });
  };
  return { state, poll, release: (fail?: boolean) => state.releases.shift()?.(fail) };
}

describe('server poll schedule', () => {
  let stop: () => void = () => undefined;
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-29T08:00:00.000Z'));
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  const start = (
    poll: () => Promise<unknown>,
    options: { minutes?: () => number; busy?: () => boolean; logger?: Logger } = {},
  ) => {
    stop = startServerSchedule({
      servers: { poll, busy: options.busy ?? (() => false) },
      intervalMinutes: options.minutes ?? (() => 5),
      now: () => new Date(),
      logger: options.logger ?? silentLogger,
    });
  };

  it('polls at once, then every 5 minutes', async () => {
    const polls = controllablePolls();
    start(polls.poll);
    expect(polls.state.started).toBe(1);
    polls.release();
    await vi.advanceTimersByTimeAsync(4 * MINUTE_MS);
    expect(polls.state.started).toBe(1);
    await vi.advanceTimersByTimeAsync(MINUTE_MS);
    expect(polls.state.started).toBe(2);
    polls.release();
    await vi.advanceTimersByTimeAsync(5 * MINUTE_MS);
    expect(polls.state.started).toBe(3);
  });

  it('never starts a poll while one runs, however long it takes', async () => {
    const polls = controllablePolls();
    start(polls.poll);
    await vi.advanceTimersByTimeAsync(30 * MINUTE_MS);
    expect(polls.state.started).toBe(1);
    polls.release();
    await vi.advanceTimersByTimeAsync(MINUTE_MS);
    // The 5 minutes had long passed: the next poll starts at the next tick.
    expect(polls.state.started).toBe(2);
    expect(polls.state.most).toBe(1);
  });

  it('skips while a poll asked by the referent runs', async () => {
    const polls = controllablePolls();
    let busy = true;
    start(polls.poll, { busy: () => busy });
    await vi.advanceTimersByTimeAsync(10 * MINUTE_MS);
    expect(polls.state.started).toBe(0);
    busy = false;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(polls.state.started).toBe(1);
  });

  it('a failing poll is logged and the schedule goes on', async () => {
    const polls = controllablePolls();
    const warnings: string[] = [];
    start(polls.poll, { logger: { ...silentLogger, warn: (message) => warnings.push(message) } });
    polls.release(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(warnings).toEqual(['scheduled file server poll failed']);
    await vi.advanceTimersByTimeAsync(5 * MINUTE_MS);
    expect(polls.state.started).toBe(2);
  });

  it('follows a changed interval at once', async () => {
    const polls = controllablePolls();
    let minutes = 5;
    start(polls.poll, { minutes: () => minutes });
    polls.release();
    minutes = 15;
    await vi.advanceTimersByTimeAsync(10 * MINUTE_MS);
    expect(polls.state.started).toBe(1);
    await vi.advanceTimersByTimeAsync(5 * MINUTE_MS);
    expect(polls.state.started).toBe(2);
  });

  it('stops', async () => {
    const polls = controllablePolls();
    start(polls.poll);
    polls.release();
    stop();
    await vi.advanceTimersByTimeAsync(60 * MINUTE_MS);
    expect(polls.state.started).toBe(1);
  });
});
