/**
 * The shape of a vendor profile: vendor knowledge kept as data (see STYLE.md, "Vendor knowledge
 * is data"). Generic code reads profiles through this schema only; a unit test validates every
 * profile in `profiles/` against it.
 */
import { z } from 'zod';
import { DeviceType } from '../../../shared/domain/device';

/** A dotted numeric OID without a leading dot, e.g. `1.3.6.1.4.1.6574.1.5.2.0`. */
export const Oid = z.string().regex(/^\d+(\.\d+)+$/, 'dotted numeric OID without a leading dot');

/** How many capture groups a regular expression has. */
function captureGroups(pattern: RegExp): number {
  // Matching the empty alternative always succeeds and returns one slot per group.
  return (new RegExp(`${pattern.source}|`).exec('') as RegExpExecArray).length - 1;
}

/** A regular expression whose single capture group is the value to keep. */
export const Extractor = z
  .instanceof(RegExp)
  .refine((pattern) => captureGroups(pattern) === 1, 'needs exactly one capture group');

/** A scalar OID to GET, optionally with an extractor applied to its value (e.g. an IEEE 1284 device ID). */
export const OidSource = z.union([Oid, z.strictObject({ oid: Oid, pattern: Extractor })]);
export type OidSource = z.infer<typeof OidSource>;

/**
 * Where one value (serial, model or firmware) is found; the first non-empty value wins, in this
 * order: `oids` (GET), `columns` (first row by one GETNEXT), then `sysDescr`.
 */
export const ValueSource = z.strictObject({
  /** Scalar OIDs, read with GET. */
  oids: z.array(OidSource).optional(),
  /** Table columns indexed by something the scanner cannot know (a MAC…): their first row is read with GETNEXT. */
  columns: z.array(Oid).optional(),
  /** Extracts the value from sysDescr. */
  sysDescr: Extractor.optional(),
});
export type ValueSource = z.infer<typeof ValueSource>;

/**
 * One way to recognise the device; every field given must hold. `probeOid` is the last-resort
 * targeted GET: the rule holds only if that OID answers with a value.
 */
export const MatchRule = z
  .strictObject({
    /** sysObjectID equals this OID or lies below it. */
    sysObjectIDPrefix: Oid.optional(),
    /** sysDescr matches. */
    sysDescr: z.instanceof(RegExp).optional(),
    /** This OID answers with a value. */
    probeOid: Oid.optional(),
  })
  .refine(
    (rule) => rule.sysObjectIDPrefix !== undefined || rule.sysDescr !== undefined,
    'a rule needs a sysObjectID prefix or a sysDescr pattern (a bare probe would GET on every host)',
  );
export type MatchRule = z.infer<typeof MatchRule>;

/**
 * Where one page counter is found: the sum of scalar OIDs (GET; those that do not answer count
 * as absent, none answering gives no value), or the sum of the rows of a counter table whose
 * type column holds one of `types` (e.g. Ricoh's engine counters).
 */
export const PageCounterSource = z.union([
  z.array(Oid).min(1),
  z.strictObject({ typeColumn: Oid, valueColumn: Oid, types: z.array(z.number().int()).min(1) }),
]);
export type PageCounterSource = z.infer<typeof PageCounterSource>;

/** Page counters a vendor splits out (prtMarkerLifeCount gives the total). */
export const PageCounterSources = z.strictObject({
  mono: PageCounterSource.optional(),
  color: PageCounterSource.optional(),
  print: PageCounterSource.optional(),
  copy: PageCounterSource.optional(),
  scan: PageCounterSource.optional(),
});
export type PageCounterSources = z.infer<typeof PageCounterSources>;

/** What a vendor adds to the RFC 3805 reading of its printers. */
export const PrinterData = z.strictObject({
  pageCounters: PageCounterSources.optional(),
  /** Part numbers in supply descriptions, tried before the generic patterns; one capture group each. */
  partNumbers: z.array(Extractor).optional(),
});
export type PrinterData = z.infer<typeof PrinterData>;

/**
 * What a vendor adds for its projectors: scalar OIDs whose value is a count of hours (GET; the
 * first one that answers with a plausible value wins). PJLink `%1LAMP ?` / `%2FILT ?` give the same
 * figures for projectors that speak it; these OIDs serve those reached by SNMP only.
 */
export const ProjectorData = z.strictObject({
  /** Lamp (or light source) operating time, hours. */
  lampHours: z.array(OidSource).optional(),
  /** Air filter operating time since its last reset, hours. */
  filterHours: z.array(OidSource).optional(),
});
export type ProjectorData = z.infer<typeof ProjectorData>;

/** A vendor profile: how to recognise a product line and where its identity lives. */
export const VendorProfile = z.strictObject({
  /** Stable kebab-case id, e.g. `hp-jetdirect`. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** Vendor name as shown to users. */
  vendor: z.string().min(1),
  /** The profile applies when any rule holds. */
  match: z.array(MatchRule).min(1),
  /** Type hint, used when no standard MIB decides the type. */
  type: DeviceType.optional(),
  serial: ValueSource.optional(),
  model: ValueSource.optional(),
  firmware: ValueSource.optional(),
  /** Printer extras: page-counter splits and part-number patterns. */
  printer: PrinterData.optional(),
  /** Projector extras: lamp and filter hours. */
  projector: ProjectorData.optional(),
});
export type VendorProfile = z.infer<typeof VendorProfile>;
