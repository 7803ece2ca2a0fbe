/**
 * The real UI in Chromium through the loopback bridge (`parc ui`): the referent types a range,
 * clicks "Scanner", and the simulated devices appear in the table; room edits are saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/types';
import type { Page } from 'playwright-core';
import type { FixtureNetwork } from '../simulator/lab-network';
import { chromiumMissing, startUiSession, type UiSession } from './browser';

if (chromiumMissing) console.warn(`\n*** ${chromiumMissing} ***\n`);

describe.skipIf(chromiumMissing !== null)('Réseau screen in Chromium through parc ui', () => {
  let ui: UiSession;
  let network: FixtureNetwork;
  let engine: Engine;
  let page: Page;

  beforeAll(async () => {
    ui = await startUiSession();
    ({ network, engine, page } = ui);
  });

  afterAll(() => ui?.stop());

  it('scans the simulated network from the UI and lists its devices', async () => {
    await page.getByLabel('Plages à analyser').fill('127.77.0.0/24');
    await page.getByRole('button', { name: 'Scanner', exact: true }).click();
    const fixtures = network.hosts.filter((h) => h.expected);
    for (const host of fixtures) {
      await expect
        .poll(() => page.getByRole('cell', { name: host.address, exact: true }).count(), { timeout: 20_000 })
        .toBe(1);
    }
    const names = fixtures.map((h) => h.expected?.sysName).filter((n): n is string => Boolean(n));
    for (const name of names) expect(await page.getByText(name, { exact: true }).count()).toBeGreaterThan(0);
    // The garbage host is a reported problem, not a device.
    expect(engine.inventory.list()).toHaveLength(fixtures.length);
  });

  it('saves a room typed in the device panel', async () => {
    const ups = network.hosts.find((h) => h.name === 'ups-apc');
    await page.getByRole('cell', { name: ups?.address, exact: true }).click();
    await page.getByLabel('Salle').fill('Local technique B');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect
      .poll(() => engine.inventory.list().find((d) => d.ip === ups?.address)?.room)
      .toBe('Local technique B');
  });
});
