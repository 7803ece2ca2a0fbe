/**
 * Grouping the walked columns of an SNMP table by row, for the RFC 3805 tables whose rows are
 * `hrDeviceIndex.entryIndex`, whatever the hrDeviceIndex.
 */
import type { Varbind } from '../snmp/values';

/** Rows of a table: row index (`1.2`) → column number → varbind. */
export type TableRows = Map<string, Map<number, Varbind>>;

/** The OIDs of columns `numbers` of table entry `entry` (e.g. `1.3.6.1.2.1.43.11.1.1.9`). */
export function columnsOf(entry: string, numbers: readonly number[]): string[] {
  return numbers.map((n) => `${entry}.${n}`);
}

/**
 * Groups the cells of columns `numbers` of `entry` (e.g. prtMarkerSuppliesEntry
 * `1.3.6.1.2.1.43.11.1.1`) by row; a row present in some columns only is kept.
 * @param walked column OID → its rows, as `walkColumns` returns them.
 */
export function tableFrom(
  entry: string,
  numbers: readonly number[],
  walked: ReadonlyMap<string, readonly Varbind[]>,
): TableRows {
  const rows: TableRows = new Map();
  for (const number of numbers) {
    const column = `${entry}.${number}`;
    for (const vb of walked.get(column) ?? []) {
      const row = vb.oid.slice(column.length + 1);
      const cells = rows.get(row) ?? new Map<number, Varbind>();
      cells.set(number, vb);
      rows.set(row, cells);
    }
  }
  return rows;
}
