/**
 * The agent logic, pure: turns a decoded request into a Response against a MIB view, following RFC 3416
 * for SNMPv2c (exceptions in varbinds, GetBulk) and RFC 1157 for SNMPv1 (noSuchName error-status and
 * error-index; Counter64 is invisible to v1 as RFC 3584 §4.2.2.1 requires).
 */
import type { SnmpRequest, SnmpResponse, Varbind } from './ber-codec';
import { encodeVarbind } from './ber-codec';
import type { MibEntry, MibView } from './mib-view';
import { parseOid } from './oid';

/** Bounds on one GetBulk response. */
export interface BulkLimits {
  /** Most varbinds in one response. */
  readonly maxVarbinds: number;
  /** Most bytes of encoded varbinds in one response (keeps the datagram well under 64 KiB). */
  readonly maxVarbindBytes: number;
}

/** 64 varbinds, ~60 KB: what a generous real agent returns. */
export const DEFAULT_BULK_LIMITS: BulkLimits = { maxVarbinds: 64, maxVarbindBytes: 60_000 };

const NO_SUCH_NAME = 2;

/**
 * Answers a request, or returns null when a real agent would stay silent (GetBulk sent as SNMPv1).
 * @throws Error when a requested OID is malformed (the caller drops the message).
 */
export function respond(
  view: MibView,
  request: SnmpRequest,
  limits: BulkLimits = DEFAULT_BULK_LIMITS,
): SnmpResponse | null {
  const isV1 = request.version === 0;
  if (isV1 && request.kind === 'getBulk') return null;
  const oids = request.oids.map(parseOid);
  const visible = (entry: MibEntry | undefined): boolean => !(isV1 && entry?.value.type === 'Counter64');
  const next = (oid: readonly number[]): MibEntry | undefined => {
    let entry = view.next(oid);
    while (entry && !visible(entry)) entry = view.next(entry.parts);
    return entry;
  };

  const answer = (errorStatus: number, errorIndex: number, varbinds: readonly Varbind[]): SnmpResponse => ({
    version: request.version,
    community: request.community,
    requestId: request.requestId,
    errorStatus,
    errorIndex,
    varbinds,
  });
  const noSuchName = (index: number): SnmpResponse =>
    answer(
      NO_SUCH_NAME,
      index + 1,
      request.oids.map((oid) => ({ oid, value: { type: 'Null' } })),
    );

  switch (request.kind) {
    case 'get': {
      const varbinds: Varbind[] = [];
      for (const [index, oid] of oids.entries()) {
        const entry = view.get(oid);
        if (entry && visible(entry)) varbinds.push({ oid: entry.oid, value: entry.value });
        else if (isV1) return noSuchName(index);
        else {
          const type = view.hasObject(oid) ? 'noSuchInstance' : 'noSuchObject';
          varbinds.push({ oid: request.oids[index], value: { type } });
        }
      }
      return answer(0, 0, varbinds);
    }
    case 'getNext': {
      const varbinds: Varbind[] = [];
      for (const [index, oid] of oids.entries()) {
        const varbind = nextVarbind(next, oid, request.oids[index]);
        if (isV1 && varbind.value.type === 'endOfMibView') return noSuchName(index);
        varbinds.push(varbind);
      }
      return answer(0, 0, varbinds);
    }
    case 'getBulk':
      return answer(0, 0, bulkVarbinds(next, request, oids, limits));
  }
}

/** The GetNext successor of `oid` as a varbind, endOfMibView past the last instance. */
function nextVarbind(
  next: (oid: readonly number[]) => MibEntry | undefined,
  oid: readonly number[],
  text: string,
): Varbind {
  const entry = next(oid);
  return entry ? { oid: entry.oid, value: entry.value } : { oid: text, value: { type: 'endOfMibView' } };
}

/** RFC 3416 §4.2.3: non-repeaters once, then repetitions of the rest, stopping at the limits or the end. */
function bulkVarbinds(
  next: (oid: readonly number[]) => MibEntry | undefined,
  request: SnmpRequest,
  oids: readonly (readonly number[])[],
  limits: BulkLimits,
): Varbind[] {
  const varbinds: Varbind[] = [];
  let bytes = 0;
  const add = (varbind: Varbind): boolean => {
    const size = encodeVarbind(varbind).length;
    if (varbinds.length >= limits.maxVarbinds || bytes + size > limits.maxVarbindBytes) return false;
    varbinds.push(varbind);
    bytes += size;
    return true;
  };

  const nonRepeaters = Math.min(request.nonRepeaters, oids.length);
  for (let i = 0; i < nonRepeaters; i++) {
    if (!add(nextVarbind(next, oids[i], request.oids[i]))) return varbinds;
  }
  let cursors = oids.slice(nonRepeaters).map((parts, i) => ({ parts, text: request.oids[nonRepeaters + i] }));
  for (let repetition = 0; repetition < request.maxRepetitions && cursors.length > 0; repetition++) {
    const row = cursors.map((cursor) => nextVarbind(next, cursor.parts, cursor.text));
    for (const varbind of row) {
      if (!add(varbind)) return varbinds;
    }
    if (row.every((varbind) => varbind.value.type === 'endOfMibView')) break;
    cursors = row.map((varbind) => ({ parts: parseOid(varbind.oid), text: varbind.oid }));
  }
  return varbinds;
}
