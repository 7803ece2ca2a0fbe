/**
 * Printer-MIB (RFC 3805), `1.3.6.1.2.1.43`. Rows are indexed by hrDeviceIndex then entry
 * index: never assume the hrDeviceIndex is 1, walk from the column.
 */
import { walkColumn } from '../read';
import type { SnmpSession } from '../session';
import { varbindText } from '../values';

export const PRINTER_MIB = '1.3.6.1.2.1.43';
/** prtGeneralSerialNumber column (prtGeneralEntry .17). */
export const prtGeneralSerialNumber = '1.3.6.1.2.1.43.5.1.1.17';

/**
 * Reads the first non-empty prtGeneralSerialNumber, whatever the hrDeviceIndex.
 * @returns the serial, or null.
 * @throws SnmpError when the agent stops answering.
 */
export async function readPrinterSerial(session: SnmpSession): Promise<string | null> {
  const rows = await walkColumn(session, prtGeneralSerialNumber, 16);
  for (const vb of rows.values()) {
    const serial = varbindText(vb);
    if (serial) return serial;
  }
  return null;
}
