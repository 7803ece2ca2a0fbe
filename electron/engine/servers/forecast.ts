/**
 * "Full in N days" (issue 5): a robust linear fit of a volume's used percent over the last 30
 * days. Theil–Sen (Theil 1950, Sen 1968): the slope is the median of the slopes of every pair of
 * points, the intercept the median of the residuals; a few outliers (a big copy deleted the next
 * day) barely move it, unlike least squares. Pure computation.
 */

/** One measurement: its time (ISO 8601) and the volume's used percent (0–100). */
export interface UsagePoint {
  at: string;
  percent: number;
}

/** A line `y = intercept + slope × x`. */
export interface LinearFit {
  slope: number;
  intercept: number;
}

const DAY_MS = 86_400_000;

/** The rules that decide when a forecast is meaningful. */
export const FORECAST_RULES = {
  /** Days of usage looked at, back from now. */
  windowDays: 30,
  /** Fewer days than this between the first and last point: no forecast. */
  minSpanDays: 3,
  /** Fewer points than this: no forecast. */
  minPoints: 6,
  /** Growth under this (percentage points per day) is flat: no forecast. */
  minSlopePerDay: 0.01,
  /** A robust R² (1 − (MAD of residuals / MAD of values)²) under this is a poor fit: no forecast. */
  minFitQuality: 0.5,
  /** Farther than this many days is not a forecast anyone acts on. */
  maxDays: 3650,
  /** Points fitted at most (evenly thinned: Theil–Sen looks at every pair). */
  maxPoints: 240,
} as const;

/** The median of `values` (NaN for none). Sorts a copy. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The Theil–Sen line through `xs`, `ys` (same length): median of pairwise slopes (pairs with
 * equal x skipped), intercept the median of `y − slope × x`. @returns null with fewer than two distinct x.
 */
export function theilSen(xs: readonly number[], ys: readonly number[]): LinearFit | null {
  const slopes: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      const dx = xs[j] - xs[i];
      if (dx !== 0) slopes.push((ys[j] - ys[i]) / dx);
    }
  }
  if (slopes.length === 0) return null;
  const slope = median(slopes);
  const intercept = median(xs.map((x, i) => ys[i] - slope * x));
  return { slope, intercept };
}

/**
 * How well a line explains the points, robustly: 1 − (MAD of residuals / MAD of values)², 1 for
 * a perfect line, about 0 for noise around a level. A constant series (MAD 0) scores 1 when the
 * residuals are 0 too, else 0.
 */
export function fitQuality(xs: readonly number[], ys: readonly number[], fit: LinearFit): number {
  const residualMad = median(xs.map((x, i) => Math.abs(ys[i] - (fit.intercept + fit.slope * x))));
  const centre = median(ys);
  const valueMad = median(ys.map((y) => Math.abs(y - centre)));
  if (valueMad === 0) return residualMad === 0 ? 1 : 0;
  return 1 - (residualMad / valueMad) ** 2;
}

/** At most `max` items, evenly spaced, the first and last kept. */
function thin<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const step = (items.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => items[Math.round(i * step)]);
}

/**
 * Days from `now` until the volume reaches 100 %, from a Theil–Sen fit of its usage over the last
 * 30 days (points older are ignored; the fitted line, not the last point, gives today's level).
 * @param points used percent over time, any order.
 * @returns whole days (0 when the fit is already at 100 %), or null when not meaningful: under
 *   3 days or 6 points of data, flat or shrinking usage (< 0.01 point/day), a poor fit (robust
 *   R² < 0.5), or more than 3,650 days.
 */
export function fullInDays(points: readonly UsagePoint[], now: string): number | null {
  const nowMs = Date.parse(now);
  const from = nowMs - FORECAST_RULES.windowDays * DAY_MS;
  const usable = points
    .map((p) => ({ t: Date.parse(p.at), y: p.percent }))
    .filter((p) => Number.isFinite(p.t) && Number.isFinite(p.y) && p.t >= from && p.t <= nowMs)
    .sort((a, b) => a.t - b.t);
  if (usable.length < FORECAST_RULES.minPoints) return null;
  const first = usable[0];
  const last = usable[usable.length - 1];
  if ((last.t - first.t) / DAY_MS < FORECAST_RULES.minSpanDays) return null;
  const fitted = thin(usable, FORECAST_RULES.maxPoints);
  // x in days before now (≤ 0), so the intercept is today's fitted level.
  const xs = fitted.map((p) => (p.t - nowMs) / DAY_MS);
  const ys = fitted.map((p) => p.y);
  const fit = theilSen(xs, ys);
  if (!fit || fit.slope < FORECAST_RULES.minSlopePerDay) return null;
  if (fitQuality(xs, ys, fit) < FORECAST_RULES.minFitQuality) return null;
  if (fit.intercept >= 100) return 0;
  const days = (100 - fit.intercept) / fit.slope;
  return days > FORECAST_RULES.maxDays ? null : Math.round(days);
}
