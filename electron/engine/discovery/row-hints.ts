/**
 * Table sizes seen per device model during one sweep. Schools buy in bulk: the thirty printers
 * or ten switches of one model (one sysObjectID, SNMPv2-MIB) have the same tables, so the rows
 * the first ones had size the walks of the next ones: one GETBULK of the right length instead of
 * a doubling series, and few objects read past the table's end. A wrong size costs one request
 * more or a few objects more, never a wrong answer (the walk still runs to the table's end).
 */
import type { ColumnsRead } from '../snmp/read';

/** The walks of `collectFacts` that a hint sizes. */
export type HintedWalk = 'interfaces' | 'tables';

/** Rows per (sysObjectID, walk), learned as walks end. */
export class RowHints {
  private readonly rowsSeen = new Map<string, number>();

  /**
   * The rows the last walk of this kind on this model had (its longest column), or undefined
   * when none has ended yet in this sweep, or the device gave no sysObjectID.
   */
  rows(sysObjectID: string | null, walk: HintedWalk): number | undefined {
    return sysObjectID === null ? undefined : this.rowsSeen.get(`${sysObjectID} ${walk}`);
  }

  /** Notes the rows of a finished walk (its longest column) for the next devices of this model. */
  learn(sysObjectID: string | null, walk: HintedWalk, read: ColumnsRead): void {
    if (sysObjectID === null || read.columns.size === 0) return;
    const rows = Math.max(...[...read.columns.values()].map((column) => column.length));
    this.rowsSeen.set(`${sysObjectID} ${walk}`, rows);
  }
}
