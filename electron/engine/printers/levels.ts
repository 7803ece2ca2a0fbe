/**
 * Percent and state of a supply or a tray from its raw RFC 3805 level and capacity, never
 * inventing a percentage: −3 (some remaining), −2 (unknown) and −1 (unlimited / other) keep
 * their meaning, and a capacity that is not positive gives no percentage (except for a level
 * served in percent). A level above its capacity reads as 100 % (a higher-yield cartridge in a
 * slot whose capacity is that of the standard one), not as an error.
 */
import type { SupplyState } from '../../../shared/domain/printer';

/** Alert thresholds. `lowPercent`: a supply at or under it is `low`; a waste receptacle at or over 100 − it is `almost-full`. */
export interface Thresholds {
  readonly lowPercent: number;
}

/** The default thresholds (low at 10 %). */
export const DEFAULT_THRESHOLDS: Thresholds = { lowPercent: 10 };

/** What levelState reads. */
export interface RawLevel {
  /** prtMarkerSuppliesLevel / prtInputCurrentLevel as served, or null. */
  readonly level: number | null;
  /** prtMarkerSuppliesMaxCapacity / prtInputMaxCapacity as served, or null. */
  readonly maxCapacity: number | null;
  /** True when the level is served in percent (prtMarkerSuppliesSupplyUnit 19). */
  readonly inPercent: boolean;
  /** True for a receptacle (waste toner, waste ink): the level is the space left. */
  readonly waste: boolean;
}

/** A level interpreted: `percent` 0–100 (how full for waste) or null, and its state. */
export interface LevelReading {
  readonly percent: number | null;
  readonly state: SupplyState;
}

/** RFC 3805 special level values → state. */
const SPECIAL_LEVELS: Readonly<Record<number, SupplyState>> = {
  [-1]: 'unlimited',
  [-2]: 'unknown',
  [-3]: 'some-remaining',
};

/** How much is left, 0–1, or null when the values do not say. */
function remainingRatio({ level, maxCapacity, inPercent }: RawLevel): number | null {
  if (level === null || level < 0) return null;
  if (maxCapacity !== null && maxCapacity > 0) return Math.min(level / maxCapacity, 1);
  return inPercent && level <= 100 ? level / 100 : null;
}

/**
 * Interprets a level (RFC 3805 prtMarkerSuppliesLevel / prtInputCurrentLevel semantics).
 * Consumed supplies: `empty` at level 0, `low` at or under `lowPercent`, else `ok`. Receptacles:
 * percent is how full, `full` when no space is left, `almost-full` at or over 100 − `lowPercent`.
 * Percentages are rounded to whole numbers.
 */
export function levelState(raw: RawLevel, thresholds: Thresholds = DEFAULT_THRESHOLDS): LevelReading {
  if (raw.level === null) return { percent: null, state: 'unknown' };
  const special = SPECIAL_LEVELS[raw.level];
  if (special) return { percent: null, state: special };
  const ratio = remainingRatio(raw);
  if (ratio === null) return { percent: null, state: 'unknown' };
  if (raw.waste) {
    const percent = Math.round((1 - ratio) * 100);
    const state = raw.level === 0 ? 'full' : percent >= 100 - thresholds.lowPercent ? 'almost-full' : 'ok';
    return { percent, state };
  }
  const percent = Math.round(ratio * 100);
  const state = raw.level === 0 ? 'empty' : percent <= thresholds.lowPercent ? 'low' : 'ok';
  return { percent, state };
}
