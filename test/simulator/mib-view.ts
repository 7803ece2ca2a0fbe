/** An ordered, read-only view of a device's recorded objects, answering exact and GetNext lookups. */
import { compareOids, isStrictlyUnder, parseOid } from './oid';
import type { SnmpValue, SnmprecRecord } from './snmprec';

/** One object instance with its parsed OID. */
export interface MibEntry {
  readonly oid: string;
  readonly parts: readonly number[];
  readonly value: SnmpValue;
}

/** Lookups an agent needs to answer Get and GetNext (RFC 3416 §4.2.1, §4.2.2). */
export interface MibView {
  /** The instance at exactly `oid`, if recorded. */
  get(oid: readonly number[]): MibEntry | undefined;
  /** The first instance whose OID is lexicographically greater than `oid`, if any. */
  next(oid: readonly number[]): MibEntry | undefined;
  /**
   * Whether the object (column or scalar) of `oid` exists, judged without MIB files: some recorded instance
   * shares every sub-identifier of `oid` but the last. Distinguishes noSuchInstance from noSuchObject.
   */
  hasObject(oid: readonly number[]): boolean;
}

/** Builds a view over records (any order; duplicates are not expected, see parseSnmprec). */
export function createMibView(records: readonly SnmprecRecord[]): MibView {
  const entries: MibEntry[] = records
    .map((record) => ({ oid: record.oid, parts: parseOid(record.oid), value: record.value }))
    .sort((a, b) => compareOids(a.parts, b.parts));
  const byOid = new Map(entries.map((entry) => [entry.oid, entry]));

  /** Index of the first entry not below `oid` (or strictly above it when `strict`). */
  const lowerBound = (oid: readonly number[], strict: boolean): number => {
    let low = 0;
    let high = entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const order = compareOids(entries[middle].parts, oid);
      if (order < 0 || (strict && order === 0)) low = middle + 1;
      else high = middle;
    }
    return low;
  };

  return {
    get: (oid) => byOid.get(oid.join('.')),
    next: (oid) => entries[lowerBound(oid, true)],
    hasObject: (oid) => {
      const object = oid.slice(0, -1);
      const candidate = entries[lowerBound(object, true)];
      return candidate !== undefined && isStrictlyUnder(object, candidate.parts);
    },
  };
}
