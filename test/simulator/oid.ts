/** Numeric OBJECT IDENTIFIER helpers (dotted text such as `1.3.6.1.2.1.1.1.0`, no leading dot). */

const MAX_SUBIDENTIFIER = 0xffff_ffff;

/**
 * Parses a dotted numeric OID into its sub-identifiers.
 * @throws Error when the text is not at least two arcs of decimal sub-identifiers below 2^32 (RFC 2578 §3.5).
 */
export function parseOid(text: string): number[] {
  if (!/^\d+(\.\d+)+$/.test(text)) throw new Error(`invalid OID '${text}'`);
  const parts = text.split('.').map(Number);
  if (parts[0] > 2 || parts.some((part) => part > MAX_SUBIDENTIFIER))
    throw new Error(`invalid OID '${text}'`);
  return parts;
}

/** Orders OIDs component by component, the lexicographic order GetNext walks (RFC 3416 §4.2.2). */
export function compareOids(a: readonly number[], b: readonly number[]): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return a.length - b.length;
}

/** True when `oid` lies strictly under `prefix` (`1.3.6.1.2.1.1.5.0` is under `1.3.6.1.2.1.1`). */
export function isStrictlyUnder(prefix: readonly number[], oid: readonly number[]): boolean {
  return oid.length > prefix.length && prefix.every((part, i) => oid[i] === part);
}
