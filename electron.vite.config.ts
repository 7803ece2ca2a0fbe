import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * In `electron-vite dev` only, drops the `<meta>` CSP of renderer/index.html: React refresh needs
 * an inline preamble and Vite a WebSocket, which main's dev CSP header allows (the header still applies).
 */
function devWithoutMetaCsp(): Plugin {
  return {
    name: 'parc:dev-without-meta-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i, ''),
  };
}

/**
 * Build of Parc (electron-vite 6 on vite 8 / rolldown, see STACK.md gotchas 7, 8, 11):
 * - main: `electron/main.ts` → out/main/index.js and the CLI `electron/cli/parc.ts` → out/main/parc.js,
 *   CommonJS, npm dependencies left external (native better-sqlite3, net-snmp…);
 * - preload: `electron/preload.ts` → out/preload/index.js, CommonJS for the sandbox, which can only
 *   require 'electron' (nothing to bundle: it imports the dependency-free channel lists);
 * - renderer: `renderer/` → out/renderer, React, minified.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'electron/main.ts'),
          parc: resolve(__dirname, 'electron/cli/parc.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Nothing but 'electron' may be required at runtime: bundle anything else that sneaks in.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/preload.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), devWithoutMetaCsp()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      // One window, loaded from disk: a single ~500 kB bundle is fine.
      chunkSizeWarningLimit: 700,
      rolldownOptions: {
        input: resolve(__dirname, 'renderer/index.html'),
      },
    },
  },
});
