/**
 * The devices table in Chromium with 5,000 devices: the built renderer (out/renderer) served by
 * `parc ui`'s loopback bridge over a generated database, driven by playwright-core like the
 * end-to-end tests. Times are taken inside the page (performance.now()), so the driver's own
 * round trips are not counted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { startBridge } from '../electron/bridge/server';
import { createEngine } from '../electron/engine';
import { chromiumMissing, launchChromium } from '../test/e2e/browser';
import { seedGenerated } from '../test/unit/export/seed';
import { spread, type Spread } from './stats';

/** Devices in the table (issue 8). */
export const TABLE_DEVICES = 5000;
const ROOT = resolve(__dirname, '..');
const RENDERER = join(ROOT, 'out/renderer');
/** A data row of the devices table. */
const ROW = 'table.devices-table tbody tr';
/** What is typed in the search box: the name of one generated device (…-2500), so one row is left. */
const QUERY = '-2500';

/** The little of the page's DOM used in page functions (the Node tsconfig has no DOM types). */
interface PageGlobals {
  document: { querySelector(selector: string): { getBoundingClientRect(): { height: number } } | null };
  performance: { getEntriesByType(type: 'navigation' | 'resource'): TimingEntry[] };
}

/** The fields read from Navigation and Resource Timing entries (W3C), milliseconds and bytes. */
interface TimingEntry {
  initiatorType?: string;
  decodedBodySize?: number;
  responseEnd?: number;
  domContentLoadedEventEnd?: number;
}

/** Milliseconds, median/min/max over the runs. */
export interface TableResult {
  firstRender: Spread;
  filter: Spread;
  /** Rows in the DOM after the first render (virtualised: far fewer than `TABLE_DEVICES`). */
  domRows: number;
  /** Where the first render's time goes, milliseconds from navigation start (and KiB). */
  phases: Record<keyof Phases, Spread>;
}

/** Navigation timing of one page load, milliseconds from navigation start. */
interface Phases {
  /** DOMContentLoaded of the page (HTML parsed, the renderer's script run). */
  domContentLoaded: number;
  /** End of the slowest bridge request (the device list) as the page saw it. */
  largestFetchEnd: number;
  /** Size of that response, KiB (decoded body). */
  largestFetchKiB: number;
}

/** Page function: reads `Phases` from the Navigation and Resource Timing APIs. */
const readPhases = (): Phases => {
  const perf = (globalThis as unknown as PageGlobals).performance;
  const nav = perf.getEntriesByType('navigation')[0];
  const fetches = perf.getEntriesByType('resource').filter((e) => e.initiatorType === 'fetch');
  const largest = fetches.reduce<TimingEntry | null>(
    (a, e) => (a && (a.decodedBodySize ?? 0) >= (e.decodedBodySize ?? 0) ? a : e),
    null,
  );
  return {
    domContentLoaded: nav?.domContentLoadedEventEnd ?? 0,
    largestFetchEnd: largest?.responseEnd ?? 0,
    largestFetchKiB: (largest?.decodedBodySize ?? 0) / 1024,
  };
};

/**
 * Seeds `TABLE_DEVICES` devices (test/unit/export/seed.ts) and moves their addresses into
 * 127.88.0.0/16 so that nothing in the page could ever reach outside loopback.
 */
function seedDatabase(): string {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'parc-bench-ui-')), 'parc.db');
  seedGenerated(dbPath, TABLE_DEVICES);
  const db = new Database(dbPath);
  db.prepare(`UPDATE devices SET ip = '127.88.' || ((id >> 8) & 255) || '.' || (id & 255)`).run();
  db.close();
  return dbPath;
}

/**
 * Page script (a string: tsx would wrap named functions with a helper the page does not have)
 * that sets `window.benchFilter` to a promise of the milliseconds from the next input event to
 * the table showing exactly one row containing `query`.
 */
function armFilterTimer(row: string, query: string): string {
  return `void (window.benchFilter = new Promise((done) => {
    document.addEventListener('input', () => {
      const t0 = performance.now();
      const check = () => {
        const rows = document.querySelectorAll(${JSON.stringify(row)});
        if (rows.length === 1 && rows[0].textContent.includes(${JSON.stringify(query)})) done(performance.now() - t0);
        else requestAnimationFrame(check);
      };
      check();
    }, { capture: true, once: true });
  }))`;
}

/**
 * Measures time to first render and time to filter, `runs` times each (a new page per run).
 * @returns the figures, or why they could not be taken (no Chromium, build failed).
 */
export async function measureDevicesTable(runs: number): Promise<TableResult | { skip: string }> {
  if (chromiumMissing) return { skip: chromiumMissing };
  if (!existsSync(join(RENDERER, 'index.html'))) {
    const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore' });
    if (build.status !== 0) return { skip: 'npx electron-vite build failed' };
  }
  const engine = createEngine({ dbPath: seedDatabase() });
  const bridge = await startBridge({ engine, rendererDir: RENDERER, logger: { error: () => undefined } });
  const browser = await launchChromium();
  const renders: number[] = [];
  const filters: number[] = [];
  const phases: Phases[] = [];
  let domRows = 0;
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await page.goto(bridge.url, { waitUntil: 'commit' });
      // Navigation start → the first data row is in the DOM and laid out (visible).
      const rendered = await page.waitForFunction(
        (row) => {
          const first = (globalThis as unknown as PageGlobals).document.querySelector(row);
          return first && first.getBoundingClientRect().height > 0 ? performance.now() : null;
        },
        ROW,
        { polling: 'raf', timeout: 30_000 },
      );
      renders.push((await rendered.jsonValue()) as number);
      phases.push(await page.evaluate(readPhases));
      domRows = await page.locator(ROW).count();
      // Time from the input event to the table showing only the matching row.
      await page.evaluate(armFilterTimer(ROW, QUERY));
      await page.getByRole('searchbox').first().fill(QUERY);
      filters.push((await page.evaluate('window.benchFilter')) as number);
      await page.close();
    }
  } finally {
    await browser.close();
    await bridge.close();
    engine.close();
  }
  return {
    firstRender: spread(renders),
    filter: spread(filters),
    domRows,
    phases: {
      domContentLoaded: spread(phases.map((p) => p.domContentLoaded)),
      largestFetchEnd: spread(phases.map((p) => p.largestFetchEnd)),
      largestFetchKiB: spread(phases.map((p) => p.largestFetchKiB)),
    },
  };
}
