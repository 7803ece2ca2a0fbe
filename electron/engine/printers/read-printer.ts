/**
 * Reads one printer the RFC 3805 / RFC 2790 way, vendor-free: supplies, trays, page counters,
 * status, error bits, alerts and the front-panel text. Vendor knowledge arrives as data
 * (`ReadPrinterOptions`, from the profile). A reading usually costs three or four requests: the
 * columns used of hrPrinterTable, prtGeneralCurrentLocalization, prtMarkerSuppliesTable,
 * prtMarkerColorantValue, prtMarkerLifeCount, prtInputTable, prtAlertTable and
 * prtConsoleDisplayBufferText walked together (GETBULK, two or three requests), one GET for
 * hrDeviceStatus and the character set, and the vendor page counters when the profile has some.
 */
import type { PrinterAlert, PrinterReading, Supply, Tray } from '../../../shared/domain/printer';
import type { PrinterData, VendorProfile } from '../identify/profile-schema';
import { hrDeviceStatus, HR_PRINTER_COLUMN, hrPrinterEntry } from '../snmp/mibs/host-resources-mib';
import {
  ALERT_COLUMN,
  INPUT_COLUMN,
  prtAlertEntry,
  prtConsoleDisplayBufferText,
  prtGeneralCurrentLocalization,
  prtInputEntry,
  prtLocalizationCharacterSet,
  prtMarkerColorantValue,
  prtMarkerLifeCount,
  prtMarkerSuppliesEntry,
  SUPPLY_COLUMN,
} from '../snmp/mibs/printer-mib';
import { getScalars, rowsByIndex, walkColumns } from '../snmp/read';
import type { SnmpSession } from '../snmp/session';
import { compareOids, varbindNumber, varbindText, type Varbind } from '../snmp/values';
import { decodeWithCharset } from './charset';
import { DEFAULT_THRESHOLDS, levelState, type Thresholds } from './levels';
import { lifeCountFrom, readPageCounters } from './page-counters';
import { findPartNumber, GENERIC_PART_NUMBER_PATTERNS } from './part-number';
import { decodeErrorState, alertSeverity, printerStatus } from './status';
import { supplyColor, supplyKind, supplyUnit } from './supplies';
import { columnsOf, tableFrom, type TableRows } from './table';

/** What a vendor profile adds to a reading, and the alert thresholds. */
export interface ReadPrinterOptions {
  /** Where the mono and colour page counts are (profile `printer.pageCounters`); other splits are not read here. */
  readonly pageCounters?: Pick<NonNullable<PrinterData['pageCounters']>, 'mono' | 'color'>;
  /** Part-number patterns of the vendor (profile `printer.partNumbers`), tried before the generic ones. */
  readonly partNumbers?: readonly RegExp[];
  /** Default `{ lowPercent: 10 }`. */
  readonly thresholds?: Thresholds;
}

/** The reading options a profile gives (none for a device without a profile). */
export function printerOptions(profile: VendorProfile | null, thresholds?: Thresholds): ReadPrinterOptions {
  const counters = profile?.printer?.pageCounters;
  return {
    pageCounters: counters && { mono: counters.mono, color: counters.color },
    partNumbers: profile?.printer?.partNumbers,
    thresholds,
  };
}

/** Decodes an OCTET STRING in the printer's character set; other values as text. */
type TextReader = (vb: Varbind | undefined) => string | null;

const numberAt = (row: Map<number, Varbind> | undefined, column: number) => varbindNumber(row?.get(column));

/** Row indexes (`hrDeviceIndex.entryIndex`) in OID order, split into numbers. */
const sortedRows = <T>(rows: Map<string, T>) =>
  [...rows.keys()].sort(compareOids).map((key) => {
    const arcs = key.split('.').map(Number);
    return { key, deviceIndex: arcs[0], index: arcs[arcs.length - 1] };
  });

/** The column numbers read of each table. */
const HR_PRINTER_COLUMNS = Object.values(HR_PRINTER_COLUMN);
const SUPPLY_COLUMNS = Object.values(SUPPLY_COLUMN);
const INPUT_COLUMNS = Object.values(INPUT_COLUMN);
const ALERT_COLUMNS = Object.values(ALERT_COLUMN);

/** Every column a reading walks, in one `walkColumns`. */
const PRINTER_COLUMNS = [
  ...columnsOf(hrPrinterEntry, HR_PRINTER_COLUMNS),
  prtGeneralCurrentLocalization,
  ...columnsOf(prtMarkerSuppliesEntry, SUPPLY_COLUMNS),
  prtMarkerColorantValue,
  prtMarkerLifeCount,
  ...columnsOf(prtInputEntry, INPUT_COLUMNS),
  ...columnsOf(prtAlertEntry, ALERT_COLUMNS),
  prtConsoleDisplayBufferText,
];

/** Rows expected per printer table (sizes the first GETBULK: most tables have one to eight rows). */
const PRINTER_TABLE_ROWS = 4;
/** Bound on the rows of one printer column (an agent that loops or serves a huge table). */
const MAX_PRINTER_ROWS = 2000;

/** The printer's hrDeviceIndex, status and error bits from hrPrinterTable (its first row). */
function hrPrinterFrom(rows: TableRows) {
  const [first] = sortedRows(rows);
  const row = first && rows.get(first.key);
  const errorState = row?.get(HR_PRINTER_COLUMN.detectedErrorState)?.value;
  return {
    deviceIndex: first ? first.key : null,
    status: numberAt(row, HR_PRINTER_COLUMN.status),
    errors: Buffer.isBuffer(errorState) ? decodeErrorState(errorState) : [],
  };
}

/** hrDeviceStatus of the printer and the IANA charset of its current localization, in one GET. */
async function readDeviceStatusAndCharset(
  session: SnmpSession,
  deviceIndex: string | null,
  localizations: Map<string, Varbind>,
) {
  // The printer's own row when prtGeneralTable has it, else the first one.
  const device =
    deviceIndex !== null && localizations.has(deviceIndex) ? deviceIndex : [...localizations.keys()][0];
  const localization = device === undefined ? null : varbindNumber(localizations.get(device));
  const statusOid = deviceIndex === null ? null : `${hrDeviceStatus}.${deviceIndex}`;
  const charsetOid =
    localization === null ? null : `${prtLocalizationCharacterSet}.${device}.${localization}`;
  const oids = [statusOid, charsetOid].filter((oid): oid is string => oid !== null);
  const values = oids.length === 0 ? new Map<string, Varbind>() : await getScalars(session, oids);
  return {
    deviceStatus: statusOid === null ? null : varbindNumber(values.get(statusOid)),
    charset: charsetOid === null ? null : varbindNumber(values.get(charsetOid)),
  };
}

/** Interprets prtMarkerSuppliesTable rows; `colorants` maps `hrDeviceIndex.colorantIndex` to prtMarkerColorantValue. */
function toSupplies(
  rows: TableRows,
  colorants: Map<string, Varbind>,
  text: TextReader,
  partNumbers: readonly RegExp[],
  thresholds: Thresholds,
): Supply[] {
  return sortedRows(rows).map(({ key, deviceIndex, index }) => {
    const row = rows.get(key);
    const description = text(row?.get(SUPPLY_COLUMN.description));
    const unitCode = numberAt(row, SUPPLY_COLUMN.unit);
    const colorantIndex = numberAt(row, SUPPLY_COLUMN.colorantIndex);
    const { kind, waste } = supplyKind(
      numberAt(row, SUPPLY_COLUMN.type),
      numberAt(row, SUPPLY_COLUMN.class),
      description,
    );
    const colorant =
      colorantIndex !== null && colorantIndex > 0
        ? text(colorants.get(`${deviceIndex}.${colorantIndex}`))
        : null;
    const maxCapacity = numberAt(row, SUPPLY_COLUMN.maxCapacity);
    const level = numberAt(row, SUPPLY_COLUMN.level);
    return {
      index,
      deviceIndex,
      kind,
      color: supplyColor(kind, colorant, description),
      description,
      partNumber: findPartNumber(description, partNumbers),
      unit: supplyUnit(unitCode),
      maxCapacity,
      level,
      ...levelState({ level, maxCapacity, inPercent: unitCode === 19, waste }, thresholds),
      daysLeft: null,
    };
  });
}

/** Interprets prtInputTable rows (paper trays). */
function toTrays(rows: TableRows, text: TextReader, thresholds: Thresholds): Tray[] {
  return sortedRows(rows).map(({ key, index }) => {
    const row = rows.get(key);
    const level = numberAt(row, INPUT_COLUMN.currentLevel);
    const maxCapacity = numberAt(row, INPUT_COLUMN.maxCapacity);
    return {
      index,
      name: text(row?.get(INPUT_COLUMN.name)),
      media: text(row?.get(INPUT_COLUMN.mediaName)),
      level,
      maxCapacity,
      ...levelState({ level, maxCapacity, inPercent: false, waste: false }, thresholds),
    };
  });
}

/** Interprets prtAlertTable rows. */
function toAlerts(rows: TableRows, text: TextReader): PrinterAlert[] {
  return sortedRows(rows).map(({ key, index }) => {
    const row = rows.get(key);
    return {
      index,
      severity: alertSeverity(numberAt(row, ALERT_COLUMN.severityLevel)),
      group: numberAt(row, ALERT_COLUMN.group),
      code: numberAt(row, ALERT_COLUMN.code),
      description: text(row?.get(ALERT_COLUMN.description)),
    };
  });
}

/**
 * Reads a printer: every row of prtMarkerSuppliesTable and prtInputTable whatever the
 * hrDeviceIndex, with levels interpreted the RFC 3805 way (see `levelState`), text decoded in
 * the declared character set; `daysLeft` is null (history fills it). Tables the printer lacks
 * give empty lists and null values.
 * @throws SnmpError when the agent stops answering.
 */
export async function readPrinter(
  session: SnmpSession,
  options: ReadPrinterOptions = {},
): Promise<PrinterReading> {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const partNumbers = [...(options.partNumbers ?? []), ...GENERIC_PART_NUMBER_PATTERNS];

  const { columns } = await walkColumns(session, {
    columns: PRINTER_COLUMNS,
    rows: PRINTER_TABLE_ROWS,
    maxRows: MAX_PRINTER_ROWS,
  });
  const column = (oid: string) => rowsByIndex(oid, columns.get(oid) ?? []);
  const hrPrinter = hrPrinterFrom(tableFrom(hrPrinterEntry, HR_PRINTER_COLUMNS, columns));
  const { deviceStatus, charset } = await readDeviceStatusAndCharset(
    session,
    hrPrinter.deviceIndex,
    column(prtGeneralCurrentLocalization),
  );
  const text: TextReader = (vb) =>
    Buffer.isBuffer(vb?.value) ? decodeWithCharset(vb.value, charset) : varbindText(vb);

  const supplyRows = tableFrom(prtMarkerSuppliesEntry, SUPPLY_COLUMNS, columns);
  const colorants = column(prtMarkerColorantValue);
  const total = lifeCountFrom(columns.get(prtMarkerLifeCount) ?? []);
  const split = options.pageCounters ? await readPageCounters(session, options.pageCounters) : null;
  const trayRows = tableFrom(prtInputEntry, INPUT_COLUMNS, columns);
  const alertRows = tableFrom(prtAlertEntry, ALERT_COLUMNS, columns);
  const lines = column(prtConsoleDisplayBufferText);
  const display = sortedRows(lines)
    .map(({ key }) => text(lines.get(key)))
    .filter((line): line is string => line !== null);

  return {
    status: printerStatus(hrPrinter.status, deviceStatus, hrPrinter.errors),
    errors: hrPrinter.errors,
    alerts: toAlerts(alertRows, text),
    display: display.length === 0 ? null : display.join('\n'),
    pageCount: { total, mono: split?.mono ?? null, color: split?.color ?? null },
    supplies: toSupplies(supplyRows, colorants, text, partNumbers, thresholds),
    trays: toTrays(trayRows, text, thresholds),
  };
}
