/**
 * IF-MIB ifTable (RFC 2863), `1.3.6.1.2.1.2.2.1`: interfaces and their MAC addresses.
 */
import type { InterfaceFacts } from '../../identify/facts';
import { rowsByIndex } from '../read';
import { varbindMac, varbindNumber, varbindText, type Varbind } from '../values';

export const ifDescr = '1.3.6.1.2.1.2.2.1.2';
export const ifType = '1.3.6.1.2.1.2.2.1.3';
export const ifPhysAddress = '1.3.6.1.2.1.2.2.1.6';

/** The columns identification reads, walked together. */
export const IF_COLUMNS = [ifType, ifPhysAddress, ifDescr] as const;

/** Most interfaces read per device (a stack of switches has a few hundred). */
export const MAX_INTERFACES = 1000;

/**
 * Builds the interfaces from the walked ifDescr, ifType and ifPhysAddress columns.
 * @param columns column OID → its rows (as `walkColumns` returns them).
 * @returns one entry per ifIndex seen in any of the three columns, in ifIndex order.
 */
export function interfacesFrom(columns: ReadonlyMap<string, readonly Varbind[]>): InterfaceFacts[] {
  const [types, macs, descrs] = IF_COLUMNS.map((c) => rowsByIndex(c, columns.get(c) ?? []));
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
