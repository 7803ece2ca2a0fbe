import type { TFunction } from 'i18next';
import type {
  PrinterError,
  PrinterSummary,
  Supply,
  SupplyColor,
  SupplyKind,
  SupplyState,
  SupplyToOrder,
} from '../../../shared/domain/printer';
import { PRINTER_ERRORS } from '../../../shared/domain/vocabulary';

/** States with a real level: the gauge shows it (others are words only, never a made-up percent). */
const MEASURED_STATES: ReadonlySet<SupplyState> = new Set(['ok', 'low', 'empty', 'almost-full', 'full']);

/** States that call for a new supply now (the « À remplacer » badge); a waste box almost full too. */
const REPLACE_STATES: ReadonlySet<SupplyState> = new Set(['empty', 'full', 'low', 'almost-full']);

/** Error bits that are a warning rather than a stop (the printer still prints). */
const WARNING_ERRORS: ReadonlySet<PrinterError> = new Set([
  'low-paper',
  'low-toner',
  'output-near-full',
  'overdue-prevent-maint',
]);

/** @returns the percent to show for a supply or tray, or null when its level is not measured. */
export function measuredPercent(item: { percent: number | null; state: SupplyState }): number | null {
  if (item.percent === null || !MEASURED_STATES.has(item.state)) return null;
  return Math.round(item.percent);
}

/** True when the supply should carry the « À remplacer » badge. */
export function needsReplacement(state: SupplyState): boolean {
  return REPLACE_STATES.has(state);
}

/** The key `printers:replace` expects for a supply of a reading: `hrDeviceIndex.index`. */
export function supplyKeyOf(supply: Pick<Supply, 'deviceIndex' | 'index'>): string {
  return `${supply.deviceIndex}.${supply.index}`;
}

/**
 * True when a network name says nothing: missing, blank, or a placeholder such as `<private>`
 * (what some printers answer instead of their sysName), `(none)`, `unknown`.
 */
export function isPlaceholderName(name: string | null | undefined): boolean {
  const trimmed = name?.trim() ?? '';
  return (
    trimmed === '' || /^[<([{].*[>)\]}]$/.test(trimmed) || /^(unknown|none|null|n\/a|-+|\?+)$/i.test(trimmed)
  );
}

/** The name people know a printer by: its sysName unless a placeholder, else its model, else its IP. */
export function printerName(printer: Pick<PrinterSummary, 'sysName' | 'model' | 'ip'>): string {
  if (printer.sysName && !isPlaceholderName(printer.sysName)) return printer.sysName;
  return printer.model?.trim() || printer.ip;
}

const isWaste = (kind: SupplyKind) => kind === 'waste-toner' || kind === 'waste-ink';

type Gender = 'm' | 'f' | 'fp';
const toGender = (value: string): Gender => (value === 'f' || value === 'fp' ? value : 'm');

/**
 * A supply in words, with its colour agreeing in French: « Toner cyan », « Encre noire »,
 * "Cyan toner". A supply of kind `other` is named by its description when it has one.
 */
export function supplyName(
  supply: { kind: SupplyKind; color: SupplyColor | null; description: string | null },
  t: TFunction,
): string {
  const kind = t(`printers.kinds.${supply.kind}`);
  if (supply.kind === 'other' && supply.description) return supply.description;
  if (!supply.color) return kind;
  const gender = toGender(t(`printers.kindGender.${supply.kind}`));
  return t('printers.kindWithColor', {
    kind,
    kindLower: kind.toLocaleLowerCase(),
    color: t(`printers.colors.${gender}.${supply.color}`),
  });
}

/** 0: stopped or a supply to replace now; 1: needs attention soon; 2: fine. */
export function printerUrgency(printer: PrinterSummary): 0 | 1 | 2 {
  if (
    printer.status === 'error' ||
    printer.errors.some((error) => !WARNING_ERRORS.has(error)) ||
    printer.supplies.some((s) => s.state === 'empty' || s.state === 'full')
  ) {
    return 0;
  }
  if (
    printer.status === 'warning' ||
    printer.status === 'offline' ||
    printer.errors.length > 0 ||
    printer.supplies.some((s) => s.state === 'low' || s.state === 'almost-full')
  ) {
    return 1;
  }
  return 2;
}

/** How much is left of the emptiest measured supply (waste boxes: space left), 100 when none is measured. */
function lowestLeft(printer: PrinterSummary): number {
  let lowest = 100;
  for (const supply of printer.supplies) {
    const percent = measuredPercent(supply);
    if (percent === null) continue;
    lowest = Math.min(lowest, isWaste(supply.kind) ? 100 - percent : percent);
  }
  return lowest;
}

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

/** The printers by urgency: stopped and empty first, then low, then the rest; emptiest first within. */
export function sortPrintersByUrgency(printers: readonly PrinterSummary[]): PrinterSummary[] {
  return printers
    .map((printer) => ({ printer, urgency: printerUrgency(printer), left: lowestLeft(printer) }))
    .sort(
      (a, b) =>
        a.urgency - b.urgency ||
        a.left - b.left ||
        collator.compare(printerName(a.printer), printerName(b.printer)),
    )
    .map((entry) => entry.printer);
}

const orderRank = (state: SupplyState) =>
  state === 'empty' || state === 'full' ? 0 : needsReplacement(state) ? 1 : 2;

/** The order list: empty first, then low, then the soonest to run out. */
export function sortOrderList(items: readonly SupplyToOrder[]): SupplyToOrder[] {
  return [...items].sort(
    (a, b) =>
      orderRank(a.state) - orderRank(b.state) ||
      (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) ||
      collator.compare(a.printer, b.printer),
  );
}

/**
 * An open incident in words: `supply-empty:<supplyKey>`, `supply-low:<supplyKey>` or
 * `printer-error:<PrinterError>` (unknown keys are shown as they are). On a waste box, « low »
 * means almost full and « empty » means full.
 */
export function incidentText(key: string, printer: PrinterSummary, t: TFunction): string {
  const colon = key.indexOf(':');
  const type = colon < 0 ? key : key.slice(0, colon);
  const rest = colon < 0 ? '' : key.slice(colon + 1);
  if (type === 'printer-error') {
    const error = PRINTER_ERRORS.find((candidate) => candidate === rest);
    return error ? t(`printers.errors.${error}`) : key;
  }
  if (type === 'supply-empty' || type === 'supply-low') {
    const supply = printer.supplies.find((candidate) => supplyKeyOf(candidate) === rest);
    const name = supply ? supplyName(supply, t) : t('printers.incidentSupply', { key: rest });
    const waste = supply !== undefined && isWaste(supply.kind);
    const empty = type === 'supply-empty';
    const text = waste
      ? empty
        ? 'printers.incidentFull'
        : 'printers.incidentAlmostFull'
      : empty
        ? 'printers.incidentEmpty'
        : 'printers.incidentLow';
    return t(text, { name });
  }
  return key;
}
