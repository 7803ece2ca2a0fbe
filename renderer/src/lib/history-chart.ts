/** Geometry of the small history charts (no chart library): times and values to SVG paths. */

/** One point of a series: a time in ms and a value, null when it was not measured (a gap). */
export type ChartPoint = { t: number; v: number | null };

/** The drawing area and the value range of a chart. */
export type ChartFrame = { width: number; height: number; yMin: number; yMax: number };

/** The shapes to draw: one path of line runs (gaps between), lone points as dots, ticks' x. */
export type ChartShapes = { path: string; dots: { x: number; y: number }[]; ticks: number[] };

const MS_PER_DAY = 86_400_000;
const round = (value: number) => Math.round(value * 10) / 10;

/** Parses `{ at }` ISO times to ms, dropping those that are not dates. */
export function toChartPoints<T extends { at: string }>(
  items: readonly T[],
  value: (item: T) => number | null,
): ChartPoint[] {
  return items
    .map((item) => ({ t: Date.parse(item.at), v: value(item) }))
    .filter((point) => Number.isFinite(point.t));
}

/** The measured points (non-null values) of a series. */
export function measured(points: readonly ChartPoint[]): { t: number; v: number }[] {
  return points.filter((p): p is { t: number; v: number } => p.v !== null);
}

/**
 * What a series says in words: first and last measured values and the whole days between them
 * (at least 1), or null with fewer than 2 measured points.
 */
export function seriesSummary(
  points: readonly ChartPoint[],
): { from: number; to: number; days: number } | null {
  const values = measured(points);
  const first = values[0];
  const last = values.at(-1);
  if (!first || !last || values.length < 2) return null;
  return { from: first.v, to: last.v, days: Math.max(1, Math.round((last.t - first.t) / MS_PER_DAY)) };
}

/**
 * Lays a series out in `frame`: time left to right over the series' span, values bottom to top
 * over `yMin…yMax` (clamped). Consecutive measured points are joined; a null value breaks the
 * line (a gap), a measured point alone between gaps is a dot. `ticks` are the x of the marks
 * (e.g. replacements) that fall within the span.
 */
export function chartShapes(
  points: readonly ChartPoint[],
  frame: ChartFrame,
  marks: readonly number[] = [],
): ChartShapes {
  const times = points.map((p) => p.t);
  const t0 = Math.min(...times);
  const span = Math.max(...times) - t0 || 1;
  const range = frame.yMax - frame.yMin || 1;
  const x = (t: number) => round(((t - t0) / span) * frame.width);
  const y = (v: number) => {
    const clamped = Math.min(frame.yMax, Math.max(frame.yMin, v));
    return round(frame.height - ((clamped - frame.yMin) / range) * frame.height);
  };
  const runs: { x: number; y: number }[][] = [[]];
  for (const point of points) {
    if (point.v === null) runs.push([]);
    else runs.at(-1)!.push({ x: x(point.t), y: y(point.v) });
  }
  const lines = runs.filter((run) => run.length > 1);
  return {
    path: lines.map((run) => run.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ')).join(' '),
    dots: runs.filter((run) => run.length === 1).map((run) => run[0]!),
    ticks: points.length === 0 ? [] : marks.filter((t) => t >= t0 && t <= t0 + span).map(x),
  };
}
