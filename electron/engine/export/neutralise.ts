/**
 * Formula neutralisation (CSV/formula injection): a text that a spreadsheet would run as a
 * formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`,
 * so Excel and LibreOffice show it as text. Values come from devices (sysLocation, sysName,
 * sysDescr…) and from people (notes), so every text cell of a CSV or XLSX export goes through it.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** `text` made inert for a spreadsheet: `'` prepended when it starts like a formula. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The reverse, for imports: drops the `'` that `neutralise` (or a person in Excel) put before a formula start. */
export function unneutralise(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
