/**
 * The Postes screen in Chromium through the loopback bridge: after a scan of the simulated school
 * network, the Windows PC at .100 (no SNMP, found by its TCP ports and NetBIOS) is listed as
 * PC-B12-01, « Windows », « réseau seulement ».
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumMissing, startScannedSchool, type UiSession } from './browser';

if (chromiumMissing) console.warn(`\n*** ${chromiumMissing} ***\n`);

/** Apart from the integration tests' school network (127.77.0.x), should both run at once. */
const BASE = '127.79.0';

describe.skipIf(chromiumMissing !== null)('Postes screen in Chromium through parc ui', () => {
  let ui: UiSession;
  let page: Page;

  beforeAll(async () => {
    ui = await startScannedSchool(BASE, 'Postes');
    ({ page } = ui);
  });

  afterAll(() => ui?.stop());

  it('shows PC-B12-01 as a Windows machine seen on the network only', async () => {
    const row = page.locator('tr.machine-row', { has: page.locator('.mcol-name', { hasText: 'PC-B12-01' }) });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await row.locator('.mcol-os').textContent()).toBe('Windows');
    expect(await row.locator('.mcol-source').textContent()).toBe('réseau seulement');
    expect(await row.locator('.mcol-ip').textContent()).toBe(`${BASE}.100`);
    expect(await row.locator('.mcol-mac').textContent()).toBe('f8:b1:56:12:34:56');
    expect(await row.locator('.mcol-lastSeen').textContent()).toMatch(/^aujourd’hui /);
  });

  it('lists no printer or projector among the computers', async () => {
    const names = await page.locator('tr.machine-row .mcol-name').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.some((name) => /^VP-|^IMP-|^TNI-/.test(name))).toBe(false);
  });

  it('finds the PC by its MAC without colons and hides it with the 30-day box', async () => {
    await page.getByRole('searchbox', { name: 'Rechercher' }).fill('f8b156');
    await expect.poll(() => page.locator('tr.machine-row').count()).toBe(1);
    await page.getByRole('checkbox', { name: 'Vus il y a plus de 30 jours' }).check();
    await expect.poll(() => page.getByText('Aucun poste ne correspond aux filtres.').count()).toBe(1);
  });
});
