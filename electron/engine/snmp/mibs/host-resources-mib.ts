/**
 * HOST-RESOURCES-MIB (RFC 2790), `1.3.6.1.2.1.25`: storage and device tables.
 */
import { rowsByIndex } from '../read';
import { varbindOid, varbindText, type Varbind } from '../values';

/** hrStorageTable entries. */
export const hrStorageEntry = '1.3.6.1.2.1.25.2.3.1';
/** hrDeviceType column of hrDeviceTable. */
export const hrDeviceType = '1.3.6.1.2.1.25.3.2.1.2';
/** hrDeviceType value of a printer (hrDevicePrinter). */
export const hrDevicePrinter = '1.3.6.1.2.1.25.3.1.5';
/** hrDeviceType value of a processor (hrDeviceProcessor). */
export const hrDeviceProcessor = '1.3.6.1.2.1.25.3.1.3';

/**
 * hrProcessorEntry: one row per hrDeviceTable row of type hrDeviceProcessor (RFC 2790 §4.3.3),
 * so its presence says that the host has processors without walking hrDeviceTable.
 */
export const hrProcessorEntry = '1.3.6.1.2.1.25.3.3.1';

/** hrDeviceDescr column of hrDeviceTable. */
export const hrDeviceDescr = '1.3.6.1.2.1.25.3.2.1.3';

/** What identification uses of hrDeviceTable. */
export interface HrDevices {
  /** hrDeviceType of every row (OIDs, no leading dot), in row order. */
  types: string[];
  /** hrDeviceDescr of the first row typed hrDevicePrinter, or null. */
  printerDescr: string | null;
  /** The hrDeviceDescr OID of that row when its column was not walked (to GET), else null. */
  printerDescrOid: string | null;
}

/** The hrDeviceTable columns identification reads of a device with the Printer-MIB, walked together. */
export const HR_DEVICE_COLUMNS = [hrDeviceType, hrDeviceDescr] as const;

/**
 * The hrDeviceType of every hrDeviceTable row, and the description of the first printer.
 * @param columns column OID → its rows (as `walkColumns` returns them); hrDeviceDescr may be
 *   absent (not walked): `printerDescrOid` then says what to GET.
 */
export function hrDevicesFrom(columns: ReadonlyMap<string, readonly Varbind[]>): HrDevices {
  const types = columns.get(hrDeviceType) ?? [];
  const printer = types.find((vb) => varbindOid(vb) === hrDevicePrinter);
  const descrs = columns.get(hrDeviceDescr);
  const row = printer?.oid.slice(hrDeviceType.length + 1);
  return {
    types: types.map(varbindOid).filter((oid): oid is string => oid !== null),
    printerDescr:
      row !== undefined && descrs ? varbindText(rowsByIndex(hrDeviceDescr, descrs).get(row)) : null,
    printerDescrOid: row !== undefined && !descrs ? `${hrDeviceDescr}.${row}` : null,
  };
}

/** hrDeviceStatus column: 1 unknown, 2 running, 3 warning, 4 testing, 5 down. */
export const hrDeviceStatus = '1.3.6.1.2.1.25.3.2.1.5';
/** hrPrinterEntry: .1 hrPrinterStatus (1 other, 2 unknown, 3 idle, 4 printing, 5 warmup), .2 hrPrinterDetectedErrorState. */
export const hrPrinterEntry = '1.3.6.1.2.1.25.3.5.1';
/** Column numbers of hrPrinterEntry (RFC 2790). */
export const HR_PRINTER_COLUMN = { status: 1, detectedErrorState: 2 } as const;
