/**
 * The Imprimantes screen in Chromium through the loopback bridge: after a scan of the simulated
 * network, the printer with the low cyan toner comes first, and the TOS agent records its
 * replacement.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../electron/bridge/server';
import { createEngine } from '../../electron/engine';
import type { Engine } from '../../electron/engine/types';
import { startFixtureNetwork, type FixtureNetwork } from '../simulator/lab-network';
import { chromiumMissing, launchChromium } from './browser';

const RENDERER = resolve(__dirname, '../../out/renderer');

if (chromiumMissing) console.warn(`\n*** ${chromiumMissing} ***\n`);

describe.skipIf(chromiumMissing !== null)('Imprimantes screen in Chromium through parc ui', () => {
  let network: FixtureNetwork;
  let engine: Engine;
  let bridge: Bridge;
  let browser: Browser;
  let page: Page;
  const dbPath = join(mkdtempSync(join(tmpdir(), 'parc-e2e-')), 'parc.db');

  beforeAll(async () => {
    network = await startFixtureNetwork();
    engine = createEngine({ dbPath });
    engine.settings.set({ port: network.simulator.port, timeoutMs: 700, retries: 1 });
    const handle = await engine.scan.start({
      targets: ['127.77.0.0/24'],
      credentials: [{ kind: 'community', version: '2c', community: 'public' }],
      port: network.simulator.port,
      timeoutMs: 700,
      retries: 1,
    });
    await handle.done;
    bridge = await startBridge({ engine, rendererDir: RENDERER, logger: { error: () => undefined } });
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(bridge.url);
    await page
      .getByRole('link', { name: 'Imprimantes' })
      .or(page.getByRole('button', { name: 'Imprimantes' }))
      .click();
  });

  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
    engine?.close();
    await network?.simulator.stop();
  });

  it('shows the printer with the low cyan toner first', async () => {
    const first = page.locator('article.printer-card').first();
    await expect.poll(() => first.textContent(), { timeout: 10_000 }).toContain('IMP-SALLE-204');
    await expect.poll(() => first.getByRole('meter', { name: 'Toner cyan : 4 %' }).count()).toBe(1);
    expect(await first.getByText('À remplacer').count()).toBeGreaterThan(0);
  });

  it('records the replacement of the cyan toner', async () => {
    const first = page.locator('article.printer-card').first();
    await first.getByRole('button', { name: /C’est remplacé : .*cyan/i }).click();
    await page.getByRole('button', { name: 'Oui, c’est remplacé' }).click();
    await expect.poll(() => page.getByText(/Remplacement enregistré/).count()).toBe(1);
    const db = new Database(dbPath, { readonly: true });
    const rows = db.prepare('SELECT supply_key, source FROM supply_replacements').all();
    db.close();
    expect(rows).toEqual([{ supply_key: '1.2', source: 'manual' }]);
  });
});
