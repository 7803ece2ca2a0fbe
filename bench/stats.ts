/**
 * Small statistics for the benchmark: every figure is the median of several runs, with the
 * smallest and largest, because the machine is shared and noisy.
 */

/** Median, minimum and maximum of a series of measurements (same unit as the input). */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

/**
 * Median (the lower middle value for an even count), min and max of `xs`.
 * @throws Error when `xs` is empty.
 */
export function spread(xs: readonly number[]): Spread {
  if (xs.length === 0) throw new Error('spread: no measurement');
  const sorted = [...xs].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor((sorted.length - 1) / 2)],
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

/** The spread of one numeric field over several samples. */
export function spreadOf<T>(
  samples: readonly T[],
  key: { [K in keyof T]: T[K] extends number ? K : never }[keyof T],
): Spread {
  return spread(samples.map((s) => s[key] as number));
}

/** "1.23 (1.10–1.40)": a spread for a table cell, with `digits` decimals. */
export function formatSpread(s: Spread | null, digits = 2): string {
  if (!s) return '—';
  const f = (x: number) => x.toFixed(digits);
  return s.min === s.max ? f(s.median) : `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
}
