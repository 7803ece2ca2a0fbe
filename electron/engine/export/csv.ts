/**
 * CSV for French Excel: `;` separator, UTF-8 with a BOM (so accents show right), CRLF line ends,
 * dates as ISO 8601 UTC (`2026-03-02T08:15:00Z`), decimals with a comma, every text neutralised
 * (see neutralise.ts). One row per device with its type code and its type in French.
 */
import { stringify } from 'csv-stringify/sync';
import type { DeviceType } from '../../../shared/domain/device';
import type { ExportedDevice } from '../../../shared/domain/export';
import { DEVICE_COLUMNS, type CellValue } from './columns';
import { neutralise } from './neutralise';

/** A cell as CSV text. */
export function csvCell(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (typeof value === 'number') return String(value).replace('.', ',');
  return neutralise(value);
}

/** One CSV document (BOM included) of `devices`, one row each. */
export function renderCsv(devices: readonly ExportedDevice[]): string {
  return stringify(
    devices.map((d) => DEVICE_COLUMNS.map((c) => csvCell(c.value(d)))),
    {
      bom: true,
      delimiter: ';',
      record_delimiter: 'windows',
      header: true,
      columns: DEVICE_COLUMNS.map((c) => c.header),
    },
  );
}

/** One CSV document per type present, named `<type>.csv` (`--split`). */
export function renderSplitCsv(devices: readonly ExportedDevice[]): { name: string; data: string }[] {
  const byType = new Map<DeviceType, ExportedDevice[]>();
  for (const d of devices) {
    const list = byType.get(d.type);
    if (list) list.push(d);
    else byType.set(d.type, [d]);
  }
  return [...byType].map(([type, list]) => ({ name: `${type}.csv`, data: renderCsv(list) }));
}
