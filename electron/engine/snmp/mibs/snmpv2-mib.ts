/**
 * SNMPv2-MIB system group (RFC 3418), `1.3.6.1.2.1.1`: read first on every host.
 */
import type { SystemGroup } from '../../identify/facts';
import type { SnmpSession } from '../session';
import { varbindNumber, varbindOid, varbindText, type Varbind } from '../values';

export const SYSTEM = '1.3.6.1.2.1.1';
export const sysDescr = `${SYSTEM}.1.0`;
export const sysObjectID = `${SYSTEM}.2.0`;
export const sysUpTime = `${SYSTEM}.3.0`;
export const sysContact = `${SYSTEM}.4.0`;
export const sysName = `${SYSTEM}.5.0`;
export const sysLocation = `${SYSTEM}.6.0`;
export const sysServices = `${SYSTEM}.7.0`;
/** sysORID column of sysORTable. */
export const sysORID = `${SYSTEM}.9.1.2`;

/** The OIDs a first probe asks: present on every MIB-II agent, cheap, and enough to know the device answers. */
export const PROBE_OIDS = [sysObjectID, sysDescr, sysUpTime] as const;

/**
 * Builds the system group from the varbinds of a walk of `1.3.6.1.2.1.1`.
 * @returns every field, null where absent; sysUpTime in hundredths of a second.
 */
export function systemGroupFrom(varbinds: readonly Varbind[]): SystemGroup {
  const byOid = new Map(varbinds.map((vb) => [vb.oid, vb]));
  return {
    sysDescr: varbindText(byOid.get(sysDescr)),
    sysObjectID: varbindOid(byOid.get(sysObjectID)),
    sysUpTime: varbindNumber(byOid.get(sysUpTime)),
    sysContact: varbindText(byOid.get(sysContact)),
    sysName: varbindText(byOid.get(sysName)),
    sysLocation: varbindText(byOid.get(sysLocation)),
    sysServices: varbindNumber(byOid.get(sysServices)),
    sysORIDs: varbinds
      .filter((vb) => vb.oid.startsWith(sysORID + '.'))
      .map(varbindOid)
      .filter((oid): oid is string => oid !== null),
  };
}

/**
 * Reads the system group `1.3.6.1.2.1.1` (a bounded walk, so sysORTable comes along).
 * @throws SnmpError when the agent stops answering.
 */
export async function readSystemGroup(session: SnmpSession): Promise<SystemGroup> {
  const { varbinds } = await session.walk(SYSTEM, { maxRows: 300 });
  return systemGroupFrom(varbinds);
}
