/**
 * Issue 9 part 2: text from devices is data. Every screen that shows device text (Réseau table
 * and detail, Imprimantes, TNI, Postes, Rapports preview) is fed devices whose every text field
 * holds markup, script, template or formula injection, control and bidi characters: the text
 * must appear verbatim, and no element, attribute, script run or navigation may come from it.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import type { Device } from '../../../shared/domain/device';
import { HOSTILE, HOSTILE_TEXTS, hostileDeviceFields, hostileText } from '../../fixtures/hostile-text';
import {
  createFakeParcApi,
  makeDevice,
  makeHealthReport,
  makePrinter,
  makeProjector,
  makeSupply,
  type FakeParcApi,
} from './fake-parc-api';
import { findDeviceDetail, renderApp } from './render-app';

/** Elements no device text may ever create. */
const FORBIDDEN_ELEMENTS =
  'script, iframe, object, embed, img[src="x"], b, svg[onload], a[href^="javascript"]';
/** Attributes whose value is a URL the browser may load or navigate to. */
const URL_ATTRIBUTES = ['href', 'src', 'srcdoc', 'action', 'formaction', 'xlink:href', 'data', 'poster'];

/**
 * Asserts that nothing in `root` was built from hostile text: no forbidden element, no event
 * handler attribute, no URL attribute holding a hostile string.
 */
function expectInert(root: ParentNode): void {
  expect(root.querySelectorAll(FORBIDDEN_ELEMENTS)).toHaveLength(0);
  for (const element of Array.from(root.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      expect(attribute.name.startsWith('on'), `${element.tagName} ${attribute.name}`).toBe(false);
      if (URL_ATTRIBUTES.includes(attribute.name)) {
        expect(attribute.value, `${element.tagName} ${attribute.name}`).not.toMatch(
          /javascript:|^x$|\/\/x\//i,
        );
      }
    }
  }
}

/** Asserts that every text of `texts` appears, character for character, in `root`'s text. */
function expectVerbatim(root: Node, texts: readonly string[]): void {
  const shown = root.textContent ?? '';
  for (const text of texts) expect(shown.includes(text), JSON.stringify(text.slice(0, 60))).toBe(true);
}

/** A server whose every text field is hostile (offset 0: sysName is the `<img onerror>`). */
function hostileServer(): Device {
  return makeDevice({ id: 1, ip: '127.66.0.10', type: 'server', ...hostileDeviceFields(0) });
}

/** A switch with the other hostile strings (offset 16: the long one in its sysDescr). */
function hostileSwitch(): Device {
  return makeDevice({ id: 2, ip: '127.66.0.2', type: 'switch', ...hostileDeviceFields(16) });
}

/** A PC seen by NetBIOS and its self-inventory: host name, workgroup and OS are hostile. */
function hostilePc(): Device {
  return makeDevice({
    id: 3,
    ip: '127.66.0.100',
    type: 'computer',
    ...hostileDeviceFields(8),
    sources: ['network', 'self-inventory'],
    inventoriedAt: '2026-11-28T07:30:00.000Z',
    lastSeen: new Date().toISOString(),
  });
}

function hostilePrinter() {
  return makePrinter({
    deviceId: 10,
    ip: '127.66.0.20',
    // A name in <…> or {…} reads as a placeholder (the card falls back to the model): a formula instead.
    sysName: HOSTILE.hyperlink,
    vendor: HOSTILE.template,
    model: HOSTILE.script,
    serial: HOSTILE.imgOnerror,
    room: HOSTILE.rtlOverride,
    display: HOSTILE.svg,
    status: 'warning',
    alerts: [{ index: 1, severity: 'warning', group: 8, code: 1101, description: HOSTILE.crLed }],
    supplies: [
      // Only a supply of kind `other` is named by its description (prtMarkerSuppliesDescription).
      makeSupply({
        index: 1,
        kind: 'other',
        color: null,
        description: HOSTILE.dde,
        partNumber: HOSTILE.atSum,
      }),
      makeSupply({
        index: 2,
        color: 'cyan',
        description: HOSTILE.anchor,
        partNumber: HOSTILE.traversal,
        percent: 3,
        level: 3,
        state: 'low',
      }),
    ],
  });
}

function hostileProjector() {
  return makeProjector({
    deviceId: 21,
    ip: '127.66.0.104',
    name: HOSTILE.imgOnerror,
    vendor: HOSTILE.nul,
    model: HOSTILE.template,
    serial: HOSTILE.minus,
    room: HOSTILE.anchor,
    lampModel: HOSTILE.dde,
    filterModel: HOSTILE.javascriptUrl,
    lamps: [{ hours: 5600, on: true, ratedHours: 6000, percentUsed: 93 }],
  });
}

/** A health report whose school, devices, incidents and orders carry hostile text. */
function hostileReport() {
  const base = makeHealthReport();
  return makeHealthReport({
    school: { uai: '0750655E', name: HOSTILE.script, town: HOSTILE.imgOnerror },
    changes: {
      newDevices: base.changes.newDevices.map((d) => ({ ...d, model: HOSTILE.svg, room: HOSTILE.anchor })),
      missingDevices: base.changes.missingDevices.map((d) => ({ ...d, room: HOSTILE.template })),
    },
    incidents: base.incidents.map((incident, i) => ({
      ...incident,
      room: hostileText(i + 3),
      model: HOSTILE.hyperlink,
      detail: HOSTILE.dde,
    })),
    toOrder: base.toOrder.map((item) => ({
      ...item,
      device: HOSTILE.imgOnerror,
      model: HOSTILE.nul,
      room: HOSTILE.rtlOverride,
      partNumber: HOSTILE.atSum,
    })),
  });
}

let api: FakeParcApi;
let alertSpy: ReturnType<typeof vi.fn>;
let startUrl: string;

beforeEach(() => {
  localStorage.clear();
  api = createFakeParcApi({
    devices: [hostileServer(), hostileSwitch(), hostilePc()],
    printers: [hostilePrinter()],
    toOrder: [
      {
        deviceId: 10,
        supplyKey: '1.2',
        printer: HOSTILE.script,
        room: HOSTILE.rtlOverride,
        model: HOSTILE.imgOnerror,
        kind: 'toner',
        color: 'cyan',
        description: HOSTILE.anchor,
        partNumber: HOSTILE.traversal,
        percent: 3,
        state: 'low',
        daysLeft: 2,
      },
    ],
    projectors: [hostileProjector()],
    report: hostileReport(),
  });
  api.state.settings = { ...api.state.settings, uai: '0750655E', schoolName: HOSTILE.script };
  alertSpy = vi.fn();
  vi.stubGlobal('alert', alertSpy);
  startUrl = window.location.href;
});

afterEach(() => {
  // Nothing ran and nothing navigated, whatever the screen.
  expect(alertSpy).not.toHaveBeenCalled();
  expect(window.location.href).toBe(startUrl);
  vi.unstubAllGlobals();
});

async function open(screenName: string) {
  const view = await renderApp(api);
  fireEvent.click(screen.getByRole('button', { name: screenName }));
  return view;
}

describe('hostile device text', () => {
  it('has one hostile string per attack, each different, the long one 4 KiB', () => {
    expect(new Set(HOSTILE_TEXTS).size).toBe(HOSTILE_TEXTS.length);
    expect(HOSTILE.long).toHaveLength(4096);
    expect(HOSTILE.nul).toContain('\u0000');
    expect(hostileText(HOSTILE_TEXTS.length)).toBe(HOSTILE_TEXTS[0]);
  });

  it('Réseau: shows every field of the devices table as text, and the detail too', async () => {
    const { container } = await renderApp(api);
    const table = screen.getByRole('table', { name: 'Appareils' });
    const nameButton = await within(table).findByRole('button', { name: HOSTILE.imgOnerror });
    expect(nameButton.textContent).toBe(HOSTILE.imgOnerror);
    expectInert(container);

    fireEvent.click(nameButton);
    const detail = await findDeviceDetail(HOSTILE.imgOnerror);
    const server = hostileServer();
    expectVerbatim(detail, [server.sysName!, server.sysDescr!, server.sysLocation!, server.vendor!]);
    expectInert(container);

    fireEvent.click(within(table).getByRole('button', { name: hostileSwitch().sysName! }));
    const other = await findDeviceDetail(hostileSwitch().sysName!);
    expectVerbatim(other, [hostileSwitch().sysDescr!, hostileSwitch().sysLocation!]);
    expect(hostileSwitch().sysDescr).toBe(HOSTILE.long);
    expectInert(container);
  });

  it('Imprimantes: shows names, display text, supply descriptions and part numbers as text', async () => {
    const { container } = await open('Imprimantes');
    const card = await screen.findByRole('article', { name: HOSTILE.hyperlink });
    expectVerbatim(card, [HOSTILE.hyperlink, HOSTILE.script, HOSTILE.rtlOverride, HOSTILE.dde]);
    expectVerbatim(card, [HOSTILE.atSum, HOSTILE.crLed]);
    // The order list: printer, room, model, part number.
    expectVerbatim(container, [HOSTILE.traversal]);
    expectInert(container);
  });

  it('TNI: shows the PJLink name, model, room and lamp model as text', async () => {
    const { container } = await open('TNI');
    const card = await screen.findByTestId('projector-card-21');
    expectVerbatim(card, [HOSTILE.imgOnerror, HOSTILE.template]);
    // The room heads its group of cards.
    expectVerbatim(screen.getByRole('region', { name: HOSTILE.anchor }), [HOSTILE.anchor]);
    expectInert(container);
  });

  it('Postes: shows the NetBIOS and self-inventory names as text', async () => {
    const { container } = await open('Postes');
    const row = await screen.findByTestId('machine-row-3');
    const pc = hostilePc();
    expectVerbatim(row, [pc.hostName!]);
    expectInert(container);
  });

  it('Rapports: shows the previewed report (school, devices, incidents, orders) as text', async () => {
    const { container } = await open('Rapports');
    const readable = await screen.findByTestId('report-readable');
    expectVerbatim(readable, [HOSTILE.script, HOSTILE.dde, HOSTILE.rtlOverride]);
    expectInert(container);
  });
});
