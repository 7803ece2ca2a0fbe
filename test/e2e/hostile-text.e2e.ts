/**
 * Issue 9 parts 2 and 6 in Chromium through `parc ui`: devices whose every text field is
 * hostile, written into a fresh database with the repositories, are shown on every screen as
 * text — no dialog, no request to another host, no element made from them — and a page of
 * another origin that knows the token still cannot call the bridge.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../electron/bridge/server';
import { openDatabase } from '../../electron/engine/db/database';
import { createDevicesRepo } from '../../electron/engine/db/repositories/devices-repo';
import { createPrintersRepo } from '../../electron/engine/db/repositories/printers-repo';
import { createProjectorsRepo } from '../../electron/engine/db/repositories/projectors-repo';
import { createScansRepo } from '../../electron/engine/db/repositories/scans-repo';
import { createEngine } from '../../electron/engine/index';
import type { Engine } from '../../electron/engine/types';
import { HOSTILE } from '../fixtures/hostile-text';
import { READING } from '../unit/export/seed';
import { chromiumMissing, launchChromium } from './browser';

if (chromiumMissing) console.warn(`\n*** ${chromiumMissing} ***\n`);

const RENDERER = resolve(__dirname, '../../out/renderer');
const NOW = new Date().toISOString();

/**
 * Run in the page (as source: this project's Node typecheck has no DOM): counts the elements and
 * event-handler attributes no device text may create.
 */
const INERT_REPORT = `(() => {
  const forbidden = document.querySelectorAll(
    'script:not([src]), iframe, object, embed, img[src="x"], b, svg[onload], a[href^="javascript"]',
  ).length;
  const handlers = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      if (attribute.name.startsWith('on')) handlers.push(element.tagName + ' ' + attribute.name);
    }
  }
  return { forbidden, handlers };
})()`;

/** Writes the hostile devices with the repositories, as a scan would have recorded them. */
function seed(dbPath: string): void {
  const db = openDatabase(dbPath);
  try {
    const devices = createDevicesRepo(db);
    const scanId = createScansRepo(db).create(['127.66.0.0/24'], 254, NOW);
    const system = (i: number) => ({
      sysDescr: [HOSTILE.script, HOSTILE.long, HOSTILE.svg, HOSTILE.template][i],
      sysObjectID: '1.3.6.1.4.1.99999.1',
      sysUpTime: 360_000,
      sysContact: HOSTILE.javascriptUrl,
      sysName: [HOSTILE.imgOnerror, HOSTILE.hyperlink, HOSTILE.dde, HOSTILE.anchor][i],
      sysLocation: [HOSTILE.traversal, HOSTILE.rtlOverride, HOSTILE.atSum, HOSTILE.minus][i],
      sysServices: 72,
    });
    const record = (i: number, type: 'switch' | 'printer' | 'projector', ip: string) =>
      devices.record(
        {
          ip,
          type,
          vendor: HOSTILE.template,
          model: HOSTILE.svg,
          serial: `SN-${i}-${HOSTILE.windowsTraversal}`,
          firmware: HOSTILE.crLed,
          mac: `02:00:00:00:00:0${i}`,
          credentialKey: null,
          system: system(i),
        },
        scanId,
        NOW,
      ).id;
    const switchId = record(0, 'switch', '127.66.0.2');
    const printerId = record(1, 'printer', '127.66.0.20');
    const projectorId = record(2, 'projector', '127.66.0.104');
    devices.recordNetwork(
      {
        ip: '127.66.0.100',
        type: 'computer',
        vendor: null,
        model: null,
        serial: null,
        mac: '02:00:00:00:01:00',
        hostName: HOSTILE.script,
        workgroup: HOSTILE.imgOnerror,
        os: HOSTILE.template,
        openPorts: [445],
        sources: ['network'],
      },
      scanId,
      NOW,
    );
    devices.edit({ id: switchId, room: HOSTILE.anchor, notes: HOSTILE.svg, assetTag: HOSTILE.hyperlink });
    createPrintersRepo(db).record(
      printerId,
      {
        ...READING,
        display: HOSTILE.svg,
        supplies: READING.supplies.map((s, i) => ({
          ...s,
          kind: 'other' as const,
          description: [HOSTILE.imgOnerror, HOSTILE.dde, HOSTILE.template][i] ?? null,
          partNumber: HOSTILE.traversal,
        })),
      },
      NOW,
    );
    createProjectorsRepo(db).record(
      projectorId,
      {
        source: 'pjlink',
        power: 'on',
        errors: null,
        lamps: [{ hours: 1200, on: true }],
        filterHours: null,
        name: HOSTILE.svg,
        lampModel: HOSTILE.dde,
        filterModel: HOSTILE.javascriptUrl,
        softwareVersion: HOSTILE.script,
      },
      NOW,
    );
  } finally {
    db.close();
  }
}

describe.skipIf(chromiumMissing !== null)('hostile device text in Chromium through parc ui', () => {
  let engine: Engine;
  let bridge: Bridge;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'parc-e2e-hostile-')), 'parc.db');
    seed(dbPath);
    engine = createEngine({ dbPath });
    engine.settings.set({ uai: '0750655E', schoolName: HOSTILE.script, town: HOSTILE.imgOnerror });
    bridge = await startBridge({ engine, rendererDir: RENDERER, logger: { error: () => undefined } });
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(bridge.url);
  });

  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
    engine?.close();
  });

  /** Clicks a navigation entry and waits for a text of that screen. */
  async function openScreen(name: string, waitFor: string) {
    await page.getByRole('button', { name, exact: true }).click();
    await expect
      .poll(() => page.getByText(waitFor, { exact: false }).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
  }

  async function expectShownAndInert(texts: readonly string[]) {
    const shown = (await page.locator('body').textContent()) ?? '';
    for (const text of texts) expect(shown.includes(text), JSON.stringify(text.slice(0, 50))).toBe(true);
    expect(await page.evaluate(INERT_REPORT)).toEqual({ forbidden: 0, handlers: [] });
  }

  /** Clicks a device's name, then waits for its whole record (`inventory:get`) in the detail panel. */
  async function openDetail(name: string) {
    await page.getByRole('button', { name, exact: true }).first().click();
    await expect
      .poll(async () => {
        const detail = page.getByRole('complementary', { name, exact: true });
        return (await detail.count()) === 1 && (await detail.getAttribute('aria-busy')) === null;
      })
      .toBe(true);
  }

  it('Réseau: the table and the detail show the texts verbatim', async () => {
    await expect
      .poll(() => page.getByText(HOSTILE.imgOnerror).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await expectShownAndInert([HOSTILE.imgOnerror, HOSTILE.hyperlink, HOSTILE.dde, HOSTILE.anchor]);
    await openDetail(HOSTILE.imgOnerror);
    await expectShownAndInert([HOSTILE.script, HOSTILE.traversal, HOSTILE.template]);
    await openDetail(HOSTILE.hyperlink);
    await expectShownAndInert([HOSTILE.long, HOSTILE.rtlOverride, HOSTILE.svg]);
  });

  it('Imprimantes, TNI, Postes and Rapports show them verbatim too', async () => {
    await openScreen('Imprimantes', HOSTILE.hyperlink);
    await expectShownAndInert([HOSTILE.hyperlink, HOSTILE.imgOnerror, HOSTILE.dde, HOSTILE.traversal]);
    await openScreen('TNI', HOSTILE.svg);
    await expectShownAndInert([HOSTILE.svg, HOSTILE.dde]);
    await openScreen('Postes', HOSTILE.script);
    await expectShownAndInert([HOSTILE.script]);
    await openScreen('Rapports', HOSTILE.script);
    await expectShownAndInert([HOSTILE.script, HOSTILE.imgOnerror]);
  });

  it('fired no dialog, stayed on its page and asked nothing of another host', () => {
    expect(dialogs).toEqual([]);
    expect(new URL(page.url()).origin).toBe(`http://127.0.0.1:${bridge.port}`);
    expect(requests.length).toBeGreaterThan(0);
    const origins = new Set(requests.map((url) => new URL(url).origin));
    expect([...origins]).toEqual([`http://127.0.0.1:${bridge.port}`]);
    // `<img src=x>` would have asked for /x on the same origin.
    expect(requests.filter((url) => /^\/x\/?$/.test(new URL(url).pathname))).toEqual([]);
  });
});

describe.skipIf(chromiumMissing !== null)('a page of another origin against parc ui', () => {
  let engine: Engine;
  let bridge: Bridge;
  let attacker: Server;
  let browser: Browser;

  beforeAll(async () => {
    engine = createEngine({ dbPath: join(mkdtempSync(join(tmpdir(), 'parc-e2e-origin-')), 'parc.db') });
    engine.settings.set({ schoolName: 'Lycée Jean Moulin' });
    bridge = await startBridge({ engine, rendererDir: RENDERER, logger: { error: () => undefined } });
    // Another origin on loopback: the same address, another port.
    attacker = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><title>Autre site</title>');
    });
    await new Promise<void>((done) => attacker.listen(0, '127.0.0.1', done));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => attacker?.close(done));
    await bridge?.close();
    engine?.close();
  });

  it('cannot read or change anything, even with the token', async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    const outcome = await page.evaluate(
      async ({ base, token }) => {
        const tries: string[] = [];
        const attempt = async (label: string, init: RequestInit, path: string) => {
          try {
            const reply = await fetch(`${base}${path}`, init);
            tries.push(`${label}: ${reply.type} ${reply.status}`);
          } catch (error) {
            tries.push(`${label}: ${(error as Error).name}`);
          }
        };
        const body = JSON.stringify({ schoolName: 'pwned' });
        await attempt(
          'cors',
          {
            method: 'POST',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
            body,
          },
          '/api/invoke/settings:set',
        );
        // A "simple" request needs no preflight: it reaches the server, which must refuse it.
        await attempt(
          'no-cors',
          { method: 'POST', mode: 'no-cors', body },
          `/api/invoke/settings:set?token=${token}`,
        );
        await attempt('events', { mode: 'cors' }, `/api/events?token=${token}`);
        return tries;
      },
      { base: `http://127.0.0.1:${bridge.port}`, token: bridge.token },
    );
    // The preflight and the event stream are refused (403 without CORS headers: a network error
    // for the page); the simple POST gets an opaque answer, or none when Chromium's opaque
    // response blocking drops it.
    expect(outcome).toHaveLength(3);
    expect(outcome[0]).toBe('cors: TypeError');
    expect(outcome[1]).toMatch(/^no-cors: (opaque 0|TypeError)$/);
    expect(outcome[2]).toBe('events: TypeError');
    expect(engine.settings.get().schoolName).toBe('Lycée Jean Moulin');
  });
});
