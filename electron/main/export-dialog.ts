/**
 * `export:save` in the desktop app: main asks where to write with the native dialog (never a
 * path from the renderer), then `engine.exports.write`. A file gets the save dialog, which
 * confirms overwriting (so the export is forced); a folder of files (GLPI, split CSV) gets a
 * folder picker, and the export goes into a dated subfolder of the chosen folder, so the
 * referent's own files there are never replaced. Electron's `dialog` is a dependency: tests
 * pass a fake one.
 */
import { extname, join } from 'node:path';
import type { ExportFormat } from '../../shared/domain/export';
import type { CommandOutput } from '../../shared/ipc/contract';
import type { Language } from '../../shared/domain/settings';
import { InputError } from '../engine/errors';
import type { Engine } from '../engine/types';
import { exportFileName, exportsToFolder } from '../ipc/export-names';
import { bindHandler, type CommandHandler, type HandlerLogger, type ParsedInput } from '../ipc/handlers';

/** The options of Electron's `showSaveDialog` that Parc uses. */
export interface SaveDialogOptions {
  title: string;
  defaultPath: string;
  buttonLabel: string;
  filters: { name: string; extensions: string[] }[];
  properties: Array<'createDirectory' | 'showOverwriteConfirmation'>;
}

/** The options of Electron's `showOpenDialog` that Parc uses. */
export interface OpenDialogOptions {
  title: string;
  defaultPath: string;
  buttonLabel: string;
  properties: Array<'openDirectory' | 'createDirectory'>;
}

/** What the handler needs from Electron's `dialog` (already bound to the window). */
export interface ExportDialog {
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface ExportSaveDeps {
  engine: Engine;
  dialog: ExportDialog;
  /** The folder the dialogs open in (the user's Documents). */
  defaultFolder: () => string;
  now?: () => Date;
  logger?: HandlerLogger;
}

const WORDS = {
  fr: {
    title: 'Exporter l’inventaire',
    folderTitle: 'Choisir le dossier où créer l’export',
    button: 'Exporter',
    folderButton: 'Exporter dans ce dossier',
    filters: { csv: 'CSV pour Excel', xlsx: 'Classeur Excel', json: 'JSON (sauvegarde Parc)' },
  },
  en: {
    title: 'Export the inventory',
    folderTitle: 'Choose the folder to create the export in',
    button: 'Export',
    folderButton: 'Export into this folder',
    filters: { csv: 'CSV for Excel', xlsx: 'Excel workbook', json: 'JSON (Parc backup)' },
  },
} as const;

/**
 * Builds the `export:save` handler of the desktop app.
 * @returns a contract handler answering `{ files, devices }`, `{ cancelled: true }` when the
 *   dialog is closed (nothing written), or a failed `Result` (engine `InputError` → `invalid-input`).
 */
export function createExportSaveHandler(deps: ExportSaveDeps): CommandHandler<'export:save'> {
  return bindHandler('export:save', (input) => saveExport(deps, input), deps.logger);
}

async function saveExport(
  deps: ExportSaveDeps,
  input: ParsedInput<'export:save'>,
): Promise<CommandOutput<'export:save'>> {
  const { format, types, split = false } = input;
  if (split && format !== 'csv') throw new InputError('Only the csv format can be split by type.');
  const words = WORDS[language(deps.engine)];
  const now = deps.now?.() ?? new Date();
  const name = exportFileName(format, now, split);
  const options = { ...(types && types.length > 0 ? { types } : {}), ...(split ? { split } : {}) };

  if (exportsToFolder(format, split)) {
    const chosen = await deps.dialog.showOpenDialog({
      title: words.folderTitle,
      defaultPath: deps.defaultFolder(),
      buttonLabel: words.folderButton,
      properties: ['openDirectory', 'createDirectory'],
    });
    const folder = chosen.filePaths[0];
    if (chosen.canceled || !folder) return { cancelled: true };
    // The dated subfolder is Parc's own: replacing its files (an export of the same day) is fine.
    return deps.engine.exports.write(format, join(folder, name), { ...options, force: true });
  }

  const extension = format as Exclude<ExportFormat, 'glpi'>;
  const chosen = await deps.dialog.showSaveDialog({
    title: words.title,
    defaultPath: join(deps.defaultFolder(), name),
    buttonLabel: words.button,
    filters: [{ name: words.filters[extension], extensions: [extension] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (chosen.canceled || !chosen.filePath) return { cancelled: true };
  // The dialog confirmed replacing the path it returned; a name typed without extension gets
  // one, and that other path was never confirmed: it is not forced.
  const typed = extname(chosen.filePath) !== '';
  const path = typed ? chosen.filePath : `${chosen.filePath}.${extension}`;
  return deps.engine.exports.write(format, path, { ...options, force: typed });
}

function language(engine: Engine): Language {
  try {
    return engine.settings.get().language;
  } catch {
    return 'fr';
  }
}

/** The part of Electron's `dialog` module `bindDialog` calls. */
export interface ElectronDialogLike<W> {
  showSaveDialog(window: W, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(window: W, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
}

/** Electron's `dialog`, modal to the current window when there is one. */
export function bindDialog<W>(dialog: ElectronDialogLike<W>, window: () => W | undefined): ExportDialog {
  return {
    showSaveDialog: (options) => {
      const parent = window();
      return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
    },
    showOpenDialog: (options) => {
      const parent = window();
      return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
    },
  };
}
