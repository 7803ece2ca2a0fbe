/**
 * Reading a whole SNMP table with bulk walks and indexing it by row, for the
 * RFC 3805 tables whose rows are `hrDeviceIndex.entryIndex`, whatever the hrDeviceIndex.
 */
import type { SnmpSession } from '../snmp/session';
import type { Varbind } from '../snmp/values';

/** Rows of a table: row index (`1.2`) → column number → varbind. */
export type TableRows = Map<string, Map<number, Varbind>>;

/** Bound on the rows of one table walk (an agent that loops or serves a huge table). */
const MAX_ROWS = 2000;
/** Rows per GETBULK: printer tables are small, so a whole table usually comes in one or two requests. */
const MAX_REPETITIONS = 50;

/**
 * Walks the entry `entry` (e.g. prtMarkerSuppliesEntry `1.3.6.1.2.1.43.11.1.1`) once and groups
 * its cells by row.
 * @throws SnmpError when the agent stops answering.
 */
export async function walkTable(session: SnmpSession, entry: string): Promise<TableRows> {
  const { varbinds } = await session.walk(entry, { maxRows: MAX_ROWS, maxRepetitions: MAX_REPETITIONS });
  const rows: TableRows = new Map();
  for (const vb of varbinds) {
    const rest = vb.oid.slice(entry.length + 1);
    const dot = rest.indexOf('.');
    if (dot < 0) continue;
    const row = rest.slice(dot + 1);
    const cells = rows.get(row) ?? new Map<number, Varbind>();
    cells.set(Number(rest.slice(0, dot)), vb);
    rows.set(row, cells);
  }
  return rows;
}
