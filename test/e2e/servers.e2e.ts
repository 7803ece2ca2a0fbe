/**
 * The « Serveur » screen in Chromium through the loopback bridge: a server watched on Parc's own
 * SNMP simulator serving the `server-linux` fixture (HOST-RESOURCES and UCD-SNMP volumes), its
 * SMB pointing at a closed loopback port; after two collections the page shows the volumes with
 * the fixture's sizes, the SMB alert in French, and a chart with data.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumMissing, startUiSession, type UiSession } from './browser';

if (chromiumMissing) console.warn(`\n*** ${chromiumMissing} ***\n`);

/** A TCP port on 127.0.0.1 that nothing listens on (bound, read, closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe.skipIf(chromiumMissing !== null)('Serveur screen in Chromium through parc ui', () => {
  let ui: UiSession;
  let page: Page;
  let polls: { polled: number; failed: number }[] = [];

  beforeAll(async () => {
    const smbPort = await closedPort();
    ui = await startUiSession({
      prepare: async (engine, network) => {
        const host = network.hosts.find((h) => h.name === 'server-linux');
        if (!host) throw new Error('the server-linux fixture is not served');
        engine.servers.save({
          name: 'Serveur pédagogique',
          address: host.address,
          snmp: true,
          snmpPort: network.simulator.port,
          smbPort,
          services: ['smbd'],
        });
        // Two readings: the chart needs two points.
        polls = [await engine.servers.poll(), await engine.servers.poll()];
      },
    });
    ({ page } = ui);
    await page.getByRole('button', { name: 'Serveur', exact: true }).click();
  });

  afterAll(() => ui?.stop());

  it('collected the server twice', () => {
    expect(polls).toEqual([
      { polled: 1, failed: 0, failures: [] },
      { polled: 1, failed: 0, failures: [] },
    ]);
  });

  it('shows the fixture’s volumes with their sizes', async () => {
    const table = page.getByTestId('server-volumes');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 10_000 }).toBe(2);
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].slice(0, 4).map((c) => c.textContent)),
      );
    // hrStorage / dskTable of test/fixtures/snmprec/server-linux.snmprec:
    // `/` 8,191,757 × 4 KiB = 31.2 GiB, 2,417,112 × 4 KiB (or 9,668,448 KiB) = 9.2 GiB, 30 %;
    // `/srv/partages` 3,906,981,888 KiB = 3.64 TiB, 2,444,087,808 KiB = 2.28 TiB, 63 %.
    expect(rows).toEqual([
      ['/', '31 Go', '9,2 Go', '30 %'],
      ['/srv/partages', '3,6 To', '2,3 To', '63 %'],
    ]);
  });

  it('says the share does not answer, with its alert, and the server is critical', async () => {
    const panel = page.locator('article.server-panel').first();
    await expect
      .poll(() => panel.getByTestId('server-state').textContent(), { timeout: 10_000 })
      .toBe('Critique');
    expect(await panel.getByTestId('server-smb').textContent()).toContain(
      'Partage inaccessible le serveur refuse la connexion (service arrêté ?)',
    );
    const alerts = await panel.getByTestId('server-alert').allTextContents();
    expect(
      alerts.some((a) =>
        a.includes(
          'Le partage de fichiers ne répond pas : les élèves ne peuvent plus ouvrir leurs dossiers.',
        ),
      ),
    ).toBe(true);
  });

  it('draws a chart with a line per volume and the processor', async () => {
    const chart = page.getByTestId('server-chart');
    await expect.poll(() => chart.count(), { timeout: 10_000 }).toBe(1);
    const series = await chart
      .locator('g[data-series]')
      .evaluateAll((groups) =>
        groups.map((g) => [g.getAttribute('data-series'), g.querySelector('path')?.getAttribute('d') ?? '']),
      );
    expect(series.map(([name]) => name)).toEqual(['/', '/srv/partages', 'Processeur']);
    // Two readings each: a line from the left edge to the right edge.
    for (const [, d] of series) expect(d).toMatch(/^M0 [\d.]+ L560 [\d.]+$/);
    expect(await chart.getAttribute('aria-label')).toContain('/srv/partages : 63 %');
  });
});
