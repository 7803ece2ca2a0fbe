/**
 * Vendor profiles: which profile describes a device, and which extra OIDs the scanner must read
 * for it. Matching order (see STYLE.md): sysObjectID prefix first (longest wins), then sysDescr,
 * then a targeted GET (`probeOid`) as last resort.
 */
import type { SystemGroup } from '../facts';
import type { MatchRule, OidSource, ValueSource, VendorProfile } from '../profile-schema';
import { apcProfiles } from './apc';
import { arubaProfiles } from './aruba';
import { brotherProfiles } from './brother';
import { canonProfiles } from './canon';
import { ciscoProfiles } from './cisco';
import { dellProfiles } from './dell';
import { dlinkProfiles } from './dlink';
import { eatonProfiles } from './eaton';
import { epsonProfiles } from './epson';
import { fortinetProfiles } from './fortinet';
import { fujifilmProfiles } from './fujifilm';
import { hpProfiles } from './hp';
import { konicaMinoltaProfiles } from './konica-minolta';
import { kyoceraProfiles } from './kyocera';
import { lexmarkProfiles } from './lexmark';
import { microsoftProfiles } from './microsoft';
import { mikrotikProfiles } from './mikrotik';
import { netgearProfiles } from './netgear';
import { okiProfiles } from './oki';
import { qnapProfiles } from './qnap';
import { ricohProfiles } from './ricoh';
import { samsungProfiles } from './samsung';
import { sharpProfiles } from './sharp';
import { synologyProfiles } from './synology';
import { tplinkProfiles } from './tplink';
import { truenasProfiles } from './truenas';
import { ubiquitiProfiles } from './ubiquiti';
import { xeroxProfiles } from './xerox';

/** Every vendor profile; on an exact tie between rules, the earlier profile wins. */
export const PROFILES: readonly VendorProfile[] = [
  ...apcProfiles,
  ...arubaProfiles,
  ...brotherProfiles,
  ...canonProfiles,
  ...ciscoProfiles,
  ...dellProfiles,
  ...dlinkProfiles,
  ...eatonProfiles,
  ...epsonProfiles,
  ...fortinetProfiles,
  ...fujifilmProfiles,
  ...hpProfiles,
  ...konicaMinoltaProfiles,
  ...kyoceraProfiles,
  ...lexmarkProfiles,
  ...microsoftProfiles,
  ...mikrotikProfiles,
  ...netgearProfiles,
  ...okiProfiles,
  ...qnapProfiles,
  ...ricohProfiles,
  ...samsungProfiles,
  ...sharpProfiles,
  ...synologyProfiles,
  ...tplinkProfiles,
  ...truenasProfiles,
  ...ubiquitiProfiles,
  ...xeroxProfiles,
];

/** True when `oid` equals `prefix` or lies below it. */
function isUnder(oid: string, prefix: string): boolean {
  return oid === prefix || oid.startsWith(`${prefix}.`);
}

/** Whether a rule's sysObjectID and sysDescr parts hold (its probe is checked apart). */
function holdsOnSystem(rule: MatchRule, system: SystemGroup): boolean {
  if (rule.sysObjectIDPrefix !== undefined) {
    if (system.sysObjectID === null || !isUnder(system.sysObjectID, rule.sysObjectIDPrefix)) return false;
  }
  if (rule.sysDescr !== undefined) {
    if (system.sysDescr === null || !rule.sysDescr.test(system.sysDescr)) return false;
  }
  return true;
}

/** How specific a rule is: a longer sysObjectID prefix first, then a sysDescr pattern, then a probe. */
function specificity(rule: MatchRule): number {
  const prefixArcs = rule.sysObjectIDPrefix === undefined ? 0 : rule.sysObjectIDPrefix.split('.').length;
  return prefixArcs * 4 + (rule.sysDescr === undefined ? 0 : 2) + (rule.probeOid === undefined ? 0 : 1);
}

/**
 * The profile that describes a device, or null.
 * @param system SNMPv2-MIB system group (RFC 3418).
 * @param profileValues answers to `profileOids()` / `profileNextOids()`, by OID; a probe rule
 *   holds only if its `probeOid` answered.
 */
export function matchProfile(
  system: SystemGroup,
  profileValues: Readonly<Record<string, string>>,
): VendorProfile | null {
  let best: VendorProfile | null = null;
  let bestScore = -1;
  for (const profile of PROFILES) {
    for (const rule of profile.match) {
      if (!holdsOnSystem(rule, system)) continue;
      if (rule.probeOid !== undefined && !profileValues[rule.probeOid]?.trim()) continue;
      const score = specificity(rule);
      if (score > bestScore) {
        best = profile;
        bestScore = score;
      }
    }
  }
  return best;
}

/** Profiles with a rule whose sysObjectID/sysDescr part holds (probes still unanswered). */
function candidateProfiles(system: SystemGroup): VendorProfile[] {
  return PROFILES.filter((profile) => profile.match.some((rule) => holdsOnSystem(rule, system)));
}

function sourcesOf(profile: VendorProfile): ValueSource[] {
  return [profile.serial, profile.model, profile.firmware].filter((source) => source !== undefined);
}

function oidOf(source: OidSource): string {
  return typeof source === 'string' ? source : source.oid;
}

/**
 * Scalar OIDs (no leading dot) to GET for the profiles that may describe this device: their
 * probes and their serial/model/firmware OIDs. The scanner passes the answers back in
 * `DeviceFacts.profileValues`, keyed by the same OIDs.
 */
export function profileOids(system: SystemGroup): string[] {
  const oids = candidateProfiles(system).flatMap((profile) => [
    ...profile.match.flatMap((rule) =>
      rule.probeOid !== undefined && holdsOnSystem(rule, system) ? [rule.probeOid] : [],
    ),
    ...sourcesOf(profile).flatMap((source) => (source.oids ?? []).map(oidOf)),
  ]);
  return [...new Set(oids)];
}

/**
 * Table column OIDs (no leading dot) whose first row the scanner reads with one GETNEXT, for
 * tables indexed by something it cannot know (e.g. Aruba Instant's AP table, indexed by MAC).
 * The scanner stores the value in `DeviceFacts.profileValues` under the column OID, and only
 * when the returned OID lies inside that column.
 */
export function profileNextOids(system: SystemGroup): string[] {
  const oids = candidateProfiles(system).flatMap((profile) =>
    sourcesOf(profile).flatMap((source) => source.columns ?? []),
  );
  return [...new Set(oids)];
}
