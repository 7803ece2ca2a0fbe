/**
 * Electron hardening for Parc's single window: the Content-Security-Policy, navigation and
 * pop-up refusal, permission refusal and the IPC sender check. Everything here takes the Electron
 * objects it configures as parameters (structural types), so tests run without the Electron binary.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IpcSenderEvent, SenderCheck } from '../ipc/handlers';

/** Where the trusted renderer lives: the built `index.html`, and the dev server in development. */
export interface TrustedRenderer {
  /** Absolute path of the built renderer's `index.html` (`out/renderer/index.html`). */
  readonly indexFile: string;
  /** `ELECTRON_RENDERER_URL` of `electron-vite dev`; leave undefined in a packaged app. */
  readonly devServerUrl?: string;
}

/** The part of `session.webRequest` that `applyContentSecurityPolicy` uses. */
export interface HeadersReceivedLike {
  onHeadersReceived(
    listener: (
      details: { responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
    ) => void,
  ): void;
}

/**
 * Adds the CSP header to every response of the session (the dev server's pages included).
 * `file://` pages get no response headers in Chromium: the built `index.html` should also carry
 * the same policy in a `<meta http-equiv="Content-Security-Policy">`.
 */
export function applyContentSecurityPolicy(webRequest: HeadersReceivedLike, policy: string): void {
  webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'content-security-policy',
      ),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } });
  });
}

/** Permissions a page may get without asking: writing plain text to the clipboard (copy an address). */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** The part of `Session` that `denyPermissions` configures. */
export interface PermissionSessionLike {
  setPermissionRequestHandler(
    handler:
      ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null,
  ): void;
  setPermissionCheckHandler(handler: ((webContents: unknown, permission: string) => boolean) | null): void;
}

/** Refuses every permission request and check (camera, notifications, geolocation, HID…), but `clipboard-sanitized-write`. */
export function denyPermissions(session: PermissionSessionLike): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) =>
    callback(ALLOWED_PERMISSIONS.has(permission)),
  );
  session.setPermissionCheckHandler((_webContents, permission) => ALLOWED_PERMISSIONS.has(permission));
}

/** The part of `WebContents` that `hardenWebContents` configures. */
export interface WebContentsLike {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Keeps the window on Parc's page: every navigation, redirect and `<webview>` is refused, and
 * `window.open` / `target=_blank` never opens an Electron window. An `http:`/`https:` link (a
 * printer's web page) goes to the user's browser; any other scheme is dropped.
 * @param openExternal `shell.openExternal` (injected for tests).
 * @param logger receives refused URLs (origin only).
 */
export function hardenWebContents(
  contents: WebContentsLike,
  openExternal: (url: string) => Promise<void>,
  logger: { warn(message: string): void } = console,
): void {
  const refuse = (kind: string) => (event: { preventDefault(): void }, url: string) => {
    event.preventDefault();
    logger.warn(`[security] ${kind} refused: ${safeOrigin(url)}`);
  };
  contents.on('will-navigate', refuse('navigation'));
  contents.on('will-redirect', refuse('redirect'));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebUrl(url)) {
      openExternal(url).catch(() => logger.warn(`[security] could not open ${safeOrigin(url)}`));
    } else {
      logger.warn(`[security] window.open refused: ${safeOrigin(url)}`);
    }
    return { action: 'deny' };
  });
}

/** True for an absolute `http:` or `https:` URL. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * True when `url` is Parc's own renderer: the built `index.html` (any fragment or query), or a
 * page of the dev server's origin when one is configured.
 */
export function isTrustedRendererUrl(url: string, trusted: TrustedRenderer): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'file:') {
    if (parsed.host !== '') return false; // file://server/share: a UNC path, never ours
    try {
      return resolve(fileURLToPath(`file://${parsed.pathname}`)) === resolve(trusted.indexFile);
    } catch {
      return false;
    }
  }
  if (trusted.devServerUrl === undefined) return false;
  try {
    return parsed.origin === new URL(trusted.devServerUrl).origin;
  } catch {
    return false;
  }
}

/**
 * Builds the IPC sender check: the message must come from a live frame showing Parc's renderer.
 * @returns a predicate for `registerIpcHandlers`.
 */
export function createSenderCheck(trusted: TrustedRenderer): SenderCheck {
  return (event: IpcSenderEvent) => {
    const url = event.senderFrame?.url;
    return typeof url === 'string' && isTrustedRendererUrl(url, trusted);
  };
}

function safeOrigin(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'file:' ? 'file://' : parsed.origin;
  } catch {
    return '(malformed URL)';
  }
}
