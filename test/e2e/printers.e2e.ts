/**
 * The Imprimantes screen in Chromium through the loopback bridge: after a scan of the simulated
 * network, the printer with the low cyan toner comes first, and the TOS agent records its
 * replacement.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumMissing, startUiSession, type UiSession } from './browser';

if (chromiumMissing) console.warn(`\n*** ${chromiumMissing} ***\n`);

describe.skipIf(chromiumMissing !== null)('Imprimantes screen in Chromium through parc ui', () => {
  let ui: UiSession;
  let page: Page;

  beforeAll(async () => {
    ui = await startUiSession({
      prepare: async (engine, network) => {
        const handle = await engine.scan.start({
          targets: ['127.77.0.0/24'],
          credentials: [{ kind: 'community', version: '2c', community: 'public' }],
          port: network.simulator.port,
          timeoutMs: 700,
          retries: 1,
        });
        await handle.done;
      },
    });
    ({ page } = ui);
    await page
      .getByRole('link', { name: 'Imprimantes' })
      .or(page.getByRole('button', { name: 'Imprimantes' }))
      .click();
  });

  afterAll(() => ui?.stop());

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
    const db = new Database(ui.dbPath, { readonly: true });
    const rows = db.prepare('SELECT supply_key, source FROM supply_replacements').all();
    db.close();
    expect(rows).toEqual([{ supply_key: '1.2', source: 'manual' }]);
  });
});
