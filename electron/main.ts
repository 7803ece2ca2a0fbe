/**
 * Electron main: lifecycle only. One instance, one hardened window, the engine behind the IPC
 * contract; the work is in `main/` (handlers, security) and the engine.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session, shell } from 'electron';
import type { EventChannel } from '../shared/ipc/channels';
import { runCli } from './cli/run';
import { createEngine } from './engine/index';
import { createLogger } from './engine/log';
import { defaultDataDir } from './engine/paths';
import type { Engine } from './engine/types';
import { bindDialog, createExportSaveHandler } from './main/export-dialog';
import { createCommandHandlers, registerIpcHandlers } from './ipc/handlers';
import { contentSecurityPolicy } from './ipc/csp';
import {
  applyContentSecurityPolicy,
  createSenderCheck,
  denyPermissions,
  hardenWebContents,
  type TrustedRenderer,
} from './main/security';
import { createMainWindow } from './main/window';

let engine: Engine | undefined;
let mainWindow: BrowserWindow | undefined;

/** The dev server of `electron-vite dev`; ignored once packaged, so an environment variable cannot repoint the app. */
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL || undefined : undefined;
const trusted: TrustedRenderer = { indexFile: join(__dirname, '../renderer/index.html'), devServerUrl };

function emit(event: EventChannel, payload: unknown): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(event, payload);
}

function openWindow(): BrowserWindow {
  const window = createMainWindow({ BrowserWindow, preload: join(__dirname, '../preload/index.js') });
  hardenWebContents(window.webContents, (url) => shell.openExternal(url));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  if (trusted.devServerUrl) void window.loadURL(trusted.devServerUrl);
  else void window.loadFile(trusted.indexFile);
  return window;
}

/** Stops the daily health report schedule (at quit, before the engine closes). */
let stopSchedule: (() => void) | undefined;

function start(): void {
  const dataDir = defaultDataDir();
  mkdirSync(dataDir, { recursive: true });
  const created: Engine = createEngine({
    dbPath: join(dataDir, 'parc.db'),
    dailyBackup: true,
    setAsideDamagedDatabase: true,
    // Secrets sealed by the OS (DPAPI, Keychain, Secret Service) when it can; else the 0600 database.
    secretCipher: safeStorage.isEncryptionAvailable()
      ? {
          encrypt: (plain) => safeStorage.encryptString(plain),
          decrypt: (sealed) => safeStorage.decryptString(sealed),
        }
      : undefined,
    logger: createLogger((line) => process.stderr.write(`${line}\n`)),
  });
  engine = created;
  stopSchedule = created.reports.startSchedule();
  created.servers.startSchedule(); // the file servers every serverPollMinutes; engine.close() stops it

  applyContentSecurityPolicy(session.defaultSession.webRequest, contentSecurityPolicy(trusted.devServerUrl));
  denyPermissions(session.defaultSession);
  const handlers = {
    ...createCommandHandlers(created, emit),
    // Only main can ask where to save: the native dialog, modal to the window.
    'export:save': createExportSaveHandler({
      engine: created,
      dialog: bindDialog(dialog, () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined)),
      defaultFolder: () => app.getPath('documents'),
    }),
  };
  registerIpcHandlers(ipcMain, handlers, createSenderCheck(trusted));
  mainWindow = openWindow();

  app.on('activate', () => {
    if (!mainWindow) mainWindow = openWindow();
  });
}

/**
 * `Parc --cli <command…>`: the `parc` command line run by the installed app without a window
 * (e.g. `Parc.exe --cli inventory --self --out \\server\share` in a logon script), so the
 * collector needs neither Node.js nor ELECTRON_RUN_AS_NODE (that fuse is off).
 */
const cliAt = process.argv.indexOf('--cli');

if (cliAt >= 0) {
  void runCli(process.argv.slice(cliAt + 1), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
  }).then((code) => app.exit(code));
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    stopSchedule?.();
    engine?.close();
    engine = undefined;
  });
  app.whenReady().then(start).catch(fail);
}

function fail(error: unknown): void {
  console.error('[main] start failed', error instanceof Error ? (error.stack ?? error.message) : error);
  const reason = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('Parc', `Parc n’a pas pu démarrer.\n\n${reason}`);
  engine?.close();
  engine = undefined;
  app.exit(1);
}
