import { afterEach, describe, expect, it, vi } from 'vitest';
import { isReportDue, startReportSchedule } from '../../../electron/engine/reports/schedule';
import { createLogger } from '../../../electron/engine/log';

const at = (local: string) => new Date(local); // local time, as the referent sets reportTime

describe('daily report schedule', () => {
  afterEach(() => vi.useRealTimers());

  it('is due once the report time is reached and no report was made since', () => {
    expect(isReportDue(at('2026-11-30T07:29:00'), '07:30', null)).toBe(false);
    expect(isReportDue(at('2026-11-30T07:30:00'), '07:30', null)).toBe(true);
    expect(isReportDue(at('2026-11-30T09:00:00'), '07:30', at('2026-11-29T07:30:05').toISOString())).toBe(
      true,
    );
    expect(isReportDue(at('2026-11-30T09:00:00'), '07:30', at('2026-11-30T07:31:00').toISOString())).toBe(
      false,
    );
  });

  it('makes one report a day while it runs, sends the due ones every tick, and makes none without a hub', async () => {
    vi.useFakeTimers();
    let now = at('2026-11-30T07:00:00');
    let last: string | null = null;
    const reports = {
      lastMadeAt: () => last,
      make: vi.fn(() => (last = now.toISOString())),
      flushDue: vi.fn(async () => ({ sent: 0, rejected: 0, pending: 0 })),
    };
    let destination: string | null = 'https://hub.example/api/reports';
    const stop = startReportSchedule({
      reports,
      settings: () => ({ destination, reportTime: '07:30' }),
      now: () => now,
      logger: createLogger(() => undefined, 'error'),
      tickMs: 60_000,
    });
    for (const time of ['07:10', '07:30', '07:31', '12:00']) {
      now = at(`2026-11-30T${time}:00`);
      await vi.advanceTimersByTimeAsync(60_000);
    }
    expect(reports.make).toHaveBeenCalledTimes(1);
    expect(reports.flushDue.mock.calls.length).toBeGreaterThanOrEqual(4);
    destination = null;
    now = at('2026-12-01T08:00:00');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reports.make).toHaveBeenCalledTimes(1);
    stop();
  });
});
