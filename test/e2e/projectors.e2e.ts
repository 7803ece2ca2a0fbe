/**
 * The TNI screen in Chromium through the loopback bridge: after a scan of the simulated school
 * network, the Epson at .104 whose lamp is at 92 % of its rated life is in « Lampes à prévoir »,
 * and its card comes first with the flagged lamp gauge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumMissing, startScannedSchool, type UiSession } from './browser';

if (chromiumMissing) console.warn(`\n*** ${chromiumMissing} ***\n`);

/** Apart from the integration tests' school network (127.77.0.x), should both run at once. */
const BASE = '127.79.0';

describe.skipIf(chromiumMissing !== null)('TNI screen in Chromium through parc ui', () => {
  let ui: UiSession;
  let page: Page;

  beforeAll(async () => {
    ui = await startScannedSchool(BASE, 'TNI');
    ({ page } = ui);
  });

  afterAll(() => ui?.stop());

  it('lists the 92 % lamp first in « Lampes à prévoir »', async () => {
    const lamps = page.getByTestId('lamps-to-plan');
    await expect.poll(() => lamps.locator('tbody tr').count(), { timeout: 10_000 }).toBe(1);
    const cells = await lamps.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells).toEqual(['Sans salle', 'VP-B12', 'Epson EB-695Wi', '92 %', 'référence inconnue']);
  });

  it('puts the 92 % projector’s card first, with its lamp gauge flagged', async () => {
    const first = page.locator('article.projector-card').first();
    await expect.poll(() => first.locator('h4').textContent(), { timeout: 10_000 }).toBe('VP-B12');
    const gauge = first.getByTestId('lamp-gauge');
    expect(await gauge.getAttribute('data-flagged')).toBe('true');
    const meter = first.getByRole('meter', { name: 'Lampe : 92 % de sa durée de vie' });
    expect(await meter.getAttribute('aria-valuenow')).toBe('92');
    expect(await gauge.getByText('À changer bientôt').count()).toBe(1);
    expect(await first.getByTestId('projector-state').textContent()).toBe('Allumé');
  });

  it('shows the locked NEC’s filter to clean and the panel without a lamp', async () => {
    const cards = page.locator('article.projector-card');
    const nec = cards.filter({ has: page.locator('h4', { hasText: 'VP-C03' }) });
    await expect.poll(() => nec.count(), { timeout: 10_000 }).toBe(1);
    expect(await nec.getByTestId('projector-filter').textContent()).toContain('Filtre à nettoyer');
    const panel = cards.filter({ has: page.locator('h4', { hasText: 'TNI-A01' }) });
    expect(await panel.getByText('Pas de lampe à surveiller (laser, LED ou écran).').count()).toBe(1);
  });
});
