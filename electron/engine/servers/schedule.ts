/**
 * Collects the watched file servers every `serverPollMinutes` (default 5) while the app runs
 * (issue 5). The schedule looks at the clock every 30 seconds; it never starts a poll while one
 * runs (its own or one asked by the referent), and a failing poll is logged, never thrown.
 */
import type { Logger } from '../log';

/** How often the schedule looks at the clock, milliseconds. */
export const SERVER_SCHEDULE_TICK_MS = 30_000;
const MINUTE_MS = 60_000;
const DEFAULT_MINUTES = 5;

/** What the schedule drives. */
export interface ScheduledServers {
  /** Collects every server; resolves when all are stored (a failing server does not reject it). */
  poll(): Promise<unknown>;
  /** Whether a poll is running or waiting (then this tick is skipped). */
  busy(): boolean;
}

/**
 * Starts the schedule: a first poll at once, then one whenever `intervalMinutes()` have passed
 * since the last one started (read at every tick, so a changed setting applies at once).
 * @returns stops the schedule (a poll under way finishes).
 */
export function startServerSchedule(deps: {
  servers: ScheduledServers;
  intervalMinutes: () => number;
  now: () => Date;
  logger: Logger;
  tickMs?: number;
}): () => void {
  let running = false;
  let lastStartedAt: number | null = null;
  const tick = async () => {
    if (running || deps.servers.busy()) return;
    const now = deps.now().getTime();
    let minutes = DEFAULT_MINUTES;
    try {
      minutes = deps.intervalMinutes();
    } catch (error) {
      deps.logger.warn('server poll interval unreadable; 5 minutes', { error: String(error) });
    }
    // A clock set back (now before the last start) makes the poll due rather than waiting for it.
    if (lastStartedAt !== null && now >= lastStartedAt && now - lastStartedAt < minutes * MINUTE_MS) return;
    running = true;
    lastStartedAt = now;
    try {
      await deps.servers.poll();
    } catch (error) {
      deps.logger.warn('scheduled file server poll failed', { error: String(error) });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), deps.tickMs ?? SERVER_SCHEDULE_TICK_MS);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
