/**
 * SNMPv2-MIB system group (RFC 3418), `1.3.6.1.2.1.1`, and ifNumber of IF-MIB (RFC 2863):
 * asked of every address in one GET, the probe.
 */
import type { SystemGroup } from '../../identify/facts';
import { getScalars } from '../read';
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
/** ifNumber.0 (IF-MIB, RFC 2863): how many rows ifTable has, to size its walk. */
export const ifNumber = '1.3.6.1.2.1.2.1.0';

/**
 * The OIDs of the probe: the system group's scalars (mandatory on every MIB-II agent) and
 * ifNumber. One GET answers whether the address has an agent and most of what identifies it.
 */
export const PROBE_OIDS = [
  sysObjectID,
  sysDescr,
  sysUpTime,
  sysContact,
  sysName,
  sysLocation,
  sysServices,
  ifNumber,
] as const;

/** What the probe read: the system group, and ifNumber (null when absent). */
export interface ProbeAnswer {
  system: SystemGroup;
  ifNumber: number | null;
}

/**
 * Builds the probe's answer from its varbinds (by OID; missing ones are null).
 * @returns every field, null where absent; sysUpTime in hundredths of a second.
 */
export function probeAnswerFrom(varbinds: readonly (Varbind | null | undefined)[]): ProbeAnswer {
  const byOid = new Map(varbinds.flatMap((vb) => (vb ? [[vb.oid, vb] as const] : [])));
  return {
    system: {
      sysDescr: varbindText(byOid.get(sysDescr)),
      sysObjectID: varbindOid(byOid.get(sysObjectID)),
      sysUpTime: varbindNumber(byOid.get(sysUpTime)),
      sysContact: varbindText(byOid.get(sysContact)),
      sysName: varbindText(byOid.get(sysName)),
      sysLocation: varbindText(byOid.get(sysLocation)),
      sysServices: varbindNumber(byOid.get(sysServices)),
    },
    ifNumber: varbindNumber(byOid.get(ifNumber)),
  };
}

/**
 * Reads the probe's objects object by object where needed (an SNMPv1 agent lacking one of them
 * refuses the whole probe GET with noSuchName).
 * @throws SnmpError when the agent stops answering.
 */
export async function readProbeAnswer(session: SnmpSession): Promise<ProbeAnswer> {
  return probeAnswerFrom([...(await getScalars(session, PROBE_OIDS)).values()]);
}
