/**
 * Offline exports (issue 7): the inventory as CSV (French Excel), XLSX (sheets per family,
 * supplies, what to order), JSON (the whole inventory, `ExportDocument`) or GLPI native
 * inventory files, written atomically and never overwriting without `force`. The folder owns
 * the formats and the safe writing; it reads devices through export-repo (never the
 * credentials) and printer readings through the printers feature.
 */
import { resolve } from 'node:path';
import { ExportFormat, ExportOptions, type ExportResult } from '../../../shared/domain/export';
import type { PrinterSummary, SupplyToOrder } from '../../../shared/domain/printer';
import type { ExportRepo } from '../db/repositories/export-repo';
import { InputError } from '../errors';
import { checkTarget, writeDataAtomically, writeFolderAtomically } from './atomic-write';
import { renderCsv, renderSplitCsv } from './csv';
import { renderGlpi } from './glpi';
import { takeSnapshot } from './inventory';
import { renderJson } from './json';
import { renderXlsx } from './xlsx';

export interface ExportDeps {
  repo: ExportRepo;
  /** `engine.printers.list()`: last readings and the order list. */
  printers: () => { printers: PrinterSummary[]; toOrder: SupplyToOrder[] };
  /** The raw settings (school name and UAI when they exist). */
  settings: () => Readonly<Record<string, unknown>>;
  now: () => string;
  /** Parc's version, written in the JSON and GLPI documents. */
  version: string;
}

/** The export feature on its dependencies (see `ExportDeps`). */
export function createExportService(deps: ExportDeps) {
  return {
    /**
     * Writes the inventory to `path` in `format`: one file (csv, xlsx, json) or a folder of
     * files (glpi; csv with `split`).
     * @throws InputError for an unknown format or type, `split` with another format than csv,
     *   a missing or unwritable folder, or an existing target without `force`.
     * @throws Error when writing fails (full disk…): nothing is left at `path`.
     */
    async write(format: string, path: string, options: ExportOptions = {}): Promise<ExportResult> {
      const parsedFormat = ExportFormat.safeParse(format);
      if (!parsedFormat.success) {
        throw new InputError(`Unknown export format "${format}": use csv, xlsx, json or glpi.`);
      }
      const parsedOptions = ExportOptions.safeParse(options);
      if (!parsedOptions.success) {
        throw new InputError(
          parsedOptions.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        );
      }
      const { types = [], split = false, force = false } = parsedOptions.data;
      if (split && parsedFormat.data !== 'csv')
        throw new InputError('--split only applies to the csv format.');
      const target = resolve(path);
      const toFolder = parsedFormat.data === 'glpi' || split;
      await checkTarget(target, toFolder ? 'folder' : 'file', force);

      const snapshot = takeSnapshot(
        {
          devices: deps.repo.devices(),
          printers: deps.printers(),
          settings: deps.settings(),
          exportedAt: deps.now(),
        },
        types,
      );
      const devices = snapshot.devices.length;
      switch (parsedFormat.data) {
        case 'csv':
          if (split)
            return { files: await writeFolderAtomically(target, renderSplitCsv(snapshot.devices)), devices };
          await writeDataAtomically(target, renderCsv(snapshot.devices));
          return { files: [target], devices };
        case 'xlsx':
          await writeDataAtomically(target, await renderXlsx(snapshot, `Parc ${deps.version}`));
          return { files: [target], devices };
        case 'json':
          await writeDataAtomically(target, renderJson(snapshot, deps.version));
          return { files: [target], devices };
        case 'glpi':
          return { files: await writeFolderAtomically(target, renderGlpi(snapshot, deps.version)), devices };
      }
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
