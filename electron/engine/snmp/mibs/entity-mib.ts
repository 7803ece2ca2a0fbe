/**
 * ENTITY-MIB entPhysicalTable (RFC 6933), `1.3.6.1.2.1.47.1.1.1.1`: chassis model, serial, firmware.
 */
import type { EntityFacts } from '../../identify/facts';
import { getScalars, walkColumn } from '../read';
import type { SnmpSession } from '../session';
import { varbindNumber, varbindText } from '../values';

export const ENT_PHYSICAL_ENTRY = '1.3.6.1.2.1.47.1.1.1.1';
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
 * Reads entPhysicalClass for every row, then the descriptive columns of the chassis rows
 * (or of the first rows when there is no chassis), with one GET. Agents without the class
 * column are read through entPhysicalDescr (`.2`) instead.
 * @returns the detailed rows, chassis first.
 * @throws SnmpError when the agent stops answering.
 */
export async function readEntities(session: SnmpSession): Promise<EntityFacts[]> {
  let classes = await walkColumn(session, `${ENT_PHYSICAL_ENTRY}.5`, 5000);
  if (classes.size === 0)
    classes = await walkColumn(session, `${ENT_PHYSICAL_ENTRY}.${COLUMN.entPhysicalDescr}`, 5000);
  const rows = [...classes.entries()].map(([index, vb]) => ({
    index,
    cls: vb.oid.startsWith(`${ENT_PHYSICAL_ENTRY}.5.`) ? varbindNumber(vb) : null,
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
