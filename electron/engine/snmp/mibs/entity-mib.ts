/**
 * ENTITY-MIB entPhysicalTable (RFC 6933), `1.3.6.1.2.1.47.1.1.1.1`: chassis model, serial, firmware.
 */
import type { EntityFacts } from '../../identify/facts';
import { getScalars, rowsByIndex, walkColumn } from '../read';
import type { SnmpSession } from '../session';
import { varbindNumber, varbindText, type Varbind } from '../values';

export const ENT_PHYSICAL_ENTRY = '1.3.6.1.2.1.47.1.1.1.1';
/** entPhysicalClass column (`.5`): 3 chassis, 11 stack, 10 port… */
export const entPhysicalClass = `${ENT_PHYSICAL_ENTRY}.5`;
/** Bound on the rows of the entity walks (a stack of chassis has a few thousand). */
export const MAX_ENTITIES = 5000;
const COLUMN = {
  entPhysicalDescr: 2,
  entPhysicalHardwareRev: 8,
  entPhysicalFirmwareRev: 9,
  entPhysicalSoftwareRev: 10,
  entPhysicalSerialNum: 11,
  entPhysicalMfgName: 12,
  entPhysicalModelName: 13,
} as const;
/** entPhysicalClass chassis (3) and stack (11): the rows that describe the device itself. */
const DEVICE_CLASSES = new Set([3, 11]);
/** Rows read in detail: the chassis rows, else the first rows. */
const MAX_DETAILED = 4;

/**
 * Reads the descriptive columns of the chassis rows (or of the first rows when there is no
 * chassis), with one GET, from the walked entPhysicalClass column. Agents without the class
 * column are read through entPhysicalDescr (`.2`) instead.
 * @param classRows the walked entPhysicalClass column (may be empty).
 * @returns the detailed rows, chassis first.
 * @throws SnmpError when the agent stops answering.
 */
export async function readEntities(
  session: SnmpSession,
  classRows: readonly Varbind[],
): Promise<EntityFacts[]> {
  let classes = rowsByIndex(entPhysicalClass, classRows);
  if (classes.size === 0)
    classes = await walkColumn(session, `${ENT_PHYSICAL_ENTRY}.${COLUMN.entPhysicalDescr}`, MAX_ENTITIES);
  const rows = [...classes.entries()].map(([index, vb]) => ({
    index,
    cls: vb.oid.startsWith(`${entPhysicalClass}.`) ? varbindNumber(vb) : null,
  }));
  const chassis = rows.filter((r) => r.cls !== null && DEVICE_CLASSES.has(r.cls));
  const chosen = (chassis.length > 0 ? chassis : rows).slice(0, MAX_DETAILED);
  const oids = chosen.flatMap((r) =>
    Object.values(COLUMN).map((c) => `${ENT_PHYSICAL_ENTRY}.${c}.${r.index}`),
  );
  const values = await getScalars(session, oids);
  const text = (column: number, index: string) =>
    varbindText(values.get(`${ENT_PHYSICAL_ENTRY}.${column}.${index}`));
  return chosen.map(({ index, cls }) => ({
    entPhysicalIndex: Number(index),
    entPhysicalClass: cls,
    entPhysicalDescr: text(COLUMN.entPhysicalDescr, index),
    entPhysicalHardwareRev: text(COLUMN.entPhysicalHardwareRev, index),
    entPhysicalFirmwareRev: text(COLUMN.entPhysicalFirmwareRev, index),
    entPhysicalSoftwareRev: text(COLUMN.entPhysicalSoftwareRev, index),
    entPhysicalSerialNum: text(COLUMN.entPhysicalSerialNum, index),
    entPhysicalMfgName: text(COLUMN.entPhysicalMfgName, index),
    entPhysicalModelName: text(COLUMN.entPhysicalModelName, index),
  }));
}
