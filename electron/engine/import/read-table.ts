/**
 * Reading a rooms sheet: a CSV (`;`, `,` or tab separated — detected from the header line —,
 * UTF-8 with or without BOM, or Windows-1252 as French Excel saves « CSV (séparateur: point-virgule) »)
 * or an XLSX workbook (every sheet, the header in row 1). Cells come out as trimmed text.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CellValue } from 'exceljs';
import { loadExceljs } from '../export/xlsx';
import { InputError } from '../errors';

/** One table of the file: its sheet (XLSX) or null (CSV), its header and its non-empty rows with their 1-based row number. */
export interface Table {
  sheet: string | null;
  header: string[];
  rows: { line: number; cells: string[] }[];
}

/**
 * Windows-1252's characters at 0x80–0x9F (where ISO-8859-1 has control codes): ’ – œ € “ ”…
 * Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1, so they are mapped here.
 * Bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined in Windows-1252 and stay as they are.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** UTF-8 when it decodes as such (BOM or not), else Windows-1252 (what French Excel saves). */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return bytes
      .toString('latin1')
      .replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]);
  }
}

/** The separator of a CSV: the most frequent of `;`, `,` and tab on its first line. */
export function detectDelimiter(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((d) => [d, first.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** A CSV document as one table; rows are numbered as a spreadsheet shows them (header = 1, blank rows counted). */
export function parseCsv(text: string): Table {
  const records = parse(text, {
    bom: true,
    delimiter: detectDelimiter(text.replace(/^\uFEFF/, '')),
    relax_column_count: true,
    relax_quotes: true,
  }) as string[][];
  const [head = [], ...rest] = records;
  return {
    sheet: null,
    header: head.map((h) => h.trim()),
    rows: rest
      .map((record, i) => ({ line: i + 2, cells: record.map((c) => c.trim()) }))
      .filter((row) => row.cells.some((c) => c !== '')),
  };
}

/** A cell of exceljs as text (rich text, hyperlinks and formula results included). */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return value.result === undefined ? '' : cellText(value.result as CellValue);
    return '';
  }
  return String(value);
}

/** Every sheet of an XLSX workbook as a table (row 1 is the header; empty rows skipped). */
export async function parseXlsx(bytes: Buffer): Promise<Table[]> {
  const workbook = new (loadExceljs().Workbook)();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: Table['rows'] = [];
    let header: string[] = [];
    sheet.eachRow((row, line) => {
      const cells: string[] = [];
      row.eachCell(
        { includeEmpty: true },
        (cell, column) => (cells[column - 1] = cellText(cell.value).trim()),
      );
      const filled = Array.from(cells, (c) => c ?? '');
      if (line === 1) header = filled;
      else if (filled.some((c) => c !== '')) rows.push({ line, cells: filled });
    });
    return { sheet: sheet.name, header, rows };
  });
}

/**
 * Reads `file` as tables, by its extension (.csv/.txt or .xlsx).
 * @throws InputError when the file is missing, of another kind, or not a readable workbook.
 */
export async function readTables(file: string): Promise<Table[]> {
  const extension = extname(file).toLowerCase();
  if (!['.csv', '.txt', '.xlsx'].includes(extension)) {
    throw new InputError(`Cannot import ${file}: give a .csv or .xlsx file.`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new InputError(
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error)}.`,
    );
  }
  if (extension !== '.xlsx') return [parseCsv(decodeText(bytes))];
  try {
    return await parseXlsx(bytes);
  } catch (error) {
    throw new InputError(
      `${file} is not a readable XLSX workbook (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
}
