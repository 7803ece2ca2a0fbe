/**
 * Reading helpers over a session that tolerate what agents really do: SNMPv1 fails a whole
 * GET when one object is missing (noSuchName), some agents refuse large requests (tooBig).
 */
import { SnmpError, type SnmpSession } from './session';
import type { Varbind } from './values';

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

/**
 * Walks a table column and indexes its rows by the OID suffix after the column.
 * @returns a map from row index (e.g. `1` or `1.3`) to varbind.
 */
export async function walkColumn(
  session: SnmpSession,
  column: string,
  maxRows = 2000,
): Promise<Map<string, Varbind>> {
  const { varbinds } = await session.walk(column, { maxRows });
  return new Map(varbinds.map((vb) => [vb.oid.slice(column.length + 1), vb]));
}
