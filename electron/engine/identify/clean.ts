/**
 * Cleaning of identity strings served by agents: trims, drops wrapping quotes and NULs, and
 * turns placeholders (`0`, `N/A`, `unknown`, all zeros…) into null.
 */

/** Placeholders agents serve instead of a value. */
const PLACEHOLDER =
  /^(?:0+|n\/?a|none|null|unknown|not (?:available|specified|set)|to be filled by o\.?e\.?m\.?|default string|serial ?number|-+|\.+|x+|\?+)$/i;

/** Leading/trailing whitespace, control characters, quotes and stray backslashes. */
const EDGES = /^[\s\p{Cc}"'\\]+|[\s\p{Cc}"'\\]+$/gu;

/**
 * A served identity string cleaned for display, or null when it is empty or a placeholder.
 * @param value text as decoded by the scanner, or null.
 */
export function cleanValue(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const cleaned = value.replace(EDGES, '');
  return cleaned === '' || PLACEHOLDER.test(cleaned) ? null : cleaned;
}

/** The first argument that cleans to a value, or null. */
export function firstValue(...values: readonly (string | null | undefined)[]): string | null {
  for (const value of values) {
    const cleaned = cleanValue(value);
    if (cleaned !== null) return cleaned;
  }
  return null;
}
