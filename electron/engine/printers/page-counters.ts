/**
 * Page counters: prtMarkerLifeCount (RFC 3805, `1.3.6.1.2.1.43.10.2.1.4`) for the total, and
 * the mono/colour/print/copy/scan splits that vendor profiles locate (`printer.pageCounters`).
 */
import type { PageCounterSource, PageCounterSources } from '../identify/profile-schema';
import { getScalars, walkColumn } from '../snmp/read';
import type { SnmpSession } from '../snmp/session';
import { varbindNumber, type Varbind } from '../snmp/values';

/** Every counter a profile may split out; null where the device does not tell. Pages (impressions). */
export type PageCounters = { [K in keyof PageCounterSources]-?: number | null };

/** Sums numbers, null when there are none. */
const sum = (values: readonly (number | null)[]): number | null => {
  const found = values.filter((value): value is number => value !== null);
  return found.length === 0 ? null : found.reduce((a, b) => a + b, 0);
};

/** Reads one row-summing source: the rows of `valueColumn` whose `typeColumn` is one of `types`. */
async function readRowSum(
  session: SnmpSession,
  source: Exclude<PageCounterSource, readonly string[]>,
): Promise<number | null> {
  const types = await walkColumn(session, source.typeColumn, 500);
  const rows = [...types]
    .filter(([, vb]) => source.types.includes(varbindNumber(vb) ?? NaN))
    .map(([row]) => row);
  if (rows.length === 0) return null;
  const values = await walkColumn(session, source.valueColumn, 500);
  return sum(rows.map((row) => varbindNumber(values.get(row))));
}

/**
 * Reads the page counters a profile locates: all scalar OIDs in one batch of GETs, each counter
 * table with two column walks. A counter whose OIDs all fail to answer is null.
 * @throws SnmpError when the agent stops answering.
 */
export async function readPageCounters(
  session: SnmpSession,
  sources: PageCounterSources,
): Promise<PageCounters> {
  const entries = (
    Object.entries(sources) as [keyof PageCounterSources, PageCounterSource | undefined][]
  ).filter((entry): entry is [keyof PageCounterSources, PageCounterSource] => entry[1] !== undefined);
  const scalarOids = [...new Set(entries.flatMap(([, source]) => (Array.isArray(source) ? source : [])))];
  const scalars = scalarOids.length === 0 ? new Map() : await getScalars(session, scalarOids);
  const counters: PageCounters = { mono: null, color: null, print: null, copy: null, scan: null };
  for (const [name, source] of entries) {
    counters[name] = Array.isArray(source)
      ? sum(source.map((oid) => varbindNumber(scalars.get(oid))))
      : await readRowSum(session, source);
  }
  return counters;
}

/**
 * The page total: the largest prtMarkerLifeCount of the printer's markers, whatever the
 * hrDeviceIndex (a printer with several markers counts the same impressions on each, so they are
 * not added); null when the column is absent.
 * @param rows the walked prtMarkerLifeCount column (`1.3.6.1.2.1.43.10.2.1.4`).
 */
export function lifeCountFrom(rows: readonly Varbind[]): number | null {
  const counts = rows.map(varbindNumber).filter((count): count is number => count !== null);
  return counts.length === 0 ? null : Math.max(...counts);
}
