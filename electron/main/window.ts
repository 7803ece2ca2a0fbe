/**
 * Parc's main window: its options (secure web preferences, title, sizes) and its creation.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';

/**
 * The options of the main window. The renderer runs isolated and sandboxed, without Node:
 * it reaches the engine only through `window.parc` (the preload).
 * @param preload absolute path of the built preload (`out/preload/index.js`).
 */
export function mainWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    title: 'Parc',
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/**
 * Creates the main window (not loaded yet, hidden until `ready-to-show`).
 * @param deps.BrowserWindow Electron's class (injected so tests can pass a fake).
 */
export function createMainWindow(deps: {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  preload: string;
}): BrowserWindow {
  return new deps.BrowserWindow(mainWindowOptions(deps.preload));
}
