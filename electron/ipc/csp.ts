/**
 * The Content-Security-Policy of Parc's window, shared by Electron main (response header) and the
 * loopback bridge (`parc ui`).
 */

/**
 * The Content-Security-Policy of the renderer (window and loopback bridge).
 * Styles allow `'unsafe-inline'` because Vite injects `<style>` in development and React sets style
 * attributes; scripts never do in production. In development the Vite client needs an inline
 * preamble (React refresh) and a WebSocket to the dev server.
 * @param devServerUrl the dev server origin to allow, or undefined for the production policy.
 */
export function contentSecurityPolicy(devServerUrl?: string): string {
  const dev = devServerUrl ? new URL(devServerUrl) : undefined;
  const wsOrigin = dev ? `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}` : '';
  return [
    "default-src 'self'",
    dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    dev ? `connect-src 'self' ${wsOrigin}` : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
