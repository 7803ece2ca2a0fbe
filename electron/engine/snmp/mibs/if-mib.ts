/**
 * IF-MIB ifTable (RFC 2863), `1.3.6.1.2.1.2.2.1`: interfaces and their MAC addresses.
 */
import type { InterfaceFacts } from '../../identify/facts';
import { walkColumn } from '../read';
import type { SnmpSession } from '../session';
import { varbindMac, varbindNumber, varbindText } from '../values';

export const ifDescr = '1.3.6.1.2.1.2.2.1.2';
export const ifType = '1.3.6.1.2.1.2.2.1.3';
export const ifPhysAddress = '1.3.6.1.2.1.2.2.1.6';

/** Most interfaces read per device (a stack of switches has a few hundred). */
const MAX_INTERFACES = 1000;

/**
 * Reads ifDescr, ifType and ifPhysAddress of every interface, in ifIndex order.
 * @returns one entry per ifIndex seen in any of the three columns.
 * @throws SnmpError when the agent stops answering.
 */
export async function readInterfaces(session: SnmpSession): Promise<InterfaceFacts[]> {
  const types = await walkColumn(session, ifType, MAX_INTERFACES);
  const macs = await walkColumn(session, ifPhysAddress, MAX_INTERFACES);
  const descrs = await walkColumn(session, ifDescr, MAX_INTERFACES);
  const indexes = [...new Set([...types.keys(), ...macs.keys(), ...descrs.keys()])]
    .map(Number)
    .filter(Number.isInteger)
    .sort((a, b) => a - b);
  return indexes.map((ifIndex) => ({
    ifIndex,
    ifDescr: varbindText(descrs.get(String(ifIndex))),
    ifType: varbindNumber(types.get(String(ifIndex))),
    ifPhysAddress: varbindMac(macs.get(String(ifIndex))),
  }));
}
