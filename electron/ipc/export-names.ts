/**
 * Default names of exports, shared by the desktop save dialog and the bridge download:
 * `parc-inventaire-2026-11-29.csv` (`.xlsx`, `.json`), and for folders (GLPI, split CSV)
 * `parc-glpi-2026-11-29` / `parc-inventaire-2026-11-29`. The date is the local day.
 */
import type { ExportFormat } from '../../shared/domain/export';

/** The local calendar day of `date` as `YYYY-MM-DD`. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** True when `format` (with `split`) writes a folder of files rather than one file. */
export function exportsToFolder(format: ExportFormat, split = false): boolean {
  return format === 'glpi' || (format === 'csv' && split);
}

/** The default file (or folder) name of an export made on `date`. */
export function exportFileName(format: ExportFormat, date: Date, split = false): string {
  const day = localDay(date);
  if (format === 'glpi') return `parc-glpi-${day}`;
  if (format === 'csv' && split) return `parc-inventaire-${day}`;
  return `parc-inventaire-${day}.${format}`;
}
