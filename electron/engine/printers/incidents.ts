/**
 * Printer incidents: conditions worth telling someone about, opened once and kept open until
 * they clear, so a value that flaps around a threshold never causes an alert storm.
 * - `supply-empty:<key>`: a supply empty, or a waste receptacle full;
 * - `supply-low:<key>`: low (or almost full), cleared only once the level is back above the
 *   threshold by a margin (hysteresis);
 * - `printer-error:<error>`: a bit of hrPrinterDetectedErrorState (RFC 2790 / RFC 3805).
 * `some-remaining` and `unknown` levels never open anything. Pure.
 */
import type { PrinterReading } from '../../../shared/domain/printer';
import { supplyKey } from '../db/repositories/printers-repo';
import type { Thresholds } from './levels';

/** Points above the low threshold a supply must climb back before its `supply-low` incident closes. */
export const LOW_HYSTERESIS = 5;

/**
 * The incident keys active after a reading, given those already open.
 * @returns keys such as `supply-low:1.2` or `printer-error:jammed`.
 */
export function activeIncidents(
  reading: PrinterReading,
  thresholds: Thresholds,
  open: ReadonlySet<string>,
): Set<string> {
  const active = new Set<string>();
  for (const supply of reading.supplies) {
    const key = supplyKey(supply);
    if (supply.state === 'empty' || supply.state === 'full') active.add(`supply-empty:${key}`);
    const lowKey = `supply-low:${key}`;
    if (supply.state === 'low' || supply.state === 'almost-full') active.add(lowKey);
    else if (open.has(lowKey) && supply.percent !== null) {
      // What is left: the level of a consumable, the free space of a waste receptacle.
      const waste = supply.kind === 'waste-toner' || supply.kind === 'waste-ink';
      const left = waste ? 100 - supply.percent : supply.percent;
      if (left <= thresholds.lowPercent + LOW_HYSTERESIS) active.add(lowKey);
    }
  }
  for (const error of reading.errors) active.add(`printer-error:${error}`);
  return active;
}
