/**
 * Reading helpers over a session that tolerate what agents really do: SNMPv1 fails a whole
 * GET when one object is missing (noSuchName), some agents refuse large requests (tooBig) or
 * GETBULK, some loop or never end a table. Walks read several columns per request.
 */
import { SnmpError, type BulkAnswer, type SnmpSession } from './session';
import { compareOids, isInSubtree, type Varbind } from './values';

const CHUNK = 20;

const isErrorStatus = (error: unknown) => error instanceof SnmpError && error.kind === 'error-status';

/**
 * Sends `oids` in one request; when the agent answers with an error-status (SNMPv1 fails the
 * whole request for one missing object), asks again one OID at a time, null for those that fail.
 */
async function requestEach(
  oids: readonly string[],
  request: (oids: readonly string[]) => Promise<(Varbind | null)[]>,
): Promise<(Varbind | null)[]> {
  try {
    return await request(oids);
  } catch (error) {
    if (!isErrorStatus(error)) throw error;
  }
  const answers: (Varbind | null)[] = [];
  for (const oid of oids) {
    try {
      answers.push((await request([oid]))[0]);
    } catch (error) {
      if (!isErrorStatus(error)) throw error;
      answers.push(null);
    }
  }
  return answers;
}

/**
 * GETs many scalar OIDs; objects the agent lacks come back as null.
 * @returns a map OID (no leading dot) → varbind, for the OIDs that have a value.
 * @throws SnmpError on timeout (the agent stopped answering).
 */
export async function getScalars(
  session: SnmpSession,
  oids: readonly string[],
): Promise<Map<string, Varbind>> {
  const found = new Map<string, Varbind>();
  for (let i = 0; i < oids.length; i += CHUNK) {
    const chunk = oids.slice(i, i + CHUNK);
    const values = await requestEach(chunk, (o) => session.get(o));
    values.forEach((vb, k) => {
      if (vb) found.set(chunk[k], vb);
    });
  }
  return found;
}

/**
 * The first object inside each given subtree or table column (one GETNEXT for the batch).
 * @returns a map from base OID to its first varbind, for the bases that have one.
 * @throws SnmpError on timeout.
 */
export async function firstRows(
  session: SnmpSession,
  bases: readonly string[],
): Promise<Map<string, Varbind>> {
  const answers = await requestEach(bases, (o) => session.getNext(o));
  const found = new Map<string, Varbind>();
  answers.forEach((vb, i) => {
    if (vb && vb.oid.startsWith(bases[i] + '.')) found.set(bases[i], vb);
  });
  return found;
}

/** Why a walk stopped before the end of its subtree: its bound, or an agent going backwards. */
export type WalkCut = 'max-rows' | 'loop';

/** What `walkColumns` read. */
export interface ColumnsRead {
  /** Base → the first object inside it, for the `next` bases that have one. */
  next: Map<string, Varbind>;
  /** Column → its rows in OID order (every requested column has an entry, maybe empty). */
  columns: Map<string, Varbind[]>;
  /** Columns whose walk was cut, and why (the rows read so far are kept in `columns`). */
  cut: Map<string, WalkCut>;
}

/** What to read with `walkColumns`. */
export interface ColumnsRequest {
  /** Subtrees (or scalar objects, without their `.0`) whose first object is wanted. */
  next?: readonly string[];
  /** Subtrees walked to their end (table columns, whole entries or groups). */
  columns: readonly string[];
  /** Rows expected per column: sizes the first GETBULK so that it reads a small table whole. Default 10. */
  rows?: number;
  /** Bound on the rows of each column. Default 2000. */
  maxRows?: number;
}

/** Most repetitions asked in one GETBULK (RFC 3416 max-repetitions). */
const MAX_REPETITIONS = 64;

/**
 * Reads the first object inside each of `next` and walks every one of `columns`, all in the
 * same requests: GETBULK with `next` as non-repeaters and the unfinished columns as repeaters
 * (RFC 3416 §4.2.3); GETNEXT on SNMPv1 and on agents that refuse GETBULK. The first request
 * asks `rows + 1` repetitions, so a table of the expected size ends in one request without
 * making the agent send many objects past its end; later ones ask twice as many.
 * A column stops when it leaves its subtree, after `maxRows` rows, or when the agent returns
 * an OID that does not increase (`cut`).
 * @throws SnmpError when the agent stops answering.
 */
export async function walkColumns(session: SnmpSession, request: ColumnsRequest): Promise<ColumnsRead> {
  const maxRows = request.maxRows ?? 2000;
  const read: ColumnsRead = {
    next: new Map(),
    columns: new Map(request.columns.map((c) => [c, []])),
    cut: new Map(),
  };
  const cursors = new Map(request.columns.map((c) => [c, c]));
  let bulk = session.version !== '1';
  let repetitions = Math.min(MAX_REPETITIONS, Math.max(1, (request.rows ?? 10) + 1));
  let pending = [...new Set(request.next ?? [])];

  const step = async (open: string[]): Promise<BulkAnswer> => {
    const positions = open.map((c) => cursors.get(c) as string);
    if (bulk) {
      try {
        return await session.getBulk(pending, positions, repetitions);
      } catch (error) {
        if (!isErrorStatus(error)) throw error;
        bulk = false;
      }
    }
    const answers = await requestEach([...pending, ...positions], (o) => session.getNext(o));
    return {
      next: answers.slice(0, pending.length),
      columns: answers.slice(pending.length).map((vb) => [vb]),
    };
  };

  while (pending.length > 0 || cursors.size > 0) {
    const open = [...cursors.keys()];
    const answer = await step(open);
    pending.forEach((base, i) => {
      const vb = answer.next[i];
      if (vb && isInSubtree(vb.oid, base)) read.next.set(base, vb);
    });
    pending = [];
    let progressed = false;
    open.forEach((column, j) => {
      const rows = read.columns.get(column) as Varbind[];
      for (const vb of answer.columns[j] ?? []) {
        if (!vb || !isInSubtree(vb.oid, column)) return cursors.delete(column);
        if (compareOids(vb.oid, cursors.get(column) as string) <= 0) {
          read.cut.set(column, 'loop');
          return cursors.delete(column);
        }
        rows.push(vb);
        cursors.set(column, vb.oid);
        progressed = true;
        if (rows.length >= maxRows) {
          read.cut.set(column, 'max-rows');
          return cursors.delete(column);
        }
      }
    });
    // An agent that shortens a GETBULK answer to nothing is asked with GETNEXT instead.
    if (!progressed && bulk) bulk = false;
    else if (!progressed) break;
    repetitions = Math.min(MAX_REPETITIONS, repetitions * 2);
  }
  return read;
}

/** A walk's rows, and why it stopped early if it did. */
export interface WalkResult {
  varbinds: Varbind[];
  truncated: WalkCut | null;
}

/**
 * Walks the subtree below `base` (GETBULK, or GETNEXT on SNMPv1), bounded by `maxRows`.
 * @param rows expected rows (sizes the first request, see `walkColumns`).
 * @throws SnmpError when the agent stops answering.
 */
export async function walk(
  session: SnmpSession,
  base: string,
  options: { maxRows?: number; rows?: number } = {},
): Promise<WalkResult> {
  const read = await walkColumns(session, { columns: [base], ...options });
  return { varbinds: read.columns.get(base) ?? [], truncated: read.cut.get(base) ?? null };
}

/** Indexes a column's rows by the OID suffix after the column (e.g. `1` or `1.3`). */
export function rowsByIndex(column: string, varbinds: readonly Varbind[]): Map<string, Varbind> {
  return new Map(varbinds.map((vb) => [vb.oid.slice(column.length + 1), vb]));
}

/**
 * Walks a table column and indexes its rows by the OID suffix after the column.
 * @returns a map from row index (e.g. `1` or `1.3`) to varbind.
 * @throws SnmpError when the agent stops answering.
 */
export async function walkColumn(
  session: SnmpSession,
  column: string,
  maxRows = 2000,
  rows?: number,
): Promise<Map<string, Varbind>> {
  const { varbinds } = await walk(session, column, { maxRows, rows });
  return rowsByIndex(column, varbinds);
}
