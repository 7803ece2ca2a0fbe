/**
 * Part numbers in supply descriptions (`Black Cartridge HP CF400X`, `TN-2420`, `PN 006R01509`).
 * The patterns are data, each with one capture group: vendor profiles add their own
 * (`printer.partNumbers`), tried before these vendor-neutral shapes.
 */

/** Vendor-neutral part-number shapes, most telling first. */
export const GENERIC_PART_NUMBER_PATTERNS: readonly RegExp[] = [
  // An explicit "PN" / "P/N" / "Part number" field.
  /\b(?:P\/?N|Part\s*(?:No\.?|Number))[:#\s]\s*([A-Z0-9][A-Z0-9-]{4,})\b/,
  // Letters, a hyphen, digits and an optional suffix: TN-2420, TK-1150, DR-2400, MLT-D203L, PK-3010S.
  /\b([A-Z]{1,4}-[A-Z]?\d{2,5}[A-Z0-9]{0,4})\b/,
  // Letters, digits and a letter suffix: CF410A, CE285A, W2070A, Q2612A.
  /\b([A-Z]{1,3}\d{3,4}[A-Z]{1,2})\b/,
];

/**
 * The first part number found in a description: profile patterns first, then the generic ones.
 * @returns the captured text, or null.
 */
export function findPartNumber(description: string | null, patterns: readonly RegExp[]): string | null {
  if (description === null) return null;
  for (const pattern of patterns) {
    const found = pattern.exec(description)?.[1];
    if (found) return found;
  }
  return null;
}
