/**
 * What a marker supply is, in words: kind, colour and unit from the RFC 3805 codes of
 * prtMarkerSuppliesTable (`1.3.6.1.2.1.43.11.1.1`), with the description as a fallback.
 * Every mapping is a table; the functions only look values up.
 */
import type { SupplyColor, SupplyKind } from '../../../shared/domain/printer';

/** A prtMarkerSuppliesType read for people: its kind, and whether it is a waste receptacle. */
export interface SupplyTypeInfo {
  readonly kind: SupplyKind;
  readonly waste: boolean;
}

const consumed = (kind: SupplyKind): SupplyTypeInfo => ({ kind, waste: false });
const waste = (kind: SupplyKind): SupplyTypeInfo => ({ kind, waste: true });

/** RFC 3805 MarkerSuppliesTypeTC → kind. Codes 1 other and 2 unknown are absent: the description decides. */
export const SUPPLY_TYPES: Readonly<Record<number, SupplyTypeInfo>> = {
  3: consumed('toner'),
  4: waste('waste-toner'),
  5: consumed('ink'),
  6: consumed('ink'), // inkCartridge
  7: consumed('ink'), // inkRibbon
  8: waste('waste-ink'),
  9: consumed('drum'), // opc
  10: consumed('developer'),
  11: consumed('other'), // fuserOil
  12: consumed('ink'), // solidWax
  13: consumed('ink'), // ribbonWax
  14: waste('waste-ink'), // wasteWax
  15: consumed('fuser'),
  16: consumed('other'), // coronaWire
  17: consumed('other'), // fuserOilWick
  18: consumed('other'), // cleanerUnit
  19: consumed('other'), // fuserCleaningPad
  20: consumed('transfer-unit'),
  21: consumed('toner'), // tonerCartridge
  22: consumed('other'), // fuserOiler
  23: consumed('other'), // water
  24: waste('other'), // wasteWater
  25: consumed('other'), // glueWaterAdditive
  26: waste('other'), // wastePaper
  27: consumed('other'), // bindingSupply
  28: consumed('other'), // bandingSupply
  29: consumed('staples'), // stitchingWire
  30: consumed('other'), // shrinkWrap
  31: consumed('other'), // paperWrap
  32: consumed('staples'),
  33: consumed('other'), // inserts
  34: consumed('other'), // covers
};

/** Description words → kind, first match wins (so "waste toner" is waste before it is toner). French and English. */
export const KIND_WORDS: readonly (readonly [RegExp, SupplyTypeInfo])[] = [
  [/maintenance/i, consumed('maintenance-kit')],
  [
    /(waste|collect|r[ée]cup[ée]ra|usag[ée]).*\b(ink|encre)\b|\b(ink|encre)\b.*(waste|collect|r[ée]cup[ée]ra|usag[ée])/i,
    waste('waste-ink'),
  ],
  [/waste|collect|r[ée]cup[ée]ra|d[ée]chet|usag[ée]/i, waste('waste-toner')],
  [/drum|tambour|\bopc\b|photoconduct|imag(ing|erie)/i, consumed('drum')],
  [/develop|d[ée]velopp/i, consumed('developer')],
  [/fus(er|ing|ion)|\bfour\b/i, consumed('fuser')],
  [/transfer|transfert/i, consumed('transfer-unit')],
  [/staple|agrafe/i, consumed('staples')],
  [/\bink\b|\bencre\b/i, consumed('ink')],
  [/toner|cartridge|cartouche/i, consumed('toner')],
  [/\bkit\b/i, consumed('maintenance-kit')],
];

const OTHER: SupplyTypeInfo = consumed('other');

/** What a consumed kind becomes when the row says it is a receptacle (prtMarkerSuppliesClass 4). */
const RECEPTACLE_OF: Partial<Record<SupplyKind, SupplyKind>> = { toner: 'waste-toner', ink: 'waste-ink' };

/**
 * The kind of a supply, and whether it is a waste receptacle.
 * @param type prtMarkerSuppliesType (RFC 3805 MarkerSuppliesTypeTC), or null when not served.
 * @param supplyClass prtMarkerSuppliesClass: 3 supplyThatIsConsumed, 4 receptacleThatIsFilled.
 * @param description prtMarkerSuppliesDescription, decoded; read when the type is other/unknown.
 */
export function supplyKind(
  type: number | null,
  supplyClass: number | null,
  description: string | null,
): SupplyTypeInfo {
  const byType = type === null ? undefined : SUPPLY_TYPES[type];
  const byWords = KIND_WORDS.find(([pattern]) => description !== null && pattern.test(description))?.[1];
  const info = byType ?? byWords ?? OTHER;
  return supplyClass === 4 ? waste(RECEPTACLE_OF[info.kind] ?? info.kind) : info;
}

/** Kinds that carry no colour, whatever their description says ("Black" waste box, "Cyan" fuser are colourless). */
const COLOURLESS: ReadonlySet<SupplyKind> = new Set([
  'waste-toner',
  'waste-ink',
  'fuser',
  'transfer-unit',
  'staples',
  'maintenance-kit',
]);

/**
 * Colour words (prtMarkerColorantValue or description) → colour; the most specific first so that
 * "light cyan" is not "cyan" and "photo black" not "black". French and English.
 */
export const COLOR_WORDS: readonly (readonly [RegExp, SupplyColor])[] = [
  [/\b(light|photo|clair)\s*cyan\b|\bcyan\s+(clair|light)\b/i, 'light-cyan'],
  [/\b(light|photo|clair)\s*magenta\b|\bmagenta\s+(clair|light)\b/i, 'light-magenta'],
  [/\bphoto\s*(black|noir)\b|\b(black|noir)\s+photo\b/i, 'photo-black'],
  [/\bmatte?\s*(black|noir)\b|\b(black|noir)\s+mat(te)?\b/i, 'matte-black'],
  [/cyan/i, 'cyan'],
  [/magenta/i, 'magenta'],
  [/yellow|jaune/i, 'yellow'],
  [/black|noir|schwarz|\bbk\b|\(k\)/i, 'black'],
  [/\bgr[ae]y\b|\bgris\b/i, 'gray'],
  [/\bred\b|\brouge\b/i, 'red'],
  [/\bblue\b|\bbleu\b/i, 'blue'],
  [/\bgreen\b|\bvert\b/i, 'green'],
  [/\bwhite\b|\bblanc\b/i, 'white'],
];

const colorIn = (text: string | null): SupplyColor | null =>
  text === null ? null : (COLOR_WORDS.find(([pattern]) => pattern.test(text))?.[1] ?? null);

/**
 * The colour of a supply: the prtMarkerColorantValue of its colorant (when the row names one,
 * colorant index > 0) if that is a colour word, else the first colour word of the description;
 * null for colourless kinds or when nothing names a colour.
 */
export function supplyColor(
  kind: SupplyKind,
  colorantValue: string | null,
  description: string | null,
): SupplyColor | null {
  if (COLOURLESS.has(kind)) return null;
  return colorIn(colorantValue) ?? colorIn(description);
}

/** RFC 3805 MarkerSuppliesSupplyUnitTC → words. */
export const SUPPLY_UNITS: Readonly<Record<number, string>> = {
  1: 'other',
  2: 'unknown',
  3: 'ten-thousandths-of-inches',
  4: 'micrometers',
  7: 'impressions',
  8: 'sheets',
  11: 'hours',
  12: 'thousandths-of-ounces',
  13: 'tenths-of-grams',
  14: 'hundredths-of-fluid-ounces',
  15: 'tenths-of-milliliters',
  16: 'feet',
  17: 'meters',
  18: 'items',
  19: 'percent',
};

/** prtMarkerSuppliesSupplyUnit in words (`percent`, `tenths-of-milliliters`…), or null when absent or not in RFC 3805. */
export function supplyUnit(code: number | null): string | null {
  return code === null ? null : (SUPPLY_UNITS[code] ?? null);
}
