/**
 * Identification of one SNMP host from its facts: type, vendor, model, serial, firmware, MAC.
 * Pure: no I/O besides the lazily loaded OUI table.
 */
import type { DeviceType } from '../../../shared/domain/device';
import { cleanValue, firstValue } from './clean';
import { decideType } from './device-type';
import { canonicalVendor, enterpriseNumber, vendorFromEnterprise } from './enterprises';
import type { DeviceFacts, EntityFacts } from './facts';
import { chooseMac } from './mac';
import { vendorFromMac } from './oui';
import type { ValueSource } from './profile-schema';
import { matchProfile } from './profiles';

/** What Parc knows about a device's identity; absent values are null. */
export interface Identity {
  type: DeviceType;
  vendor: string | null;
  model: string | null;
  serial: string | null;
  firmware: string | null;
  /** `aa:bb:cc:dd:ee:ff`, lower case. */
  mac: string | null;
}

/** ENTITY-MIB PhysicalClass chassis (RFC 6933). */
const ENT_CLASS_CHASSIS = 3;

/** A column of entPhysicalTable: the chassis's value, else the first non-empty one. */
function entityValue(
  entities: readonly EntityFacts[],
  pick: (row: EntityFacts) => string | null,
): string | null {
  const chassis = entities.filter((row) => row.entPhysicalClass === ENT_CLASS_CHASSIS);
  return firstValue(...chassis.map(pick)) ?? firstValue(...entities.map(pick));
}

/** A profile value read from OIDs (GET, then GETNEXT columns), or null. */
function profileOidValue(
  source: ValueSource | undefined,
  values: Readonly<Record<string, string>>,
): string | null {
  for (const entry of source?.oids ?? []) {
    const raw = typeof entry === 'string' ? values[entry] : values[entry.oid]?.match(entry.pattern)?.[1];
    const value = cleanValue(raw);
    if (value !== null) return value;
  }
  return firstValue(...(source?.columns ?? []).map((column) => values[column]));
}

/** A profile value extracted from sysDescr, or null. */
function profileDescrValue(source: ValueSource | undefined, sysDescr: string | null): string | null {
  if (source?.sysDescr === undefined || sysDescr === null) return null;
  return cleanValue(sysDescr.match(source.sysDescr)?.[1]);
}

/** The MAC's registrant, in the spelling the inventory uses for that vendor. */
function macVendor(mac: string | null): string | null {
  const registrant = mac === null ? null : vendorFromMac(mac);
  return registrant === null ? null : canonicalVendor(registrant);
}

/**
 * Identifies a device from what the scan learned.
 *
 * - type: see `decideType` (standard MIBs first, then the profile's hint, then sysDescr words).
 * - serial: ENTITY-MIB entPhysicalSerialNum `1.3.6.1.2.1.47.1.1.1.1.11` (chassis first),
 *   Printer-MIB prtGeneralSerialNumber `1.3.6.1.2.1.43.5.1.1.17`, then the profile's OIDs and
 *   sysDescr pattern.
 * - model: entPhysicalModelName `.13` (chassis first), the profile's OIDs, UPS-MIB
 *   upsIdentModel `1.3.6.1.2.1.33.1.1.2.0`, the profile's sysDescr pattern, then for printers
 *   the printer's hrDeviceDescr `1.3.6.1.2.1.25.3.2.1.3`.
 * - firmware: entPhysicalSoftwareRev `.10` / entPhysicalFirmwareRev `.9`, then the profile.
 * - vendor: the profile's vendor, the IANA enterprise of sysObjectID, entPhysicalMfgName `.12`,
 *   upsIdentManufacturer `1.3.6.1.2.1.33.1.1.1.0`, then the OUI of the MAC.
 * - mac: see `chooseMac`.
 * Placeholder values (`0`, `N/A`, `unknown`, all zeros…) count as absent.
 */
export function identifyDevice(facts: DeviceFacts): Identity {
  const { system, entities, profileValues } = facts;
  const profile = matchProfile(system, profileValues);
  const mac = chooseMac(facts);
  const pen = enterpriseNumber(system.sysObjectID);
  const type = decideType(facts, profile?.type);

  const serial =
    entityValue(entities, (row) => row.entPhysicalSerialNum) ??
    cleanValue(facts.prtGeneralSerialNumber) ??
    profileOidValue(profile?.serial, profileValues) ??
    profileDescrValue(profile?.serial, system.sysDescr);
  const model =
    entityValue(entities, (row) => row.entPhysicalModelName) ??
    profileOidValue(profile?.model, profileValues) ??
    cleanValue(facts.upsIdentModel) ??
    profileDescrValue(profile?.model, system.sysDescr) ??
    (type === 'printer' ? cleanValue(facts.hrPrinterDescr) : null);
  const firmware =
    entityValue(entities, (row) => row.entPhysicalSoftwareRev) ??
    entityValue(entities, (row) => row.entPhysicalFirmwareRev) ??
    profileOidValue(profile?.firmware, profileValues) ??
    profileDescrValue(profile?.firmware, system.sysDescr);
  const vendor =
    profile?.vendor ??
    (pen === null ? null : vendorFromEnterprise(pen)) ??
    entityValue(entities, (row) => row.entPhysicalMfgName) ??
    cleanValue(facts.upsIdentManufacturer) ??
    macVendor(mac);

  return { type, vendor, model, serial, firmware, mac };
}
