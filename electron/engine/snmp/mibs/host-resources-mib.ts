/**
 * HOST-RESOURCES-MIB (RFC 2790), `1.3.6.1.2.1.25`: storage and device tables.
 */
import { walkColumn } from '../read';
import type { SnmpSession } from '../session';
import { varbindOid } from '../values';

/** hrStorageTable entries. */
export const hrStorageEntry = '1.3.6.1.2.1.25.2.3.1';
/** hrDeviceType column of hrDeviceTable. */
export const hrDeviceType = '1.3.6.1.2.1.25.3.2.1.2';
/** hrDeviceType value of a printer (hrDevicePrinter). */
export const hrDevicePrinter = '1.3.6.1.2.1.25.3.1.5';
/** hrDeviceType value of a processor (hrDeviceProcessor). */
export const hrDeviceProcessor = '1.3.6.1.2.1.25.3.1.3';

/**
 * Reads the hrDeviceType of every hrDeviceTable row.
 * @returns the type OIDs (no leading dot), in row order, duplicates kept.
 * @throws SnmpError when the agent stops answering.
 */
export async function readDeviceTypes(session: SnmpSession): Promise<string[]> {
  const rows = await walkColumn(session, hrDeviceType, 500);
  return [...rows.values()].map(varbindOid).filter((oid): oid is string => oid !== null);
}
