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

/** What an end-to-end test drives: the fixture network, an engine on a fresh database, `parc ui`, a page. */
export interface UiSession {
  network: FixtureNetwork;
  engine: Engine;
  dbPath: string;
  page: Page;
  stop(): Promise<void>;
}

/**
 * Serves Parc's own fixture network (127.77.0.x), an engine on a new temporary database set to
 * reach it, the loopback bridge over the built renderer (out/renderer) and a Chromium page on it.
 * @param prepare runs on the engine before the page opens (e.g. a scan).
 */
export async function startUiSession(
  options: {
    acceptDownloads?: boolean;
    prepare?: (engine: Engine, network: FixtureNetwork) => Promise<void>;
  } = {},
): Promise<UiSession> {
  const network = await startFixtureNetwork();
  const dbPath = join(mkdtempSync(join(tmpdir(), 'parc-e2e-')), 'parc.db');
  const engine = createEngine({ dbPath });
  engine.settings.set({ port: network.simulator.port, timeoutMs: 700, retries: 1 });
  await options.prepare?.(engine, network);
  const bridge = await startBridge({ engine, rendererDir: RENDERER, logger: { error: () => undefined } });
  const browser = await launchChromium();
  const page = await browser.newPage({ acceptDownloads: options.acceptDownloads ?? false });
  await page.goto(bridge.url);
  return {
    network,
    engine,
    dbPath,
    page,
    async stop() {
      await browser.close();
      await bridge.close();
      engine.close();
      await network.simulator.stop();
    },
  };
}
