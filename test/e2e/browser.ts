/**
 * Debian's Chromium driven by playwright-core (no browser download). When /usr/bin/chromium is
 * missing, end-to-end tests are skipped with a message saying how to install it.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBridge } from '../../electron/bridge/server';
import { createEngine } from '../../electron/engine';
import type { Engine } from '../../electron/engine/types';
import { startFixtureNetwork, type FixtureNetwork } from '../simulator/lab-network';
import { startSchoolNetwork, type SchoolNetwork } from '../simulator/school-network';

const RENDERER = resolve(__dirname, '../../out/renderer');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumMissing = existsSync(CHROMIUM)
  ? null
  : `${CHROMIUM} not found: end-to-end tests SKIPPED (apt-get install chromium, or npm run check as root)`;

/** Starts headless Chromium with the flags this closed, loopback-only machine needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * What an end-to-end test drives: the fixture network (with `school`, the school network's SNMP
 * part), an engine on a fresh database, `parc ui`, a page.
 */
export interface UiSession {
  network: FixtureNetwork;
  /** The whole simulated school (PCs, PJLink projectors, panel) when asked with `school`. */
  school: SchoolNetwork | null;
  engine: Engine;
  dbPath: string;
  page: Page;
  stop(): Promise<void>;
}

/**
 * Serves Parc's own fixture network (127.77.0.x), an engine on a new temporary database set to
 * reach it, the loopback bridge over the built renderer (out/renderer) and a Chromium page on it.
 * @param school serve the simulated school network instead (test/simulator/school-network.ts:
 *   SNMP fixtures, a Windows PC, PJLink projectors, a panel) on `school.base` (default 127.77.0);
 *   `prepare` then gets it as third argument, e.g. to scan it with `school.request()`.
 * @param prepare runs on the engine before the page opens (e.g. a scan).
 */
export async function startUiSession(
  options: {
    acceptDownloads?: boolean;
    school?: { base?: string };
    prepare?: (engine: Engine, network: FixtureNetwork, school: SchoolNetwork | null) => Promise<void>;
  } = {},
): Promise<UiSession> {
  const school = options.school ? await startSchoolNetwork(options.school.base) : null;
  const network = school ? school.snmp : await startFixtureNetwork();
  const dbPath = join(mkdtempSync(join(tmpdir(), 'parc-e2e-')), 'parc.db');
  const engine = createEngine({ dbPath });
  engine.settings.set({ port: network.simulator.port, timeoutMs: 700, retries: 1 });
  await options.prepare?.(engine, network, school);
  const bridge = await startBridge({ engine, rendererDir: RENDERER, logger: { error: () => undefined } });
  const browser = await launchChromium();
  const page = await browser.newPage({ acceptDownloads: options.acceptDownloads ?? false });
  await page.goto(bridge.url);
  return {
    network,
    school,
    engine,
    dbPath,
    page,
    async stop() {
      await browser.close();
      await bridge.close();
      engine.close();
      await (school ? school.stop() : network.simulator.stop());
    },
  };
}

/**
 * A UI session on the simulated school (`base`, e.g. `127.79.0`), scanned before the page opens,
 * then on the screen whose navigation button is `screen`.
 */
export async function startScannedSchool(base: string, screen: string): Promise<UiSession> {
  const ui = await startUiSession({
    school: { base },
    prepare: async (engine, _network, school) => {
      await (
        await engine.scan.start((school as SchoolNetwork).request())
      ).done;
    },
  });
  await ui.page.getByRole('button', { name: screen, exact: true }).click();
  return ui;
}
