import { z } from 'zod';
import { PRINTER_ERRORS, SUPPLY_COLORS, SUPPLY_KINDS } from './vocabulary';

export const SupplyKind = z.enum(SUPPLY_KINDS);
export type SupplyKind = z.infer<typeof SupplyKind>;

export const SupplyColor = z.enum(SUPPLY_COLORS);
export type SupplyColor = z.infer<typeof SupplyColor>;

/**
 * A level read the RFC 3805 way. `some-remaining` is level −3, `unlimited` −1, `unknown` −2 or
 * no usable capacity; `low`/`empty` for consumed supplies and `almost-full`/`full` for waste
 * receptacles (whose level is the space left) follow the thresholds of the settings.
 */
export const SupplyState = z.enum([
  'ok',
  'low',
  'empty',
  'almost-full',
  'full',
  'some-remaining',
  'unknown',
  'unlimited',
]);
export type SupplyState = z.infer<typeof SupplyState>;

/** One row of prtMarkerSuppliesTable, interpreted. */
export const Supply = z.object({
  /** prtMarkerSuppliesIndex (the last arc of the row's OID). */
  index: z.number().int(),
  /** hrDeviceIndex of the row (0, 1 or other). */
  deviceIndex: z.number().int(),
  kind: SupplyKind,
  color: SupplyColor.nullable(),
  /** prtMarkerSuppliesDescription, decoded. */
  description: z.string().nullable(),
  partNumber: z.string().nullable(),
  /** prtMarkerSuppliesSupplyUnit in words (`percent`, `impressions`, `tenths-of-milliliters`…), or null. */
  unit: z.string().nullable(),
  /** prtMarkerSuppliesMaxCapacity as served (may be −1 or −2). */
  maxCapacity: z.number().int().nullable(),
  /** prtMarkerSuppliesLevel as served (may be −1, −2 or −3). */
  level: z.number().int().nullable(),
  /** 0–100, only when level and capacity are real values; never invented. For waste: how full. */
  percent: z.number().min(0).max(100).nullable(),
  state: SupplyState,
  /** Days until empty (or full, for waste) from the recent consumption, or null without enough data. */
  daysLeft: z.number().nullable(),
});
export type Supply = z.infer<typeof Supply>;

/** One row of prtInputTable (paper trays) or prtOutputTable (bins). */
export const Tray = z.object({
  index: z.number().int(),
  name: z.string().nullable(),
  media: z.string().nullable(),
  level: z.number().int().nullable(),
  maxCapacity: z.number().int().nullable(),
  percent: z.number().min(0).max(100).nullable(),
  state: SupplyState,
});
export type Tray = z.infer<typeof Tray>;

export const PrinterError = z.enum(PRINTER_ERRORS);
export type PrinterError = z.infer<typeof PrinterError>;

/** An entry of prtAlertTable. */
export const PrinterAlert = z.object({
  index: z.number().int(),
  /** prtAlertSeverityLevel: other, critical, warning, warningBinaryChangeEvent. */
  severity: z.enum(['critical', 'warning', 'other']),
  /** prtAlertGroup and prtAlertCode as numbers (RFC 3805 textual conventions). */
  group: z.number().int().nullable(),
  code: z.number().int().nullable(),
  description: z.string().nullable(),
});
export type PrinterAlert = z.infer<typeof PrinterAlert>;

/** The overall printer status in one word (hrPrinterStatus, hrDeviceStatus and error bits). */
export const PrinterStatus = z.enum(['idle', 'printing', 'warmup', 'warning', 'error', 'offline', 'unknown']);
export type PrinterStatus = z.infer<typeof PrinterStatus>;

/** Page counters. `total` is prtMarkerLifeCount; the splits come from vendor profiles. */
export const PageCount = z.object({
  total: z.number().nullable(),
  mono: z.number().nullable(),
  color: z.number().nullable(),
});
export type PageCount = z.infer<typeof PageCount>;

/** What one read of a printer gives (`parc printers --json`, one entry). */
export const PrinterReading = z.object({
  status: PrinterStatus,
  errors: z.array(PrinterError),
  alerts: z.array(PrinterAlert),
  /** The front-panel text where a vendor exposes it (prtConsoleDisplayBufferText). */
  display: z.string().nullable(),
  pageCount: PageCount,
  supplies: z.array(Supply),
  trays: z.array(Tray),
});
export type PrinterReading = z.infer<typeof PrinterReading>;

/** A printer of the inventory with its last reading (`printers:list`, `parc printers --json`). */
export const PrinterSummary = PrinterReading.extend({
  deviceId: z.number().int(),
  ip: z.string(),
  sysName: z.string().nullable(),
  vendor: z.string().nullable(),
  model: z.string().nullable(),
  serial: z.string().nullable(),
  room: z.string().nullable(),
  /** When the reading was taken (ISO 8601), or null if the printer was never read. */
  readAt: z.string().nullable(),
  /** Pages per month from the counter history, or null without enough data. */
  pagesPerMonth: z.number().nullable(),
  /**
   * Incidents open on this printer, each opened once and kept until it clears: `supply-empty:<supplyKey>`,
   * `supply-low:<supplyKey>`, `printer-error:<PrinterError>`; `since` is when it opened (ISO 8601).
   */
  incidents: z.array(z.object({ key: z.string(), since: z.string() })),
});
export type PrinterSummary = z.infer<typeof PrinterSummary>;

/** A supply to order: low, empty (or a waste box almost full), or expected to run out soon. */
export const SupplyToOrder = z.object({
  deviceId: z.number().int(),
  /** `hrDeviceIndex.prtMarkerSuppliesIndex`, for `printers:replace`. */
  supplyKey: z.string(),
  printer: z.string(),
  room: z.string().nullable(),
  model: z.string().nullable(),
  kind: SupplyKind,
  color: SupplyColor.nullable(),
  description: z.string().nullable(),
  partNumber: z.string().nullable(),
  percent: z.number().nullable(),
  state: SupplyState,
  daysLeft: z.number().nullable(),
});
export type SupplyToOrder = z.infer<typeof SupplyToOrder>;

/** `printers:history`: how far back by default, at most, and the most points per series. */
export const HISTORY_DEFAULT_DAYS = 90;
export const HISTORY_MAX_DAYS = 365;
export const HISTORY_MAX_POINTS = 500;

/** `printers:history` input: one printer, the last `days` days (default 90, at most 365). */
export const PrinterHistoryInput = z.object({
  deviceId: z.number().int(),
  days: z.number().int().min(1).max(HISTORY_MAX_DAYS).default(HISTORY_DEFAULT_DAYS),
});
export type PrinterHistoryInput = z.input<typeof PrinterHistoryInput>;

/** The level history of one supply: samples (percent null when not measured) and replacements. */
export const SupplyHistory = z.object({
  /** `hrDeviceIndex.prtMarkerSuppliesIndex`. */
  supplyKey: z.string(),
  kind: SupplyKind,
  color: SupplyColor.nullable(),
  description: z.string().nullable(),
  /** Oldest first, at most `HISTORY_MAX_POINTS` (evenly downsampled, first and last kept). */
  points: z.array(z.object({ at: z.string(), percent: z.number().nullable() })),
  /** Replacements in the period, oldest first: recorded by the TOS agent or detected (level jump). */
  replacements: z.array(z.object({ at: z.string(), source: z.enum(['manual', 'detected']) })),
});
export type SupplyHistory = z.infer<typeof SupplyHistory>;

/** `printers:history` output: per supply of the last reading, and the page counter (prtMarkerLifeCount). */
export const PrinterHistory = z.object({
  supplies: z.array(SupplyHistory),
  /** Oldest first, at most `HISTORY_MAX_POINTS`; `total` null when the counter was not read. */
  pages: z.array(z.object({ at: z.string(), total: z.number().nullable() })),
});
export type PrinterHistory = z.infer<typeof PrinterHistory>;
