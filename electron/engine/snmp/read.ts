/**
 * Reading helpers over a session that tolerate what agents really do: SNMPv1 fails a whole
 * GET when one object is missing (noSuchName), some agents refuse large requests (tooBig).
 */
import { SnmpError, type SnmpSession } from './session';
import type { Varbind } from './values';

const CHUNK = 20;

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
    let values: (Varbind | null)[];
    try {
      values = await session.get(chunk);
    } catch (error) {
      if (!(error instanceof SnmpError) || error.kind !== 'error-status') throw error;
      values = [];
      for (const oid of chunk) values.push(await getOne(session, oid));
    }
    values.forEach((vb, k) => {
      if (vb) found.set(chunk[k], vb);
    });
  }
  return found;
}

async function getOne(session: SnmpSession, oid: string): Promise<Varbind | null> {
  try {
    return (await session.get([oid]))[0];
  } catch (error) {
    if (error instanceof SnmpError && error.kind === 'error-status') return null;
    throw error;
  }
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
  let answers: (Varbind | null)[];
  try {
    answers = await session.getNext(bases);
  } catch (error) {
    if (!(error instanceof SnmpError) || error.kind !== 'error-status') throw error;
    // v1: one base past the end of the MIB fails the whole request; ask one by one.
    answers = [];
    for (const base of bases) {
      try {
        answers.push((await session.getNext([base]))[0]);
      } catch (inner) {
        if (!(inner instanceof SnmpError) || inner.kind !== 'error-status') throw inner;
        answers.push(null);
      }
    }
  }
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
