/**
 * Projector wear read over SNMP: lamp and filter hours from the vendor OIDs a profile declares
 * (`VendorProfile.projector`). Projectors that speak PJLink give the same figures with `%1LAMP ?`
 * and `%2FILT ?`; this reader serves those reached by SNMP only, or with PJLink switched off.
 */
import type { OidSource, VendorProfile } from '../identify/profile-schema';
import { getScalars } from '../snmp/read';
import type { SnmpSession } from '../snmp/session';
import { varbindNumber, varbindText, type Varbind } from '../snmp/values';

/** Lamp and filter operating time, whole hours; null when no declared OID gave a plausible value. */
export interface ProjectorHours {
  lampHours: number | null;
  filterHours: number | null;
}

/**
 * Above this many hours a counter is taken as garbage (an unset register, a wrapped value): a
 * laser light source is rated 20 000–30 000 h, and 200 000 h is almost 23 years lit day and night.
 */
export const MAX_PLAUSIBLE_HOURS = 200_000;

const oidOf = (source: OidSource): string => (typeof source === 'string' ? source : source.oid);

/** A whole number from an INTEGER/Gauge32/Counter32, or from text that is only decimal digits. */
function wholeNumber(text: string | null | undefined): number | null {
  const trimmed = text?.trim();
  return trimmed !== undefined && /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

/** The hours one source gives, or null when absent, not a number, negative or implausible. */
function hoursOf(source: OidSource, varbind: Varbind | undefined): number | null {
  if (varbind === undefined) return null;
  const value =
    typeof source === 'string'
      ? (varbindNumber(varbind) ?? wholeNumber(varbindText(varbind)))
      : wholeNumber(varbindText(varbind)?.match(source.pattern)?.[1]);
  if (value === null || !Number.isInteger(value) || value < 0 || value > MAX_PLAUSIBLE_HOURS) return null;
  return value;
}

/** The first source, in the profile's order, that answered with plausible hours. */
function firstHours(sources: readonly OidSource[] | undefined, answers: Map<string, Varbind>): number | null {
  for (const source of sources ?? []) {
    const hours = hoursOf(source, answers.get(oidOf(source)));
    if (hours !== null) return hours;
  }
  return null;
}

/**
 * Reads a projector's lamp and filter hours from the scalar OIDs of `profile.projector` (one
 * batch of GETs through `getScalars`; objects the agent lacks — noSuchObject, noSuchInstance,
 * SNMPv1 noSuchName — count as absent). For each figure the first OID, in the profile's order,
 * whose value is a whole number from 0 to `MAX_PLAUSIBLE_HOURS` wins; negative, non-numeric or
 * larger values are ignored. A profile without projector OIDs sends no request.
 *
 * Sources of the OIDs are cited in each profile, e.g. Epson `1.3.6.1.4.1.1248.4.1.1.1.1.0`
 * (lamp hours; LibreNMS `includes/discovery/sensors/count/epson-projector.inc.php`, Checkmk
 * `epson_beamer_lamp`).
 * @returns hours, null where nothing plausible answered.
 * @throws SnmpError when the agent stops answering (timeout).
 */
export async function readProjectorSnmp(
  session: SnmpSession,
  profile: VendorProfile,
): Promise<ProjectorHours> {
  const { lampHours, filterHours } = profile.projector ?? {};
  const oids = [...new Set([...(lampHours ?? []), ...(filterHours ?? [])].map(oidOf))];
  if (oids.length === 0) return { lampHours: null, filterHours: null };
  const answers = await getScalars(session, oids);
  return { lampHours: firstHours(lampHours, answers), filterHours: firstHours(filterHours, answers) };
}
