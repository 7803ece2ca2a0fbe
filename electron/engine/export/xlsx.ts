/**
 * The XLSX workbook (exceljs): « Synthèse » (school, export date, counts by type and by room),
 * one sheet per family of devices (Ordinateurs, Imprimantes with counters and supply levels,
 * Réseau, TNI, Serveur, Autres) and « Consommables » (what to order). Each table has its header
 * row frozen and an auto-filter; dates are real dates, counters and levels real numbers, and
 * every text is neutralised (see neutralise.ts).
 */
import { createRequire } from 'node:module';
import type * as ExcelJS from 'exceljs';
import type { Workbook, Worksheet } from 'exceljs';
import type { ExportedDevice } from '../../../shared/domain/export';
import {
  DEVICE_COLUMNS,
  ORDER_COLUMNS,
  PRINTER_COLUMNS,
  supplyColumns,
  type CellFormat,
  type Column,
  type PrinterRow,
} from './columns';
import type { InventorySnapshot } from './inventory';
import { neutralise } from './neutralise';
import { DEVICE_SHEETS, TYPE_WORDS } from './words';

/**
 * exceljs, loaded on first use: it takes about 18 MB once loaded, and only exports and imports
 * of workbooks need it (not scans, not the UI).
 */
export function loadExceljs(): typeof ExcelJS {
  return createRequire(__filename)('exceljs') as typeof ExcelJS;
}

/** Excel number formats (the French Excel shows them with its own separators). */
const NUM_FMT: Readonly<Record<CellFormat, string | undefined>> = {
  text: undefined,
  integer: '#,##0',
  percent: '0%',
  date: 'yyyy-mm-dd hh:mm',
};

/** Column widths in characters: from the longest value, within bounds. */
const MIN_WIDTH = 10;
const MAX_WIDTH = 50;
const DATE_WIDTH = 17;

/** Rows looked at to size a column (enough to be representative, cheap on 5,000 rows). */
const WIDTH_SAMPLE = 500;

const cellValue = (value: ReturnType<Column<unknown>['value']>) =>
  typeof value === 'string' ? neutralise(value) : value;

/** Adds a sheet holding one table: bold frozen header, auto-filter, formats, widths. */
function addTable<T>(workbook: Workbook, name: string, columns: readonly Column<T>[], rows: readonly T[]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const values = rows.map((row) => columns.map((c) => cellValue(c.value(row))));
  sheet.columns = columns.map((c, i) => ({
    header: c.header,
    width: widthOf(c, values, i),
    style: NUM_FMT[c.format] ? { numFmt: NUM_FMT[c.format] } : {},
  }));
  sheet.addRows(values);
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

function widthOf<T>(column: Column<T>, values: readonly unknown[][], index: number): number {
  if (column.format === 'date') return Math.max(DATE_WIDTH, column.header.length + 2);
  let longest = column.header.length;
  for (const row of values.slice(0, WIDTH_SAMPLE)) {
    const v = row[index];
    if (v !== null && v !== undefined) longest = Math.max(longest, String(v).length);
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

/** « Synthèse »: who and when, then the counts by type and by room. */
function addSummary(workbook: Workbook, snapshot: InventorySnapshot): Worksheet {
  const sheet = workbook.addWorksheet('Synthèse');
  sheet.columns = [{ width: 28 }, { width: 20 }];
  const bold = (row: number) => (sheet.getRow(row).font = { bold: true });
  sheet.addRow(['Inventaire du parc']);
  bold(1);
  sheet.addRow(['Établissement', neutralise(snapshot.school.name ?? '—')]);
  sheet.addRow(['UAI', neutralise(snapshot.school.uai ?? '—')]);
  sheet.addRow(["Date de l'export (UTC)", new Date(snapshot.exportedAt)]).getCell(2).numFmt = NUM_FMT.date!;
  sheet.addRow(['Appareils', snapshot.devices.length]);
  sheet.addRow([]);
  bold(sheet.addRow(['Type', 'Nombre']).number);
  for (const [type, count] of countBy(snapshot.devices, (d) => TYPE_WORDS[d.type]))
    sheet.addRow([type, count]);
  sheet.addRow([]);
  bold(sheet.addRow(['Salle', 'Nombre']).number);
  for (const [room, count] of countBy(snapshot.devices, (d) => d.room ?? '(sans salle)')) {
    sheet.addRow([neutralise(room), count]);
  }
  return sheet;
}

/** Counts by key, most frequent first, then alphabetically. */
function countBy(devices: readonly ExportedDevice[], key: (d: ExportedDevice) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const d of devices) counts.set(key(d), (counts.get(key(d)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'fr'));
}

/** The whole workbook as an XLSX file. */
export async function renderXlsx(snapshot: InventorySnapshot, generator: string): Promise<Buffer> {
  const workbook = new (loadExceljs().Workbook)();
  workbook.creator = generator;
  workbook.created = new Date(snapshot.exportedAt);
  addSummary(workbook, snapshot);
  for (const { name, types } of DEVICE_SHEETS) {
    const devices = snapshot.devices.filter((d) => types.includes(d.type));
    if (name === 'Imprimantes') {
      const rows: PrinterRow[] = devices.map((device) => ({
        device,
        printer: snapshot.printers.get(device.id) ?? null,
      }));
      addTable(workbook, name, [...PRINTER_COLUMNS, ...supplyColumns(rows)], rows);
      addTable(workbook, 'Consommables', ORDER_COLUMNS, snapshot.toOrder);
    } else {
      addTable(workbook, name, DEVICE_COLUMNS, devices);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
