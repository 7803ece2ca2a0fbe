/**
 * Electron main without the Electron binary: 'electron' and the engine factory are mocked
 * (STACK.md, "Main process without the Electron binary").
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMAND_CHANNELS } from '../../../shared/ipc/channels';
import { createFakeEngine, SETTINGS } from './fake-engine';

const fakes = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const on = (store: Map<string, Listener[]>) => (event: string, listener: Listener) => {
    store.set(event, [...(store.get(event) ?? []), listener]);
  };
  const appListeners = new Map<string, Listener[]>();
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));

  const windows: FakeWindow[] = [];
  class FakeWindow {
    readonly listeners = new Map<string, Listener[]>();
    readonly contentsListeners = new Map<string, Listener[]>();
    windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
    readonly webContents = {
      send: vi.fn(),
      on: on(this.contentsListeners),
      setWindowOpenHandler: (handler: (details: { url: string }) => unknown) =>
        (this.windowOpenHandler = handler),
    };
    readonly loadURL = vi.fn(async () => undefined);
    readonly loadFile = vi.fn(async () => undefined);
    readonly show = vi.fn();
    readonly on = on(this.listeners);
    readonly once = on(this.listeners);
    isDestroyed = () => false;
    isMinimized = () => false;
    restore = vi.fn();
    focus = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
  }

  return {
    windows,
    appListeners,
    resolveReady,
    app: {
      isPackaged: false,
      requestSingleInstanceLock: vi.fn(() => true),
      quit: vi.fn(),
      exit: vi.fn(),
      on: on(appListeners),
      whenReady: () => ready,
      getPath: vi.fn(() => '/home/referent/Documents'),
    },
    BrowserWindow: FakeWindow,
    ipcMain: { handle: vi.fn() },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: vi.fn() },
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
      },
    },
    shell: { openExternal: vi.fn(async () => undefined) },
    dialog: {
      showErrorBox: vi.fn(),
      showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })),
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
    },
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => true),
      encryptString: vi.fn((plain: string) => Buffer.from(`sealed(${plain})`)),
      decryptString: vi.fn((sealed: Buffer) => sealed.toString().slice(7, -1)),
    },
    dataDir: `${process.env.TMPDIR ?? '/tmp'}/parc-test-main-${process.pid}`,
    createEngine: vi.fn(),
  };
});

vi.mock('electron', () => ({
  app: fakes.app,
  BrowserWindow: fakes.BrowserWindow,
  ipcMain: fakes.ipcMain,
  session: fakes.session,
  shell: fakes.shell,
  dialog: fakes.dialog,
  safeStorage: fakes.safeStorage,
}));
vi.mock('../../../electron/engine/index', () => ({ createEngine: fakes.createEngine }));
vi.mock('../../../electron/engine/paths', () => ({ defaultDataDir: () => fakes.dataDir }));

const mainDir = resolve(__dirname, '../../../electron');
const indexUrl = pathToFileURL(join(mainDir, '../renderer/index.html')).href;
const { engine } = createFakeEngine();
type Listener = (event: unknown, input: unknown) => Promise<unknown>;
const registered = new Map<string, Listener>();

beforeAll(async () => {
  fakes.createEngine.mockReturnValue(engine);
  delete process.env.ELECTRON_RENDERER_URL;
  await import('../../../electron/main');
  fakes.resolveReady();
  await vi.waitFor(() => expect(fakes.windows).toHaveLength(1));
  for (const [channel, listener] of fakes.ipcMain.handle.mock.calls as unknown as [string, Listener][]) {
    registered.set(channel, listener);
  }
});

afterAll(() => rmSync(fakes.dataDir, { recursive: true, force: true }));

describe('electron/main', () => {
  it('takes the single-instance lock and opens the engine on parc.db in the data directory, with daily backups', () => {
    expect(fakes.app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(fakes.appListeners.has('second-instance')).toBe(true);
    expect(fakes.createEngine).toHaveBeenCalledExactlyOnceWith({
      dbPath: join(fakes.dataDir, 'parc.db'),
      dailyBackup: true,
      setAsideDamagedDatabase: true,
      secretCipher: { encrypt: expect.any(Function), decrypt: expect.any(Function) },
      logger: expect.objectContaining({ error: expect.any(Function) }),
    });
  });

  it('seals secrets with Electron safeStorage', () => {
    const [[options]] = fakes.createEngine.mock.calls as unknown as [
      [{ secretCipher: { encrypt(p: string): Buffer; decrypt(b: Buffer): string } }],
    ];
    expect(options.secretCipher.decrypt(options.secretCipher.encrypt('lycee-ro'))).toBe('lycee-ro');
    expect(fakes.safeStorage.encryptString).toHaveBeenCalledWith('lycee-ro');
  });

  it('starts the daily health report schedule with the engine', () => {
    expect(engine.reports.startSchedule).toHaveBeenCalledOnce();
  });

  it('starts the file server collection schedule with the engine', () => {
    expect(engine.servers.startSchedule).toHaveBeenCalledOnce();
  });

  it('creates one secure window titled Parc and loads the built renderer', () => {
    expect(fakes.windows).toHaveLength(1);
    const [window] = fakes.windows;
    expect(window.options).toMatchObject({ title: 'Parc', minWidth: 960, minHeight: 600, show: false });
    expect(window.options.webPreferences).toEqual({
      preload: join(mainDir, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(window.loadFile).toHaveBeenCalledExactlyOnceWith(join(mainDir, '../renderer/index.html'));
    expect(window.loadURL).not.toHaveBeenCalled();
  });

  it('sets the CSP and refuses permissions on the default session', () => {
    expect(fakes.session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalledOnce();
    const [[requestHandler]] = fakes.session.defaultSession.setPermissionRequestHandler.mock
      .calls as unknown as [
      [(wc: unknown, permission: string, callback: (granted: boolean) => void) => void],
    ];
    const callback = vi.fn();
    requestHandler(null, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
  });

  it('registers every command channel; the renderer is answered, another origin refused', async () => {
    expect([...registered.keys()]).toEqual([...COMMAND_CHANNELS]);
    expect(await registered.get('settings:get')!({ senderFrame: { url: indexUrl } }, {})).toEqual({
      ok: true,
      value: SETTINGS,
    });
    expect(
      await registered.get('settings:get')!({ senderFrame: { url: 'https://evil.example/' } }, {}),
    ).toEqual({
      ok: false,
      error: { code: 'failed', message: 'Refused: this window is not allowed to call Parc.' },
    });
  });

  it('answers export:save with the native save dialog, modal to the window (cancelled: nothing written)', async () => {
    const [window] = fakes.windows;
    expect(
      await registered.get('export:save')!({ senderFrame: { url: indexUrl } }, { format: 'csv' }),
    ).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(fakes.dialog.showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({
        defaultPath: expect.stringMatching(/^\/home\/referent\/Documents\/parc-inventaire-/),
      }),
    );
    expect(engine.exports.write).not.toHaveBeenCalled();
  });

  it('denies navigation and new windows', () => {
    const [window] = fakes.windows;
    const event = { preventDefault: vi.fn() };
    window.contentsListeners.get('will-navigate')![0](event, 'https://evil.example/');
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(window.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fakes.shell.openExternal).not.toHaveBeenCalled();
  });

  it('forwards engine events to the window', async () => {
    const [window] = fakes.windows;
    expect(
      await registered.get('scan:start')!({ senderFrame: { url: indexUrl } }, { targets: ['10.0.0.1'] }),
    ).toEqual({
      ok: true,
      value: { scanId: 42 },
    });
    const progress = {
      scanId: 42,
      phase: 'addresses' as const,
      done: 1,
      total: 1,
      found: 0,
      current: '10.0.0.1',
    };
    engine.scan.start.mock.calls[0][1]!.onProgress!(progress);
    expect(window.webContents.send).toHaveBeenCalledWith('scan:progress', progress);
  });

  it('closes the engine when the app quits', () => {
    expect(engine.close).not.toHaveBeenCalled();
    for (const listener of fakes.appListeners.get('will-quit') ?? []) listener();
    expect(engine.close).toHaveBeenCalledOnce();
  });
});

describe('electron/main renderer source', () => {
  const loadFresh = async (isPackaged: boolean) => {
    vi.resetModules();
    fakes.app.isPackaged = isPackaged;
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    const before = fakes.windows.length;
    await import('../../../electron/main');
    await vi.waitFor(() => expect(fakes.windows).toHaveLength(before + 1));
    delete process.env.ELECTRON_RENDERER_URL;
    return fakes.windows[before];
  };

  it('loads the dev server URL under electron-vite dev', async () => {
    const window = await loadFresh(false);
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('http://localhost:5173');
    expect(window.loadFile).not.toHaveBeenCalled();
  });

  it('ignores ELECTRON_RENDERER_URL once packaged', async () => {
    const window = await loadFresh(true);
    expect(window.loadURL).not.toHaveBeenCalled();
    expect(window.loadFile).toHaveBeenCalledExactlyOnceWith(join(mainDir, '../renderer/index.html'));
  });
});
