import { describe, expect, it } from 'vitest';
import {
  fitQuality,
  fullInDays,
  median,
  theilSen,
  type UsagePoint,
} from '../../../electron/engine/servers/forecast';

const NOW = '2026-11-29T12:00:00.000Z';
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Hourly points over `days` days before NOW, percent = f(days before now, ≤ 0). */
function series(days: number, f: (x: number, i: number) => number, stepMs = HOUR_MS): UsagePoint[] {
  const points: UsagePoint[] = [];
  const end = Date.parse(NOW);
  for (let t = end - days * DAY_MS, i = 0; t <= end; t += stepMs, i++) {
    points.push({ at: new Date(t).toISOString(), percent: f((t - end) / DAY_MS, i) });
  }
  return points;
}

/** A deterministic noise in [-1, 1] (no Math.random: the tests must not flake). */
const noise = (i: number) => Math.sin(i * 12.9898) * 0.5 + Math.sin(i * 78.233) * 0.5;

describe('Theil–Sen', () => {
  it('finds the line through exact points', () => {
    expect(theilSen([0, 1, 2, 3], [5, 7, 9, 11])).toEqual({ slope: 2, intercept: 5 });
  });

  it('ignores an outlier that would tilt least squares', () => {
    const xs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const ys = xs.map((x) => 10 + x);
    ys[9] = 90; // one wild value
    const fit = theilSen(xs, ys);
    expect(fit?.slope).toBe(1);
    expect(fit?.intercept).toBe(10);
  });

  it('has no line without two distinct x', () => {
    expect(theilSen([3, 3], [1, 2])).toBeNull();
    expect(theilSen([], [])).toBeNull();
  });

  it('medians', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('scores a perfect line 1 and noise around a level about 0', () => {
    const xs = Array.from({ length: 50 }, (_, i) => i);
    expect(
      fitQuality(
        xs,
        xs.map((x) => 2 * x),
        { slope: 2, intercept: 0 },
      ),
    ).toBe(1);
    const flat = xs.map((_, i) => 50 + noise(i) * 5);
    const fit = theilSen(xs, flat);
    expect(fit).not.toBeNull();
    expect(fitQuality(xs, flat, fit!)).toBeLessThan(0.5);
  });
});

describe('full in N days', () => {
  it('30 days growing 1 %/day, at 60 % now: full in 40 days (issue 5)', () => {
    expect(
      fullInDays(
        series(30, (x) => 60 + x),
        NOW,
      ),
    ).toBe(40);
  });

  it('counts from now: the same growth started at 60 % 30 days ago is at 90 %, full in 10 days', () => {
    expect(
      fullInDays(
        series(30, (x) => 90 + x),
        NOW,
      ),
    ).toBe(10);
  });

  it('stays within a day with daily noise of ±1 point and a few outliers', () => {
    const noisy = series(30, (x, i) => 60 + x + noise(i) + (i % 97 === 0 ? -25 : 0));
    const days = fullInDays(noisy, NOW);
    expect(days).not.toBeNull();
    expect(Math.abs((days as number) - 40)).toBeLessThanOrEqual(1);
  });

  it('looks only at the last 30 days', () => {
    // Fast growth long ago, then 0.5 %/day for the last 30 days, at 70 % now: 60 days.
    const old = series(60, (x) => (x < -30 ? 10 + (x + 60) * 2 : 70 + x * 0.5));
    expect(fullInDays(old, NOW)).toBe(60);
  });

  it('is 0 when the fit is already at 100 %', () => {
    expect(
      fullInDays(
        series(10, (x) => 101 + x),
        NOW,
      ),
    ).toBe(0);
  });

  it.each([
    ['fewer than 3 days of data', series(2, (x) => 60 + x)],
    ['too few points', series(10, (x) => 60 + x, 3 * DAY_MS)],
    ['flat usage', series(30, () => 72)],
    ['shrinking usage', series(30, (x) => 60 - x)],
    ['growth too slow to matter (over 10 years)', series(30, (x) => 50 + x * 0.011)],
    ['noise around a level (poor fit)', series(30, (_, i) => 60 + noise(i) * 10)],
    ['no data', [] as UsagePoint[]],
  ])('is null for %s', (_name, points) => {
    expect(fullInDays(points, NOW)).toBeNull();
  });

  it('ignores points in the future and unreadable ones', () => {
    const points = [
      ...series(30, (x) => 60 + x),
      { at: '2027-01-01T00:00:00.000Z', percent: 5 },
      { at: 'not a date', percent: 99 },
      { at: NOW, percent: Number.NaN },
    ];
    expect(fullInDays(points, NOW)).toBe(40);
  });
});
