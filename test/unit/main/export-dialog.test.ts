import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { InputError } from '../../../electron/engine/errors';
import { bindDialog, createExportSaveHandler, type ExportDialog } from '../../../electron/main/export-dialog';
import { exportFileName } from '../../../electron/ipc/export-names';
import { createCommandHandlers } from '../../../electron/ipc/handlers';
import { createFakeEngine } from './fake-engine';

const NOW = new Date(2026, 10, 29, 14, 5);
const DOCUMENTS = '/home/referent/Documents';

function setUp(answers: { file?: string | null; folder?: string | null } = {}) {
  const { engine } = createFakeEngine();
  engine.exports.write.mockImplementation(async (_format, path) => ({ files: [path], devices: 123 }));
  const dialog = {
    showSaveDialog: vi.fn<ExportDialog['showSaveDialog']>(async () =>
      answers.file ? { canceled: false, filePath: answers.file } : { canceled: true, filePath: '' },
    ),
    showOpenDialog: vi.fn<ExportDialog['showOpenDialog']>(async () =>
      answers.folder ? { canceled: false, filePaths: [answers.folder] } : { canceled: true, filePaths: [] },
    ),
  };
  const logger = { error: vi.fn() };
  const handler = createExportSaveHandler({
    engine,
    dialog,
    defaultFolder: () => DOCUMENTS,
    now: () => NOW,
    logger,
  });
  return { engine, dialog, handler, logger };
}

describe('export:save (desktop save dialog)', () => {
  it('answers { cancelled: true } and writes nothing when the dialog is closed', async () => {
    const { engine, dialog, handler } = setUp();
    expect(await handler({ format: 'csv' })).toEqual({ ok: true, value: { cancelled: true } });
    expect(dialog.showSaveDialog).toHaveBeenCalledOnce();
    expect(engine.exports.write).not.toHaveBeenCalled();
  });

  it('writes to the chosen path with force (the dialog confirmed overwriting)', async () => {
    const { engine, dialog, handler } = setUp({ file: '/media/usb/inventaire.xlsx' });
    expect(await handler({ format: 'xlsx', types: ['printer'] })).toEqual({
      ok: true,
      value: { files: ['/media/usb/inventaire.xlsx'], devices: 123 },
    });
    expect(engine.exports.write).toHaveBeenCalledExactlyOnceWith('xlsx', '/media/usb/inventaire.xlsx', {
      types: ['printer'],
      force: true,
    });
    const [options] = dialog.showSaveDialog.mock.calls[0]!;
    expect(options).toMatchObject({
      title: 'Exporter l’inventaire',
      defaultPath: join(DOCUMENTS, 'parc-inventaire-2026-11-29.xlsx'),
      filters: [{ name: 'Classeur Excel', extensions: ['xlsx'] }],
    });
    expect(options.properties).toContain('showOverwriteConfirmation');
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('adds a missing extension, and then does not force (that path was never confirmed)', async () => {
    const { engine, handler } = setUp({ file: '/media/usb/inventaire' });
    await handler({ format: 'csv' });
    expect(engine.exports.write).toHaveBeenCalledExactlyOnceWith('csv', '/media/usb/inventaire.csv', {
      force: false,
    });
  });

  it('asks for a folder for GLPI and split CSV, and writes into a dated subfolder', async () => {
    const { engine, dialog, handler } = setUp({ folder: '/media/usb' });
    await handler({ format: 'glpi' });
    expect(dialog.showOpenDialog.mock.calls[0]![0].properties).toEqual(['openDirectory', 'createDirectory']);
    expect(engine.exports.write).toHaveBeenLastCalledWith(
      'glpi',
      join('/media/usb', 'parc-glpi-2026-11-29'),
      {
        force: true,
      },
    );
    await handler({ format: 'csv', split: true, types: [] });
    expect(engine.exports.write).toHaveBeenLastCalledWith(
      'csv',
      join('/media/usb', 'parc-inventaire-2026-11-29'),
      { split: true, force: true },
    );
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('answers { cancelled: true } when the folder picker is closed', async () => {
    const { engine, handler } = setUp();
    expect(await handler({ format: 'glpi' })).toEqual({ ok: true, value: { cancelled: true } });
    expect(engine.exports.write).not.toHaveBeenCalled();
  });

  it('refuses bad input before any dialog, and reports engine refusals as invalid-input', async () => {
    const { engine, dialog, handler } = setUp({ file: '/media/usb/x.json' });
    expect(await handler({ format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await handler({ format: 'json', split: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    engine.exports.write.mockRejectedValueOnce(
      new InputError('Cannot write in /media/usb: permission denied.'),
    );
    expect(await handler({ format: 'json' })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'Cannot write in /media/usb: permission denied.' },
    });
  });

  it('words the dialog in English when the UI is in English', async () => {
    const { engine, dialog, handler } = setUp();
    engine.settings.get.mockReturnValue({ ...engine.settings.get(), language: 'en' });
    await handler({ format: 'json' });
    expect(dialog.showSaveDialog.mock.calls[0]![0].title).toBe('Export the inventory');
  });
});

describe('bindDialog', () => {
  it('makes the dialogs modal to the window when there is one', async () => {
    const electronDialog = {
      showSaveDialog: vi.fn(async () => ({ canceled: true })),
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
    };
    const window = { id: 1 };
    let current: typeof window | undefined = window;
    const bound = bindDialog(electronDialog as never, () => current);
    const options = { title: 't', defaultPath: '/', buttonLabel: 'b', properties: [] };
    await bound.showOpenDialog(options);
    expect(electronDialog.showOpenDialog).toHaveBeenCalledWith(window, options);
    current = undefined;
    await bound.showSaveDialog({ ...options, filters: [] });
    expect(electronDialog.showSaveDialog).toHaveBeenCalledWith({ ...options, filters: [] });
  });
});

describe('exportFileName', () => {
  it('names files by format and the local day', () => {
    expect(exportFileName('csv', NOW)).toBe('parc-inventaire-2026-11-29.csv');
    expect(exportFileName('json', NOW)).toBe('parc-inventaire-2026-11-29.json');
    expect(exportFileName('glpi', NOW)).toBe('parc-glpi-2026-11-29');
    expect(exportFileName('csv', NOW, true)).toBe('parc-inventaire-2026-11-29');
  });
});

describe('import:plan / import:apply / export:save (shared handlers)', () => {
  const quiet = () => ({ error: vi.fn() });

  it('writes the sheet to a private temporary file with its extension, plans, then removes it', async () => {
    const { engine } = createFakeEngine();
    let seen: { path: string; mode: number; content: string } | undefined;
    engine.imports.planRooms.mockImplementation(async (path: string) => {
      const { statSync, readFileSync } = await import('node:fs');
      seen = { path, mode: statSync(path).mode & 0o777, content: readFileSync(path, 'utf8') };
      return { file: 'rooms.csv', columns: ['room'], rowCount: 1, matched: [], unmatched: [], ambiguous: [] };
    });
    const handlers = createCommandHandlers(engine, vi.fn(), quiet());
    const content = '\uFEFFN° de série;Salle\r\nCNB1234567;B12\r\n';
    const result = await handlers['import:plan']({
      fileName: 'C:\\Users\\ref\\Salles élèves.CSV',
      contentBase64: Buffer.from(content).toString('base64'),
    });
    expect(result).toEqual({
      ok: true,
      value: {
        file: 'Salles élèves.CSV',
        columns: ['room'],
        rowCount: 1,
        matched: [],
        unmatched: [],
        ambiguous: [],
      },
    });
    expect(seen!.path.startsWith(tmpdir())).toBe(true);
    expect(seen!.path.endsWith('.csv')).toBe(true);
    expect(seen!.mode).toBe(0o600);
    expect(seen!.content).toBe(content);
    // The whole private folder is gone, not only the file.
    expect(existsSync(dirname(seen!.path))).toBe(false);
  });

  it('removes the temporary file when planning fails', async () => {
    const { engine } = createFakeEngine();
    let path = '';
    engine.imports.planRooms.mockImplementation(async (p: string) => {
      path = p;
      throw new InputError('rooms.xlsx has no sheet with an identifier column.');
    });
    const handlers = createCommandHandlers(engine, vi.fn(), quiet());
    const result = await handlers['import:plan']({ fileName: 'a.xlsx', contentBase64: 'UEsDBA==' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(path.endsWith('.xlsx')).toBe(true);
    expect(existsSync(dirname(path))).toBe(false);
  });

  it('refuses other extensions, non-base64 and files over 700 KB without calling the engine', async () => {
    const { engine } = createFakeEngine();
    const handlers = createCommandHandlers(engine, vi.fn(), quiet());
    const big = Buffer.alloc(700 * 1024 + 1).toString('base64');
    for (const input of [
      { fileName: 'salles.ods', contentBase64: 'AAAA' },
      { fileName: 'salles.csv', contentBase64: 'not base64!' },
      { fileName: 'salles.csv', contentBase64: big },
      { fileName: 'salles.csv' },
    ]) {
      expect(await handlers['import:plan'](input)).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    expect(
      await handlers['import:plan']({
        fileName: 'salles.csv',
        contentBase64: Buffer.alloc(700 * 1024).toString('base64'),
      }),
    ).toMatchObject({ ok: true });
    expect(engine.imports.planRooms).toHaveBeenCalledOnce();
  });

  it('applies a plan', async () => {
    const { engine } = createFakeEngine();
    const handlers = createCommandHandlers(engine, vi.fn(), quiet());
    const plan = {
      file: 'salles.csv',
      columns: ['room'],
      rowCount: 1,
      matched: [
        {
          row: { sheet: null, line: 2 },
          deviceId: 7,
          device: 'IMP-B12',
          matchedBy: 'serial',
          changes: [{ field: 'room', from: null, to: 'B12' }],
        },
      ],
      unmatched: [],
      ambiguous: [],
    };
    expect(await handlers['import:apply']({ plan })).toEqual({
      ok: true,
      value: { devicesChanged: 0, fieldsChanged: 0, conflicts: [] },
    });
    expect(engine.imports.applyRooms).toHaveBeenCalledExactlyOnceWith(plan);
    expect(await handlers['import:apply']({ plan: { file: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('export:save outside Electron main (the bridge) is refused: the browser downloads instead', async () => {
    const { engine } = createFakeEngine();
    const handlers = createCommandHandlers(engine, vi.fn(), quiet());
    expect(await handlers['export:save']({ format: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('/api/export') },
    });
    expect(engine.exports.write).not.toHaveBeenCalled();
  });
});
