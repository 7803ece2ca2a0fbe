import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/ipc/csp';
import {
  applyContentSecurityPolicy,
  createSenderCheck,
  denyPermissions,
  hardenWebContents,
  isTrustedRendererUrl,
  type WebContentsLike,
} from '../../../electron/main/security';

const INDEX = '/opt/Parc/resources/app.asar/out/renderer/index.html';

describe('contentSecurityPolicy', () => {
  it('allows only the app itself in production', () => {
    const policy = contentSecurityPolicy();
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("connect-src 'self';");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('allows the dev server WebSocket and inline preamble in development only', () => {
    const policy = contentSecurityPolicy('http://localhost:5173/');
    expect(policy).toContain("connect-src 'self' ws://localhost:5173");
    expect(policy).toContain("script-src 'self' 'unsafe-inline'");
  });

  it('replaces any CSP header of the response', () => {
    let listener:
      Parameters<Parameters<typeof applyContentSecurityPolicy>[0]['onHeadersReceived']>[0] | undefined;
    applyContentSecurityPolicy({ onHeadersReceived: (l) => void (listener = l) }, "default-src 'self'");
    const callback = vi.fn();
    listener!({ responseHeaders: { 'content-security-policy': ['*'], 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': ["default-src 'self'"] },
    });
  });
});

describe('hardenWebContents', () => {
  const setup = () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
    const contents = {
      on: (event: string, listener: (event: { preventDefault(): void }, url: string) => void) =>
        listeners.set(event, listener),
      setWindowOpenHandler: (handler: (details: { url: string }) => { action: 'deny' }) =>
        (openHandler = handler),
    } as unknown as WebContentsLike;
    const openExternal = vi.fn(async () => undefined);
    hardenWebContents(contents, openExternal, { warn: vi.fn() });
    return { listeners, openHandler: openHandler!, openExternal };
  };

  it('prevents every navigation, redirect and webview', () => {
    const { listeners } = setup();
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      listeners.get(name)!(event, 'https://evil.example/');
      expect(event.preventDefault).toHaveBeenCalledOnce();
    }
  });

  it('denies every new window; http(s) links go to the system browser, other schemes nowhere', () => {
    const { openHandler, openExternal } = setup();
    expect(openHandler({ url: 'http://10.0.0.7/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('http://10.0.0.7/');
    for (const url of ['file:///etc/passwd', 'smb://server/share', 'javascript:alert(1)', 'not a url']) {
      expect(openHandler({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('denyPermissions', () => {
  it('refuses requests and checks, except plain-text clipboard writes', () => {
    let request: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null =
      null;
    let check: ((wc: unknown, permission: string) => boolean) | null = null;
    denyPermissions({
      setPermissionRequestHandler: (h) => void (request = h),
      setPermissionCheckHandler: (h) => void (check = h),
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'hid']) {
      const callback = vi.fn();
      request!(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check!(null, permission)).toBe(false);
    }
    expect(check!(null, 'clipboard-sanitized-write')).toBe(true);
  });
});

describe('isTrustedRendererUrl / createSenderCheck', () => {
  it('trusts the built index.html, with a fragment or query', () => {
    expect(isTrustedRendererUrl(`file://${INDEX}`, { indexFile: INDEX })).toBe(true);
    expect(isTrustedRendererUrl(`file://${INDEX}#/printers`, { indexFile: INDEX })).toBe(true);
  });

  it('refuses other files, UNC hosts and web origins without a dev server', () => {
    expect(isTrustedRendererUrl('file:///tmp/index.html', { indexFile: INDEX })).toBe(false);
    expect(isTrustedRendererUrl(`file://evil${INDEX}`, { indexFile: INDEX })).toBe(false);
    expect(
      isTrustedRendererUrl(`file:///opt/Parc/resources/app.asar/out/renderer/../../x/index.html`, {
        indexFile: INDEX,
      }),
    ).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/', { indexFile: INDEX })).toBe(false);
    expect(isTrustedRendererUrl('garbage', { indexFile: INDEX })).toBe(false);
  });

  it('trusts the dev server origin only', () => {
    const trusted = { indexFile: INDEX, devServerUrl: 'http://localhost:5173' };
    expect(isTrustedRendererUrl('http://localhost:5173/index.html', trusted)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/', trusted)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost.evil.example:5173/', trusted)).toBe(false);
  });

  it('refuses an event without a live frame', () => {
    const check = createSenderCheck({ indexFile: INDEX });
    expect(check({ senderFrame: null })).toBe(false);
    expect(check({})).toBe(false);
    expect(check({ senderFrame: { url: `file://${INDEX}` } })).toBe(true);
  });
});
