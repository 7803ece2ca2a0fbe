import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../../renderer/src/App';
import type { PrinterSummary, SupplyToOrder } from '../../../shared/domain/printer';
import { createFakeParcApi, makePrinter, makeSupply, type FakeParcApi } from './fake-parc-api';
import { renderApp } from './render-app';

/** A Canon colour laser with a low cyan toner (4 %) and a waste box of unknown level. */
function canon(): PrinterSummary {
  return makePrinter({
    deviceId: 11,
    ip: '127.20.0.12',
    sysName: 'IMP-B12',
    vendor: 'Canon',
    model: 'imageRUNNER ADVANCE C3226i',
    room: 'B12',
    supplies: [
      makeSupply({ index: 1, color: 'black', level: 51, percent: 51, partNumber: 'C-EXV54BK' }),
      makeSupply({
        index: 2,
        color: 'cyan',
        level: 4,
        percent: 4,
        state: 'low',
        partNumber: 'C-EXV54C',
        daysLeft: 12.4,
      }),
      makeSupply({ index: 3, color: 'magenta', level: 80, percent: 80 }),
      makeSupply({ index: 4, color: 'yellow', level: 70, percent: 70 }),
      makeSupply({
        index: 5,
        kind: 'waste-toner',
        color: null,
        level: -2,
        maxCapacity: -2,
        percent: null,
        state: 'unknown',
      }),
    ],
  });
}

/** A Brother laser whose toner says "some remaining" (level −3), next to a drum at 96 %. */
function brother(): PrinterSummary {
  return makePrinter({
    deviceId: 12,
    ip: '127.20.0.13',
    sysName: 'IMP-CDI',
    vendor: 'Brother',
    model: 'HL-L5100DN',
    supplies: [
      makeSupply({ index: 1, level: -3, maxCapacity: -2, percent: null, state: 'some-remaining' }),
      makeSupply({ index: 2, kind: 'drum', color: null, level: 11501, maxCapacity: 12000, percent: 95.84 }),
    ],
  });
}

/** An HP with counters, trays and an alert (the referent's view). */
function hp(): PrinterSummary {
  return makePrinter({
    deviceId: 13,
    ip: '127.20.0.14',
    sysName: 'IMP-PROFS',
    vendor: 'HP',
    model: 'LaserJet M507',
    serial: 'CNB1234567',
    room: 'Salle des profs',
    status: 'printing',
    pageCount: { total: 12345, mono: 12345, color: null },
    pagesPerMonth: 1200.4,
    trays: [
      { index: 1, name: 'Bac 2', media: 'A4', level: 250, maxCapacity: 500, percent: 50, state: 'ok' },
      {
        index: 2,
        name: null,
        media: null,
        level: -3,
        maxCapacity: 500,
        percent: null,
        state: 'some-remaining',
      },
    ],
    alerts: [{ index: 3, severity: 'warning', group: 8, code: 1101, description: 'Bac 2 presque vide' }],
    incidents: [
      { key: 'supply-low:1.1', since: '2026-11-20T08:00:00.000Z' },
      { key: 'printer-error:jammed', since: '2026-11-29T09:30:00.000Z' },
    ],
    supplies: [makeSupply({ index: 1, level: 80, percent: 80, partNumber: 'CF287A' })],
  });
}

/** A Kyocera with its cover open: stopped, so more urgent than a low toner. */
function kyocera(): PrinterSummary {
  return makePrinter({
    deviceId: 14,
    ip: '127.20.0.15',
    sysName: null,
    model: 'ECOSYS P3155dn',
    room: 'C03',
    status: 'error',
    errors: ['door-open', 'low-paper'],
    supplies: [makeSupply({ index: 1, level: 30, percent: 30 })],
  });
}

function cyanToOrder(): SupplyToOrder {
  return {
    deviceId: 11,
    supplyKey: '1.2',
    printer: 'IMP-B12',
    room: 'B12',
    model: 'imageRUNNER ADVANCE C3226i',
    kind: 'toner',
    color: 'cyan',
    description: 'Canon C-EXV54 Cyan Toner',
    partNumber: 'C-EXV54C',
    percent: 4,
    state: 'low',
    daysLeft: 12.4,
  };
}

let api: FakeParcApi;

beforeEach(() => {
  localStorage.clear();
  api = createFakeParcApi({ printers: [brother(), hp(), canon()], toOrder: [cyanToOrder()] });
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function openPrinters() {
  await renderApp(api);
  fireEvent.click(screen.getByRole('button', { name: 'Imprimantes' }));
  await screen.findByRole('article', { name: 'IMP-B12' });
}

function cardNames(): string[] {
  return screen.getAllByRole('article').map((card) => card.querySelector('h3')?.textContent ?? '');
}

function card(name: string) {
  return screen.getByRole('article', { name });
}

describe('Imprimantes screen', () => {
  it('comes after Réseau in the navigation and sorts the cards by urgency, low cyan toner first', async () => {
    await openPrinters();
    const nav = screen.getByRole('navigation', { name: 'Écrans' });
    expect(
      within(nav)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Réseau', 'Imprimantes', 'TNI', 'Postes', 'Serveur', 'Rapports']);
    expect(screen.getByRole('button', { name: 'Imprimantes' }).getAttribute('aria-current')).toBe('page');
    expect(cardNames()).toEqual(['IMP-B12', 'IMP-PROFS', 'IMP-CDI']);

    const b12 = card('IMP-B12');
    expect(within(b12).getByText('Salle B12')).toBeTruthy();
    expect(within(b12).getByText('Modèle : imageRUNNER ADVANCE C3226i')).toBeTruthy();
    expect(within(b12).getByText('Prête')).toBeTruthy();
    expect(within(card('IMP-CDI')).getByText('Salle non renseignée')).toBeTruthy();
    expect(within(card('IMP-PROFS')).getByText('En impression')).toBeTruthy();
  });

  it('puts a stopped printer before a low toner and names its problems in words', async () => {
    api.state.printers.push(kyocera());
    await openPrinters();
    expect(cardNames()).toEqual(['ECOSYS P3155dn', 'IMP-B12', 'IMP-PROFS', 'IMP-CDI']);
    const stopped = card('ECOSYS P3155dn');
    expect(within(stopped).getByText('En erreur')).toBeTruthy();
    const problems = within(stopped).getByRole('list', { name: 'Problèmes signalés' });
    expect(
      within(problems)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Capot ouvert', 'Peu de papier']);
  });

  it('draws a meter per measured supply with its value, label and colour', async () => {
    await openPrinters();
    const b12 = card('IMP-B12');
    const meters = within(b12).getAllByRole('meter');
    expect(meters.map((m) => m.getAttribute('aria-label'))).toEqual([
      'Toner noir : 51 %',
      'Toner cyan : 4 %',
      'Toner magenta : 80 %',
      'Toner jaune : 70 %',
    ]);
    const cyan = within(b12).getByRole('meter', { name: 'Toner cyan : 4 %' });
    expect(cyan.getAttribute('aria-valuenow')).toBe('4');
    expect(cyan.getAttribute('aria-valuemin')).toBe('0');
    expect(cyan.getAttribute('aria-valuemax')).toBe('100');
    expect((cyan.firstElementChild as HTMLElement).style.width).toBe('4%');
    expect(cyan.firstElementChild?.className).toBe('gauge-fill color-cyan');

    const cyanItem = cyan.closest('li')!;
    expect(within(cyanItem).getByText('À remplacer')).toBeTruthy();
    expect(within(cyanItem).getByText('Bientôt vide')).toBeTruthy();
    expect(within(cyanItem).getByText('≈ 12 jours')).toBeTruthy();
    expect(within(cyanItem).getByText('Réf. C-EXV54C')).toBeTruthy();
    const blackItem = within(b12).getByRole('meter', { name: 'Toner noir : 51 %' }).closest('li')!;
    expect(within(blackItem).queryByText('À remplacer')).toBeNull();
    expect(within(blackItem).getByText('OK')).toBeTruthy();

    // The waste box at −2/−2: words only, no meter.
    const waste = within(b12).getByText('Collecteur de toner usagé').closest('li')!;
    expect(within(waste).queryByRole('meter')).toBeNull();
    expect(within(waste).getByText('Niveau inconnu')).toBeTruthy();
  });

  it('shows "some remaining" as words with no percentage, and rounds the drum to 96 %', async () => {
    await openPrinters();
    const cdi = card('IMP-CDI');
    const toner = within(cdi).getByText('Toner noir').closest('li')!;
    expect(within(toner).queryByRole('meter')).toBeNull();
    expect(within(toner).getByText('Il en reste (niveau non mesuré)')).toBeTruthy();
    expect(toner.textContent).not.toMatch(/%/);
    expect(within(toner).queryByText('À remplacer')).toBeNull();
    const drum = within(cdi).getByRole('meter', { name: 'Tambour : 96 %' });
    expect(drum.getAttribute('aria-valuenow')).toBe('96');
  });

  it('records a replacement with printers:replace after a confirmation, then reloads', async () => {
    await openPrinters();
    const b12 = card('IMP-B12');
    const listsBefore = api.inputsOf('printers:list').length;
    expect(within(b12).getByRole('button', { name: 'C’est remplacé : Toner noir' }).textContent).toBe(
      'C’est remplacé',
    );
    fireEvent.click(within(b12).getByRole('button', { name: 'C’est remplacé : Toner cyan' }));
    expect(api.inputsOf('printers:replace')).toEqual([]);
    expect(within(b12).getByText('Confirmer le remplacement de « Toner cyan » sur IMP-B12 ?')).toBeTruthy();
    fireEvent.click(within(b12).getByRole('button', { name: 'Oui, c’est remplacé' }));

    expect(await screen.findByText('Remplacement enregistré : Toner cyan de IMP-B12.')).toBeTruthy();
    expect(api.inputsOf('printers:replace')).toEqual([{ deviceId: 11, supplyKey: '1.2' }]);
    expect(api.inputsOf('printers:list').length).toBe(listsBefore + 1);
    expect(
      within(card('IMP-B12'))
        .getByRole('meter', { name: 'Toner cyan : 100 %' })
        .getAttribute('aria-valuenow'),
    ).toBe('100');
    expect(screen.getByText('Rien à commander pour l’instant.')).toBeTruthy();
    expect(within(card('IMP-B12')).queryByText('À remplacer')).toBeNull();
  });

  it('lists the cartridges to order with their printer, room and days left, and prints the list', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    await openPrinters();
    const order = screen.getByRole('region', { name: 'Cartouches à commander' });
    const table = within(order).getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual([
      'Consommable',
      'Modèle d’imprimante',
      'Référence',
      'Imprimante',
      'Salle',
      'Niveau',
      'Jours restants',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      [
        'Toner cyan',
        'imageRUNNER ADVANCE C3226i',
        'C-EXV54C',
        'IMP-B12',
        'B12',
        '4 % — Bientôt vide',
        '≈ 12 jours',
      ],
    ]);
    fireEvent.click(within(order).getByRole('button', { name: 'Imprimer la liste' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('re-reads the printers with a busy button, then shows how many were read', async () => {
    let finish: (value: { ok: true; value: { polled: number; failed: number } }) => void = () => {};
    api = createFakeParcApi(
      { printers: [canon()] },
      { 'printers:poll': () => new Promise((resolve) => (finish = resolve)) },
    );
    await openPrinters();
    fireEvent.click(screen.getByRole('button', { name: 'Relire les imprimantes' }));
    const busy = await screen.findByRole('button', { name: 'Lecture des imprimantes…' });
    expect(busy).toHaveProperty('disabled', true);
    expect(busy.getAttribute('aria-busy')).toBe('true');
    expect(api.inputsOf('printers:poll')).toEqual([{}]);

    await act(async () => finish({ ok: true, value: { polled: 3, failed: 1 } }));
    expect(await screen.findByText('3 imprimantes relues, 1 sans réponse')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Relire les imprimantes' })).toHaveProperty('disabled', false);
  });

  it('shows counters, trays and alerts to the referent', async () => {
    await openPrinters();
    const profs = card('IMP-PROFS');
    const details = within(profs).getByRole('region', { name: 'Détails pour le référent' });
    const field = (label: string) => within(details).getByText(label).nextElementSibling?.textContent;
    expect(field('Adresse IP')).toBe('127.20.0.14');
    expect(field('N° de série')).toBe('CNB1234567');
    expect(field('Total')).toBe('12\u202f345');
    expect(field('Noir et blanc')).toBe('12\u202f345');
    expect(within(details).queryByText('Couleur')).toBeNull();
    expect(within(details).getByText('≈ 1 200 pages par mois')).toBeTruthy();
    const trays = within(details).getByText('Bacs à papier').nextElementSibling!;
    expect([...trays.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Bac 2 : A4 · 50 % · OK',
      'Bac 2 : Il reste du papier',
    ]);
    expect(within(details).getByText('Avertissement').parentElement?.textContent).toBe(
      'Avertissement Bac 2 presque vide',
    );
    const incidents = within(details).getByText('Incidents en cours').nextElementSibling!;
    expect([...incidents.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Toner noir : bas — depuis le 20\/11\/2026 \d{2}:00$/),
      expect.stringMatching(/^Bourrage papier — depuis le 29\/11\/2026 \d{2}:30$/),
    ]);
  });

  it('simple mode: large text, printers only, no navigation, remembered on this PC', async () => {
    await openPrinters();
    fireEvent.click(screen.getByRole('button', { name: 'Mode simple' }));
    expect(screen.getByRole('button', { name: 'Mode simple' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(document.documentElement.classList.contains('simple-mode')).toBe(true);
    expect(screen.queryByRole('region', { name: 'Détails pour le référent' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Relire les imprimantes' })).toBeNull();
    expect(screen.getAllByRole('article')).toHaveLength(3);
    expect(screen.getByRole('region', { name: 'Cartouches à commander' })).toBeTruthy();
    expect(localStorage.getItem('parc.simpleMode')).toBe('true');

    // A new session opens straight on the printers, still simple.
    cleanupAndRender();
    expect(await screen.findByRole('article', { name: 'IMP-B12' })).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Mode simple' }));
    expect(await screen.findByRole('navigation', { name: 'Écrans' })).toBeTruthy();
    expect(localStorage.getItem('parc.simpleMode')).toBe('false');
    expect(document.documentElement.classList.contains('simple-mode')).toBe(false);
  });

  it('puts the order list at the top, before the cards, folds it, and says when there is nothing to order', async () => {
    await openPrinters();
    const order = screen.getByRole('region', { name: 'Cartouches à commander' });
    const cards = screen.getByRole('region', { name: 'État des imprimantes' });
    expect(order.compareDocumentPosition(cards) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(order).getByText('1 consommable')).toBeTruthy();

    const toggle = within(order).getByRole('button', { name: 'Cartouches à commander' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(order).queryByRole('table')).toBeNull();
    // Folded on screen, still in the page for « Imprimer la liste » (the print sheet unfolds it).
    expect(order.querySelector('.order-body[hidden] table')).toBeTruthy();
    fireEvent.click(toggle);
    expect(within(order).getByRole('table')).toBeTruthy();

    // Simple mode: still first.
    fireEvent.click(screen.getByRole('button', { name: 'Mode simple' }));
    const simpleOrder = screen.getByRole('region', { name: 'Cartouches à commander' });
    expect(
      simpleOrder.compareDocumentPosition(screen.getAllByRole('article')[0]!) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('shows « Rien à commander pour l’instant. » with no toggle when nothing is to order', async () => {
    api = createFakeParcApi({ printers: [canon()], toOrder: [] });
    await openPrinters();
    const order = screen.getByRole('region', { name: 'Cartouches à commander' });
    expect(within(order).getByText('Rien à commander pour l’instant.')).toBeTruthy();
    expect(within(order).queryByRole('button', { name: 'Cartouches à commander' })).toBeNull();
    expect(within(order).getByRole('button', { name: 'Imprimer la liste' })).toHaveProperty('disabled', true);
  });

  it('shows the poll count and a replacement as two separate lines', async () => {
    await openPrinters();
    fireEvent.click(screen.getByRole('button', { name: 'Relire les imprimantes' }));
    expect(await screen.findByText('3 imprimantes relues')).toBeTruthy();
    fireEvent.click(within(card('IMP-B12')).getByRole('button', { name: 'C’est remplacé : Toner cyan' }));
    fireEvent.click(within(card('IMP-B12')).getByRole('button', { name: 'Oui, c’est remplacé' }));
    const replaced = await screen.findByText('Remplacement enregistré : Toner cyan de IMP-B12.');
    const status = screen.getAllByRole('status').find((el) => el.contains(replaced))!;
    expect([...status.children].map((line) => line.textContent)).toEqual([
      '3 imprimantes relues',
      'Remplacement enregistré : Toner cyan de IMP-B12.',
    ]);
  });

  it('marks a waste box almost full « À remplacer » and words its incidents as almost full / full', async () => {
    api = createFakeParcApi({
      printers: [
        makePrinter({
          deviceId: 21,
          ip: '127.20.0.21',
          sysName: 'IMP-D04',
          model: 'ECOSYS M5526cdn',
          supplies: [
            makeSupply({ index: 1, level: 60, percent: 60 }),
            makeSupply({
              index: 2,
              kind: 'waste-toner',
              color: null,
              level: 90,
              percent: 90,
              state: 'almost-full',
            }),
          ],
          incidents: [
            { key: 'supply-low:1.2', since: '2026-11-20T08:00:00.000Z' },
            { key: 'supply-empty:1.2', since: '2026-11-21T08:00:00.000Z' },
            { key: 'supply-empty:1.1', since: '2026-11-22T08:00:00.000Z' },
          ],
        }),
      ],
    });
    await renderApp(api);
    fireEvent.click(screen.getByRole('button', { name: 'Imprimantes' }));
    const d04 = await screen.findByRole('article', { name: 'IMP-D04' });
    const waste = within(d04).getByRole('meter', { name: 'Collecteur de toner usagé : 90 %' }).closest('li')!;
    expect(within(waste).getByText('À remplacer')).toBeTruthy();
    expect(within(waste).getByText('Presque plein')).toBeTruthy();
    const incidents = within(d04).getByText('Incidents en cours').nextElementSibling!;
    expect([...incidents.querySelectorAll('li')].map((li) => li.textContent?.split(' — ')[0])).toEqual([
      'Collecteur de toner usagé : presque plein',
      'Collecteur de toner usagé : plein',
      'Toner noir : vide',
    ]);
  });

  it('titles a printer named « <private> » by its model, with that name and its IP underneath', async () => {
    api = createFakeParcApi({
      printers: [
        makePrinter({ deviceId: 31, ip: '10.1.2.31', sysName: '<private>', model: 'LaserJet M507' }),
        makePrinter({ deviceId: 32, ip: '10.1.2.32', sysName: '  ', model: 'LaserJet M507' }),
        makePrinter({ deviceId: 33, ip: '10.1.2.33', sysName: null, model: null }),
      ],
    });
    await renderApp(api);
    fireEvent.click(screen.getByRole('button', { name: 'Imprimantes' }));
    await screen.findAllByRole('article', { name: 'LaserJet M507' });
    const [first, second] = screen.getAllByRole('article', { name: 'LaserJet M507' });
    expect(within(first!).getByText('Nom réseau : <private> · IP 10.1.2.31')).toBeTruthy();
    expect(within(second!).getByText('IP 10.1.2.32')).toBeTruthy();
    expect(within(first!).queryByText('Modèle : LaserJet M507')).toBeNull();
    const bare = screen.getByRole('article', { name: '10.1.2.33' });
    expect(bare.querySelector('.printer-address')).toBeNull();
  });

  it('speaks English after the switch', async () => {
    await openPrinters();
    fireEvent.change(screen.getByRole('combobox', { name: 'Langue' }), { target: { value: 'en' } });
    const b12 = await screen.findByRole('article', { name: 'IMP-B12' });
    expect(await within(b12).findByRole('meter', { name: 'Cyan toner: 4%' })).toBeTruthy();
    expect(within(b12).getByText('Room B12')).toBeTruthy();
    expect(within(b12).getByText('Ready')).toBeTruthy();
    expect(within(b12).getByText('Running low')).toBeTruthy();
    expect(within(b12).getByText('≈ 12 days')).toBeTruthy();
    expect(within(b12).getByRole('button', { name: 'Replaced: Cyan toner' })).toBeTruthy();
    expect(within(card('IMP-CDI')).getByText('Some left (level not measured)')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Cartridges to order' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Printers' }).getAttribute('aria-current')).toBe('page');
  });
});

function cleanupAndRender() {
  document.body.innerHTML = '';
  render(<App api={api} />);
}
