/**
 * Printer-MIB (RFC 3805), `1.3.6.1.2.1.43`. Rows are indexed by hrDeviceIndex then entry
 * index: never assume the hrDeviceIndex is 1, walk from the column.
 */
import { varbindText, type Varbind } from '../values';

export const PRINTER_MIB = '1.3.6.1.2.1.43';
/** prtGeneralSerialNumber column (prtGeneralEntry .17). */
export const prtGeneralSerialNumber = '1.3.6.1.2.1.43.5.1.1.17';

/**
 * The first non-empty prtGeneralSerialNumber, whatever the hrDeviceIndex.
 * @param rows the walked prtGeneralSerialNumber column.
 * @returns the serial, or null.
 */
export function printerSerialFrom(rows: readonly Varbind[]): string | null {
  for (const vb of rows) {
    const serial = varbindText(vb);
    if (serial) return serial;
  }
  return null;
}

/** prtGeneralCurrentLocalization column (prtGeneralEntry .2): index into prtLocalizationTable. */
export const prtGeneralCurrentLocalization = '1.3.6.1.2.1.43.5.1.1.2';
/** prtLocalizationCharacterSet column (prtLocalizationEntry .4): IANA charset MIBenum, rows hrDeviceIndex.localization. */
export const prtLocalizationCharacterSet = '1.3.6.1.2.1.43.7.1.1.4';
/** prtInputEntry: paper trays (columns .9 max capacity, .10 current level, .12 media name, .13 name). */
export const prtInputEntry = '1.3.6.1.2.1.43.8.2.1';
/** prtMarkerLifeCount column (prtMarkerEntry .4): impressions or other units since manufacture. */
export const prtMarkerLifeCount = '1.3.6.1.2.1.43.10.2.1.4';
/**
 * prtMarkerSuppliesEntry: columns .3 colorant index, .4 class, .5 type, .6 description, .7 unit,
 * .8 max capacity, .9 level; rows hrDeviceIndex.supplyIndex.
 */
export const prtMarkerSuppliesEntry = '1.3.6.1.2.1.43.11.1.1';
/** prtMarkerColorantValue column (prtMarkerColorantEntry .4), e.g. `cyan`; rows hrDeviceIndex.colorantIndex. */
export const prtMarkerColorantValue = '1.3.6.1.2.1.43.12.1.1.4';
/** prtConsoleDisplayBufferText column (prtConsoleDisplayBufferEntry .2): front-panel lines. */
export const prtConsoleDisplayBufferText = '1.3.6.1.2.1.43.16.5.1.2';
/** prtAlertEntry: columns .2 severity, .4 group, .7 code, .8 description; rows hrDeviceIndex.alertIndex. */
export const prtAlertEntry = '1.3.6.1.2.1.43.18.1.1';

/** Column numbers of prtMarkerSuppliesEntry (RFC 3805). */
export const SUPPLY_COLUMN = {
  colorantIndex: 3,
  class: 4,
  type: 5,
  description: 6,
  unit: 7,
  maxCapacity: 8,
  level: 9,
} as const;

/** Column numbers of prtInputEntry (RFC 3805). */
export const INPUT_COLUMN = { maxCapacity: 9, currentLevel: 10, mediaName: 12, name: 13 } as const;

/** Column numbers of prtAlertEntry (RFC 3805). */
export const ALERT_COLUMN = { severityLevel: 2, group: 4, code: 7, description: 8 } as const;
