/**
 * HOST-RESOURCES-MIB (RFC 2790), `1.3.6.1.2.1.25`: storage and device tables.
 */
import { walkColumn } from '../read';
import type { SnmpSession } from '../session';
import { varbindOid, varbindText } from '../values';

/** hrStorageTable entries. */
export const hrStorageEntry = '1.3.6.1.2.1.25.2.3.1';
/** hrDeviceType column of hrDeviceTable. */
export const hrDeviceType = '1.3.6.1.2.1.25.3.2.1.2';
/** hrDeviceType value of a printer (hrDevicePrinter). */
export const hrDevicePrinter = '1.3.6.1.2.1.25.3.1.5';
/** hrDeviceType value of a processor (hrDeviceProcessor). */
export const hrDeviceProcessor = '1.3.6.1.2.1.25.3.1.3';

/** hrDeviceDescr column of hrDeviceTable. */
export const hrDeviceDescr = '1.3.6.1.2.1.25.3.2.1.3';

/** What identification uses of hrDeviceTable. */
export interface HrDevices {
  /** hrDeviceType of every row (OIDs, no leading dot), in row order. */
  types: string[];
  /** hrDeviceDescr of the first row typed hrDevicePrinter, or null. */
  printerDescr: string | null;
}

/**
 * Reads the hrDeviceType of every hrDeviceTable row, and the description of the first printer.
 * @throws SnmpError when the agent stops answering.
 */
export async function readHrDevices(session: SnmpSession): Promise<HrDevices> {
  const rows = [...(await walkColumn(session, hrDeviceType, 500)).entries()];
  const printerRow = rows.find(([, vb]) => varbindOid(vb) === hrDevicePrinter)?.[0];
  const descr = printerRow === undefined ? [] : await session.get([`${hrDeviceDescr}.${printerRow}`]);
  return {
    types: rows.map(([, vb]) => varbindOid(vb)).filter((oid): oid is string => oid !== null),
    printerDescr: varbindText(descr[0]),
  };
}

/** hrDeviceStatus column: 1 unknown, 2 running, 3 warning, 4 testing, 5 down. */
export const hrDeviceStatus = '1.3.6.1.2.1.25.3.2.1.5';
/** hrPrinterEntry: .1 hrPrinterStatus (1 other, 2 unknown, 3 idle, 4 printing, 5 warmup), .2 hrPrinterDetectedErrorState. */
export const hrPrinterEntry = '1.3.6.1.2.1.25.3.5.1';
/** Column numbers of hrPrinterEntry (RFC 2790). */
export const HR_PRINTER_COLUMN = { status: 1, detectedErrorState: 2 } as const;
