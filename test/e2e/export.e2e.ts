/**
 * The export in Chromium through the loopback bridge (`parc ui`): after a scan of the simulated
 * network, « Exporter » → CSV downloads a file French Excel opens right (BOM, `;`, one row per
 * device).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/types';
import type { Page } from 'playwright-core';
import type { FixtureNetwork } from '../simulator/lab-network';
import { chromiumMissing, startUiSession, type UiSession } from './browser';

if (chromiumMissing) console.warn(`\n*** ${chromiumMissing} ***\n`);

describe.skipIf(chromiumMissing !== null)('« Exporter » in Chromium through parc ui', () => {
  let ui: UiSession;
  let network: FixtureNetwork;
  let engine: Engine;
  let page: Page;

  beforeAll(async () => {
    ui = await startUiSession({ acceptDownloads: true });
    ({ network, engine, page } = ui);
  });

  afterAll(() => ui?.stop());

  it('scans, then downloads the CSV: BOM, « ; », one row per device', async () => {
    await page.getByLabel('Plages à analyser').fill('127.77.0.0/24');
    await page.getByRole('button', { name: 'Scanner', exact: true }).click();
    const expected = network.hosts.filter((h) => h.expected).length;
    await expect.poll(() => engine.inventory.list().length, { timeout: 20_000 }).toBe(expected);

    await page.getByRole('button', { name: 'Exporter', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Exporter l’inventaire' });
    await expect.poll(() => dialog.getByRole('radio', { name: 'GLPI' }).isDisabled()).toBe(true);
    await dialog.getByRole('radio', { name: /CSV pour Excel/ }).check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Exporter', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^parc-inventaire-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = join(mkdtempSync(join(tmpdir(), 'parc-e2e-download-')), download.suggestedFilename());
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('\r\n');
    const rows = parse(text, { bom: true, delimiter: ';', record_delimiter: '\r\n' }) as string[][];
    expect(rows[0]!.length).toBeGreaterThan(5);
    // Header + one row per device.
    expect(rows).toHaveLength(expected + 1);
    for (const device of engine.inventory.list()) {
      expect(rows.some((row) => row.includes(device.ip))).toBe(true);
    }
    expect(await dialog.getByRole('status').textContent()).toContain('téléchargement');
  });
});
