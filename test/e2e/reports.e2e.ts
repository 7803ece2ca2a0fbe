/**
 * The Rapports screen in Chromium through the loopback bridge (issue 6, "Done when"): the
 * reference hub runs on 127.0.0.1 in the test; after a scan of the simulated school network,
 * the preview shows the school and the Epson's lamp at 92 %, « Envoyer maintenant » delivers it,
 * the outbox says « envoyé » and the hub holds exactly that report, once.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHub, type ReferenceHub } from '../../electron/engine/hub';
import { chromiumMissing, startUiSession, type UiSession } from './browser';

if (chromiumMissing) console.warn(`\n*** ${chromiumMissing} ***\n`);

/** Apart from the other e2e tests' school network, should they ever run at once. */
const BASE = '127.79.6';
const TOKEN = 'e2e-hub-token-5f1c';
const SECRET = 'e2e-hub-signing-secret-9a27';

describe.skipIf(chromiumMissing !== null)('Rapports screen in Chromium through parc ui', () => {
  let hub: ReferenceHub;
  let ui: UiSession;
  let page: Page;

  beforeAll(async () => {
    hub = await startHub({
      port: 0,
      dbPath: join(mkdtempSync(join(tmpdir(), 'parc-e2e-hub-')), 'hub.db'),
      schools: [{ name: 'lycee', token: TOKEN, secret: SECRET }],
    });
    ui = await startUiSession({
      school: { base: BASE },
      prepare: async (engine, _network, school) => {
        engine.settings.set({
          uai: '0750655E',
          schoolName: 'Lycée Jean Moulin',
          town: 'Paris',
          hubUrl: `${hub.url}/api/reports`,
        });
        engine.reports.secrets.set('hubToken', TOKEN);
        engine.reports.secrets.set('hubSecret', SECRET);
        const handle = await engine.scan.start(school!.request());
        await handle.done;
      },
    });
    ({ page } = ui);
    await page.getByRole('button', { name: 'Rapports', exact: true }).click();
  });

  afterAll(async () => {
    await ui?.stop();
    await hub?.close();
  });

  it('previews the school and the projector lamp incident', async () => {
    const school = page.getByTestId('report-school');
    await expect
      .poll(() => school.textContent(), { timeout: 10_000 })
      .toBe('Lycée Jean Moulin — Paris · UAI 0750655E');
    const lamp = page.getByTestId('report-incident-projector-lamp-end');
    await expect.poll(() => lamp.count(), { timeout: 10_000 }).toBe(1);
    const text = await lamp.textContent();
    expect(text).toContain('Lampe en fin de vie — Lampe à 92 % de sa durée de vie');
    expect(text).toContain(`(${BASE}.104)`);
    expect(await page.getByTestId('secret-state-hubToken').textContent()).toBe('défini');
    expect(await page.getByTestId('secret-state-hubSecret').textContent()).toBe('défini');
    expect(
      await page
        .locator('input[type="password"]')
        .evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value)),
    ).toEqual(['', '']);
  });

  it('sends exactly the previewed report to the hub with « Envoyer maintenant »', async () => {
    // The id of the previewed document, read from « JSON brut ».
    const toggle = page.getByRole('button', { name: 'JSON brut' });
    await toggle.click();
    const previewed = JSON.parse((await page.getByTestId('report-json').textContent()) ?? '') as {
      id: string;
      school: { uai: string };
    };
    expect(previewed.school.uai).toBe('0750655E');
    await toggle.click();

    await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
    const result = page.getByTestId('send-result');
    await expect
      .poll(() => result.textContent(), { timeout: 15_000 })
      .toBe('1 envoyé, 0 refusé, 0 en attente');

    const status = page.getByTestId(`outbox-row-${previewed.id}`).getByTestId('outbox-status');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('envoyé');

    const received = hub.list();
    expect(received.map((report) => report.id)).toEqual([previewed.id]);
    expect(received[0]!.uai).toBe('0750655E');
    expect(received[0]!.body).toEqual(previewed);
    // The same report cannot be sent twice from the screen.
    expect(await page.getByRole('button', { name: 'Envoyer maintenant' }).isDisabled()).toBe(true);
  });
});
