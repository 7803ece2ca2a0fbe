import { fireEvent, screen, within } from '@testing-library/react';
import { chartShapes } from '../../../renderer/src/lib/history-chart';
import type { PrinterHistory } from '../../../shared/domain/printer';
import { createFakeParcApi, makePrinter, makeSupply, type FakeParcApi } from './fake-parc-api';
import { renderApp } from './render-app';

const day = (n: number) => new Date(Date.parse('2026-10-01T08:00:00.000Z') + n * 86_400_000).toISOString();

/** Cyan from 80 % to 20 % over 30 days with a gap and a replacement; black with one sample only. */
function history(): PrinterHistory {
  return {
    supplies: [
      {
        supplyKey: '1.2',
        kind: 'toner',
        color: 'cyan',
        description: 'Canon C-EXV54 Cyan Toner',
        points: [
          { at: day(0), percent: 80 },
          { at: day(10), percent: 60 },
          { at: day(12), percent: null },
          { at: day(20), percent: 100 },
          { at: day(30), percent: 19.6 },
        ],
        replacements: [{ at: day(15), source: 'manual' }],
      },
      {
        supplyKey: '1.1',
        kind: 'toner',
        color: 'black',
        description: null,
        points: [{ at: day(30), percent: 51 }],
        replacements: [],
      },
      {
        supplyKey: '1.3',
        kind: 'ink',
        color: 'black',
        description: null,
        points: [
          { at: day(0), percent: 70 },
          { at: day(1), percent: 69 },
        ],
        replacements: [],
      },
    ],
    pages: [
      { at: day(0), total: 12000 },
      { at: day(30), total: 15000 },
    ],
  };
}

let api: FakeParcApi;

beforeEach(() => {
  localStorage.clear();
  api = createFakeParcApi({
    printers: [
      makePrinter({
        deviceId: 11,
        ip: '127.20.0.12',
        sysName: 'IMP-B12',
        supplies: [makeSupply({ index: 1 }), makeSupply({ index: 2, color: 'cyan' })],
      }),
    ],
    histories: { 11: history() },
  });
});

async function openHistory() {
  await renderApp(api);
  fireEvent.click(screen.getByRole('button', { name: 'Imprimantes' }));
  const card = await screen.findByRole('article', { name: 'IMP-B12' });
  const details = within(card).getByRole('region', { name: 'Détails pour le référent' });
  const button = within(details).getByRole('button', { name: 'Historique' });
  expect(button.getAttribute('aria-expanded')).toBe('false');
  expect(api.inputsOf('printers:history')).toEqual([]);
  fireEvent.click(button);
  expect(button.getAttribute('aria-expanded')).toBe('true');
  return { details, button };
}

describe('printer history charts', () => {
  it('loads printers:history on open and draws each supply with its real values and colour', async () => {
    const { details } = await openHistory();
    const cyan = await within(details).findByRole('img', {
      name: 'Historique du toner cyan : de 80 % à 20 % sur 30 jours',
    });
    expect(api.inputsOf('printers:history')).toEqual([{ deviceId: 11 }]);
    expect(cyan.getAttribute('class')).toContain('color-cyan');
    // A gap where the level was not measured: two runs, each starting with M.
    expect(cyan.querySelector('path.history-line')?.getAttribute('d')?.match(/M/g)).toHaveLength(2);
    // The replacement on day 15 of 30: a tick halfway.
    const ticks = [...cyan.querySelectorAll('line.history-tick')];
    expect(ticks.map((tick) => tick.getAttribute('x1'))).toEqual(['120']);
    expect(
      within(details).getByRole('img', { name: 'Historique de l’encre noire : de 70 % à 69 % sur 1 jour' }),
    ).toBeTruthy();
    expect(
      within(details).getByRole('img', {
        name: 'Historique du compteur de pages : de 12\u202f000 à 15\u202f000 pages sur 30 jours',
      }),
    ).toBeTruthy();
  });

  it('says « Pas encore d’historique » with fewer than 2 points', async () => {
    const { details } = await openHistory();
    await within(details).findByRole('img', { name: /toner cyan/ });
    const black = within(details).getByText('Toner noir').closest('li')!;
    expect(within(black).getByText('Pas encore d’historique')).toBeTruthy();
    expect(within(black).queryByRole('img')).toBeNull();
  });

  it('reloads on each opening, hides when closed, and shows an engine error', async () => {
    const { details, button } = await openHistory();
    await within(details).findByRole('img', { name: /toner cyan/ });
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(within(details).queryByRole('img')).toBeNull();
    api.state.histories = {};
    api.state.printers = [];
    fireEvent.click(button);
    expect((await within(details).findByRole('alert')).textContent).toMatch(/No printer with id 11/);
    expect(api.inputsOf('printers:history')).toHaveLength(2);
  });

  it('is not offered in simple mode, and speaks English', async () => {
    await renderApp(api);
    fireEvent.click(screen.getByRole('button', { name: 'Imprimantes' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Langue' }), { target: { value: 'en' } });
    const card = await screen.findByRole('article', { name: 'IMP-B12' });
    fireEvent.click(within(card).getByRole('button', { name: 'History' }));
    expect(
      await within(card).findByRole('img', {
        name: 'History of the cyan toner: from 80% to 20% over 30 days',
      }),
    ).toBeTruthy();
    expect(within(card).getByText('No history yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Simple mode' }));
    expect(within(card).queryByRole('button', { name: 'History' })).toBeNull();
  });
});

describe('chartShapes', () => {
  const frame = { width: 100, height: 50, yMin: 0, yMax: 100 };

  it('joins measured points, breaks at nulls and draws a lone point as a dot', () => {
    const shapes = chartShapes(
      [
        { t: 0, v: 100 },
        { t: 10, v: 50 },
        { t: 20, v: null },
        { t: 30, v: 0 },
        { t: 40, v: null },
        { t: 50, v: 20 },
        { t: 100, v: 150 },
      ],
      frame,
      [25, 200],
    );
    expect(shapes.path).toBe('M0 0 L10 25 M50 40 L100 0');
    expect(shapes.dots).toEqual([{ x: 30, y: 50 }]);
    expect(shapes.ticks).toEqual([25]);
  });

  it('draws nothing for an empty series', () => {
    expect(chartShapes([], frame, [1])).toEqual({ path: '', dots: [], ticks: [] });
  });
});
