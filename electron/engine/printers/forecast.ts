/**
 * Supply history, pure: cartridge replacements (the level jumps up), days until a supply is
 * empty (or a waste receptacle full) from the consumption since the last replacement, and pages
 * per month from page-counter samples. Times are milliseconds since the epoch.
 */

const DAY_MS = 86_400_000;
/** Less history than this (a day) says nothing about a rate: two polls a minute apart are noise. */
const MIN_SPAN_MS = DAY_MS;
/** A month, for pages per month: 30 days. */
const MONTH_DAYS = 30;

/** One reading of a supply. */
export interface LevelSample {
  /** When it was read, ms since the epoch. */
  readonly at: number;
  /** Supply percent (how full, for waste receptacles) or null when the reading gave none. */
  readonly percent: number | null;
  /** prtMarkerLifeCount at that time, when known. */
  readonly pageCount?: number | null;
}

/** One reading of a page counter. */
export interface CounterSample {
  readonly at: number;
  readonly count: number | null;
}

/** Options of the forecast. */
export interface ForecastOptions {
  /** True for a waste receptacle: percent is how full, and the forecast is until full. */
  readonly waste?: boolean;
  /** A rise of the remaining level of at least this many points is a replacement. Default 20. */
  readonly replacementJump?: number;
  /**
   * Recent pages per day of the printer. With it, and page counts on the samples, consumption
   * is measured per page and projected at this rate (a fortnight of holidays does not look like
   * a slow cartridge); without, per day.
   */
  readonly pagesPerDay?: number;
}

const DEFAULT_JUMP = 20;

/** Samples with a percent, oldest first, as what is left (100 − percent for waste). */
function remainingSeries(samples: readonly LevelSample[], waste: boolean) {
  return samples
    .filter((sample): sample is LevelSample & { percent: number } => sample.percent !== null)
    .map((sample) => ({ ...sample, left: waste ? 100 - sample.percent : sample.percent }))
    .sort((a, b) => a.at - b.at);
}

/**
 * When the supply was replaced: the times of the samples whose remaining level rose by at least
 * `replacementJump` points (default 20) over the previous sample; for waste, when it was emptied.
 * @returns timestamps, oldest first.
 */
export function detectReplacements(samples: readonly LevelSample[], options: ForecastOptions = {}): number[] {
  const jump = options.replacementJump ?? DEFAULT_JUMP;
  const series = remainingSeries(samples, options.waste ?? false);
  return series
    .filter((sample, i) => i > 0 && sample.left - series[i - 1].left >= jump)
    .map((sample) => sample.at);
}

/** Least-squares slope of y over x; null when x does not vary. */
function slope(points: readonly (readonly [number, number])[]): number | null {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  if (sxx === 0) return null;
  return points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx;
}

/**
 * Days until the supply is empty (a waste receptacle full), from the samples since the last
 * replacement: the least-squares consumption rate (points per day, or per page times
 * `pagesPerDay` when given and every sample has a page count), projected from the last level.
 * @returns whole days (rounded), 0 when already empty, or null with fewer than 2 samples since
 *   the replacement, less than a day between them, or a level that does not go down.
 */
export function forecastDaysLeft(
  samples: readonly LevelSample[],
  options: ForecastOptions = {},
): number | null {
  const series = remainingSeries(samples, options.waste ?? false);
  const lastReplacement = detectReplacements(samples, options).at(-1) ?? -Infinity;
  const since = series.filter((sample) => sample.at >= lastReplacement);
  if (since.length < 2 || since[since.length - 1].at - since[0].at < MIN_SPAN_MS) return null;
  const last = since[since.length - 1];
  const pages = since.map((sample) => sample.pageCount ?? null);
  const perPage = options.pagesPerDay !== undefined && pages.every((count) => count !== null);
  const rate = perPage
    ? (slope(since.map((sample, i) => [pages[i] as number, sample.left])) ?? 0) *
      (options.pagesPerDay as number)
    : (slope(since.map((sample) => [sample.at / DAY_MS, sample.left])) ?? 0);
  if (rate >= 0) return null;
  return Math.round(last.left / -rate);
}

/**
 * Pages per month (30 days) from page-counter samples: the sum of the increases between
 * consecutive samples over the time covered; an interval where the counter goes back (a reset,
 * a board swap) counts no pages.
 * @returns whole pages per month, or null with fewer than 2 samples or less than a day between them.
 */
export function pagesPerMonth(samples: readonly CounterSample[]): number | null {
  const series = samples
    .filter((sample): sample is CounterSample & { count: number } => sample.count !== null)
    .sort((a, b) => a.at - b.at);
  if (series.length < 2) return null;
  const days = (series[series.length - 1].at - series[0].at) / DAY_MS;
  if (days * DAY_MS < MIN_SPAN_MS) return null;
  const pages = series.reduce(
    (total, sample, i) => total + (i === 0 ? 0 : Math.max(sample.count - series[i - 1].count, 0)),
    0,
  );
  return Math.round((pages / days) * MONTH_DAYS);
}
