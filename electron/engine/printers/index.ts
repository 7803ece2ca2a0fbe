/**
 * Printers: reading a printer's supplies, trays, counters and condition from the standard
 * Printer-MIB (RFC 3805) and HOST-RESOURCES-MIB (RFC 2790) with vendor knowledge as profile data,
 * the pure interpretation of those values (kinds, colours, units, levels, error bits, part
 * numbers), and the pure history that turns readings into replacements and forecasts.
 */
export { readPrinter, printerOptions, type ReadPrinterOptions } from './read-printer';
export { readPageCounters, lifeCountFrom, type PageCounters } from './page-counters';
export {
  forecastDaysLeft,
  detectReplacements,
  pagesPerMonth,
  type LevelSample,
  type CounterSample,
} from './forecast';
export { DEFAULT_THRESHOLDS, levelState, type Thresholds } from './levels';
