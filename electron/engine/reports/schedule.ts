/**
 * The daily health report while the app runs (issue 6): once a day at the settings' `reportTime`
 * (local time) a report is made and stored in the outbox; every tick, the reports that are due
 * are sent (so a hub that was down gets them later, with the outbox's backoff).
 */
import type { Logger } from '../log';

/** How often the schedule looks at the clock, milliseconds. */
export const SCHEDULE_TICK_MS = 60_000;

/**
 * Whether today's report is due at `now`: the local time has reached `reportTime` (`HH:MM`) and no
 * report was made since today's `reportTime`.
 * @param lastMadeAt when the last report was made (ISO 8601), or null.
 */
export function isReportDue(now: Date, reportTime: string, lastMadeAt: string | null): boolean {
  const [hours, minutes] = reportTime.split(':').map(Number);
  const todayAt = new Date(now);
  todayAt.setHours(hours, minutes, 0, 0);
  if (now < todayAt) return false;
  return lastMadeAt === null || Date.parse(lastMadeAt) < todayAt.getTime();
}

/** What the schedule drives. */
export interface ScheduledReports {
  lastMadeAt(): string | null;
  make(): unknown;
  flushDue(): Promise<unknown>;
}

/**
 * Starts the schedule. A report that cannot be made (no UAI, no hub yet, disk full) is logged and
 * tried again at the next tick; nothing here throws.
 * @returns stops the schedule.
 */
export function startReportSchedule(deps: {
  reports: ScheduledReports;
  /** Where reports go (the hub's or GLPI's address; null: nowhere, make none) and the daily time, read at every tick. */
  settings: () => { destination: string | null; reportTime: string };
  now: () => Date;
  logger: Logger;
  tickMs?: number;
}): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const { destination, reportTime } = deps.settings();
      if (!destination) return; // reports are not sent there by this school: make none
      if (isReportDue(deps.now(), reportTime, deps.reports.lastMadeAt())) deps.reports.make();
      await deps.reports.flushDue();
    } catch (error) {
      deps.logger.warn('scheduled report not made or not sent', { error: String(error) });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), deps.tickMs ?? SCHEDULE_TICK_MS);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
