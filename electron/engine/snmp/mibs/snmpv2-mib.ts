/**
 * SNMPv2-MIB system group (RFC 3418), `1.3.6.1.2.1.1`, and ifNumber of IF-MIB (RFC 2863):
 * read first on every host.
 */
import type { SystemGroup } from '../../identify/facts';
import { varbindNumber, varbindOid, varbindText, type Varbind } from '../values';

export const SYSTEM = '1.3.6.1.2.1.1';
export const sysDescr = `${SYSTEM}.1.0`;
export const sysObjectID = `${SYSTEM}.2.0`;
export const sysUpTime = `${SYSTEM}.3.0`;
export const sysContact = `${SYSTEM}.4.0`;
export const sysName = `${SYSTEM}.5.0`;
export const sysLocation = `${SYSTEM}.6.0`;
export const sysServices = `${SYSTEM}.7.0`;

/** The scalars of the system group. */
export const SYSTEM_SCALARS = [
  sysDescr,
  sysObjectID,
  sysUpTime,
  sysContact,
  sysName,
  sysLocation,
  sysServices,
] as const;

/** ifNumber.0 (IF-MIB, RFC 2863): how many rows ifTable has, to size its walk. */
export const ifNumber = '1.3.6.1.2.1.2.1.0';

/** The OIDs a first probe asks: present on every MIB-II agent, cheap, and enough to know the device answers. */
export const PROBE_OIDS = [sysObjectID, sysDescr, sysUpTime] as const;

/**
 * Builds the system group from its scalars.
 * @param value the varbind read for a scalar instance OID (`1.3.6.1.2.1.1.1.0`…), if any.
 * @returns every field, null where absent; sysUpTime in hundredths of a second.
 */
export function systemGroupFrom(value: (oid: string) => Varbind | undefined): SystemGroup {
  return {
    sysDescr: varbindText(value(sysDescr)),
    sysObjectID: varbindOid(value(sysObjectID)),
    sysUpTime: varbindNumber(value(sysUpTime)),
    sysContact: varbindText(value(sysContact)),
    sysName: varbindText(value(sysName)),
    sysLocation: varbindText(value(sysLocation)),
    sysServices: varbindNumber(value(sysServices)),
  };
}
