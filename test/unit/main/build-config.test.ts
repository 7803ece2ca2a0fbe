/** electron.vite.config.ts: entry points, formats and the renderer's dev-only CSP meta removal. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { contentSecurityPolicy } from '../../../electron/ipc/csp';
import { describe, expect, it } from 'vitest';
import config from '../../../electron.vite.config';

const repo = resolve(__dirname, '../../..');
type Build = {
  outDir?: string;
  minify?: boolean;
  externalizeDeps?: boolean;
  rolldownOptions?: {
    input?: unknown;
    external?: unknown;
    output?: { format?: string; entryFileNames?: string };
  };
};
const resolved = config as unknown as {
  main: { build: Build };
  preload: { build: Build };
  renderer: {
    root: string;
    build: Build;
    plugins: { name: string; apply?: string; transformIndexHtml?: (html: string) => string }[];
  };
};

describe('electron.vite.config', () => {
  it('builds main and the CLI as CommonJS into out/main/index.js and out/main/parc.js', () => {
    const { build } = resolved.main;
    expect(build.outDir).toBe('out/main');
    expect(build.externalizeDeps).toBe(true);
    expect(build.rolldownOptions?.input).toEqual({
      index: resolve(repo, 'electron/main.ts'),
      parc: resolve(repo, 'electron/cli/parc.ts'),
    });
    expect(build.rolldownOptions?.output).toEqual({ format: 'cjs', entryFileNames: '[name].js' });
  });

  it('builds a self-contained CommonJS preload (sandbox: only electron stays external)', () => {
    const { build } = resolved.preload;
    expect(build.outDir).toBe('out/preload');
    expect(build.externalizeDeps).toBe(false);
    expect(build.rolldownOptions?.input).toEqual({ index: resolve(repo, 'electron/preload.ts') });
    expect(build.rolldownOptions?.external).toEqual(['electron']);
    expect(build.rolldownOptions?.output?.format).toBe('cjs');
  });

  it('builds the renderer from renderer/index.html, minified, into out/renderer', () => {
    const { renderer } = resolved;
    expect(renderer.root).toBe(resolve(repo, 'renderer'));
    expect(renderer.build.rolldownOptions?.input).toBe(resolve(repo, 'renderer/index.html'));
    expect(renderer.build.minify).toBe(true);
    expect(renderer.build.outDir).toBe(resolve(repo, 'out/renderer'));
  });

  it('drops the CSP meta tag in dev only (the dev CSP header applies instead)', () => {
    const plugin = resolved.renderer.plugins.flat().find((p) => p?.name === 'parc:dev-without-meta-csp');
    expect(plugin?.apply).toBe('serve');
    const html =
      '<head><meta charset="UTF-8" />\n<meta\n  http-equiv="Content-Security-Policy"\n  content="default-src \'self\'"\n/>\n<title>Parc</title></head>';
    expect(plugin?.transformIndexHtml?.(html)).toBe(
      '<head><meta charset="UTF-8" />\n\n<title>Parc</title></head>',
    );
  });
});

describe('the CSP of the built page', () => {
  it('is the production policy (the packaged app loads it from file://, without response headers)', () => {
    const html = readFileSync(resolve(repo, 'renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    // frame-ancestors is ignored in a meta tag: the header carries it.
    expect(meta).toBe(contentSecurityPolicy().replace("; frame-ancestors 'none'", ''));
  });
});
