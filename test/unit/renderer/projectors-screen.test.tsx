import { fireEvent, screen, within } from '@testing-library/react';
import type { ProjectorSummary } from '../../../shared/domain/projector-summary';
import { createFakeParcApi, makeProjector, type FakeParcApi } from './fake-parc-api';
import { renderApp } from './render-app';

/** An Epson in B12 whose lamp is at 92 % of 6,000 h (lamp-end), as `projectors:list` gives it. */
function epson92(): ProjectorSummary {
  return makeProjector({
    deviceId: 21,
    ip: '127.77.0.104',
    name: 'VP-B12',
    room: 'B12',
    state: 'on',
    power: 'on',
    lamps: [{ hours: 5520, on: true, ratedHours: 6000, percentUsed: 92 }],
    hoursPerDay: 6.5,
    alerts: [{ code: 'lamp-end', severity: 'warning', part: null }],
  });
}

/** A NEC with its filter due and its fan in error, lamp and filter part numbers known (class 2). */
function necFilter(): ProjectorSummary {
  return makeProjector({
    deviceId: 22,
    ip: '127.77.0.105',
    name: 'VP-C03',
    room: 'C03',
    vendor: 'NEC',
    model: 'ME402X',
    state: 'standby',
    errors: { fan: 'error', lamp: 'ok', temperature: 'ok', cover: 'warning', filter: 'warning', other: 'ok' },
    lamps: [{ hours: 800, on: false, ratedHours: 8000, percentUsed: 10 }],
    filterHours: 2100,
    lampModel: 'NP43LP',
    filterModel: 'NP07FT',
    ratedByUser: true,
    alerts: [
      { code: 'pjlink-error', severity: 'critical', part: 'fan' },
      { code: 'pjlink-error', severity: 'warning', part: 'cover' },
      { code: 'filter-due', severity: 'warning', part: null },
    ],
  });
}

/** A panel without a room, that answers nothing (no lamp). */
function panel(): ProjectorSummary {
  return makeProjector({
    deviceId: 23,
    ip: '127.77.0.106',
    type: 'interactive-display',
    name: 'TNI-A01',
    vendor: 'ViewSonic',
    model: 'IFP6550',
    state: 'unreachable',
    power: null,
    errors: null,
    lamps: [],
    readAt: null,
    source: null,
  });
}

/** An old projector in B12 at 104 % with no lamp part number. */
function oldB12(): ProjectorSummary {
  return makeProjector({
    deviceId: 24,
    ip: '127.77.0.107',
    name: null,
    room: 'B12',
    model: 'EB-536Wi',
    state: 'off',
    lamps: [{ hours: 6240, on: false, ratedHours: 6000, percentUsed: 104 }],
    alerts: [{ code: 'lamp-end', severity: 'critical', part: null }],
  });
}

let api: FakeParcApi;

beforeEach(() => {
  localStorage.clear();
  api = createFakeParcApi({ projectors: [oldB12(), necFilter(), epson92(), panel()] });
});

async function openProjectors() {
  await renderApp(api);
  fireEvent.click(screen.getByRole('button', { name: 'TNI' }));
  await screen.findByTestId('projector-card-21');
}

const card = (deviceId: number) => screen.getByTestId(`projector-card-${deviceId}`);

describe('TNI screen', () => {
  it('lists the lamps to plan for with room, name, model, wear and part number', async () => {
    await openProjectors();
    const lamps = screen.getByTestId('lamps-to-plan');
    expect(within(lamps).getByRole('heading').textContent).toBe('Lampes à prévoir');
    const rows = within(lamps)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      );
    expect(rows).toEqual([
      ['B12', 'EB-536Wi', 'Epson EB-536Wi', '104 %', 'référence inconnue'],
      ['B12', 'VP-B12', 'Epson EB-695Wi', '92 %', 'référence inconnue'],
    ]);
  });

  it('groups the cards by room in the engine order, « Sans salle » last', async () => {
    await openProjectors();
    const rooms = screen.getAllByTestId('projector-room');
    expect(rooms.map((room) => room.querySelector('h3')?.textContent)).toEqual(['B12', 'C03', 'Sans salle']);
    expect(
      within(rooms[0]!)
        .getAllByRole('article')
        .map((article) => article.querySelector('h4')?.textContent),
    ).toEqual(['EB-536Wi', 'VP-B12']);
  });

  it('writes the state in words and flags a lamp at 90 % or more', async () => {
    await openProjectors();
    const vp = card(21);
    expect(within(vp).getByTestId('projector-state').textContent).toBe('Allumé');
    expect(within(card(22)).getByTestId('projector-state').textContent).toBe('En veille');
    expect(within(card(23)).getByTestId('projector-state').textContent).toBe('Injoignable');
    expect(within(card(24)).getByTestId('projector-state').textContent).toBe('Éteint');

    const meter = within(vp).getByRole('meter', { name: 'Lampe : 92 % de sa durée de vie' });
    expect(meter.getAttribute('aria-valuenow')).toBe('92');
    expect((meter.firstElementChild as HTMLElement).style.width).toBe('92%');
    const gauge = within(vp).getByTestId('lamp-gauge');
    expect(gauge.dataset.flagged).toBe('true');
    expect(gauge.className).toContain('lamp-flagged');
    expect(within(gauge).getByText('À changer bientôt')).toBeTruthy();
    expect(within(gauge).getByText('5 520 h sur 6 000 h')).toBeTruthy();
    expect(within(vp).getByText('≈ 6,5 h d’utilisation par jour')).toBeTruthy();

    // 104 % is capped at a full bar but written as it is.
    const old = within(card(24)).getByRole('meter');
    expect(old.getAttribute('aria-valuenow')).toBe('100');
    expect(within(card(24)).getByText('104 %')).toBeTruthy();

    const nec = within(card(22)).getByTestId('lamp-gauge');
    expect(nec.dataset.flagged).toBe('false');
    expect(within(nec).queryByText('À changer bientôt')).toBeNull();
    expect(within(card(23)).getByText('Pas de lampe à surveiller (laser, LED ou écran).')).toBeTruthy();
    expect(within(card(23)).getByText(/Jamais lu/)).toBeTruthy();
  });

  it('names the PJLink problems and the filter to clean in French', async () => {
    // Without the engine's filter-due alert, a filter error is one of the problems.
    api.state.projectors.push(
      makeProjector({
        deviceId: 25,
        ip: '127.77.0.108',
        name: 'VP-D01',
        errors: { fan: 'ok', lamp: 'ok', temperature: 'ok', cover: 'ok', filter: 'error', other: 'warning' },
      }),
    );
    await openProjectors();
    expect(
      within(within(card(25)).getByRole('list', { name: 'Problèmes signalés' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Filtre : erreur', 'Autre : avertissement']);
    const nec = card(22);
    const problems = within(nec).getByRole('list', { name: 'Problèmes signalés' });
    expect(
      within(problems)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Ventilateur : erreur', 'Capot ouvert : avertissement']);
    const filter = within(nec).getByTestId('projector-filter');
    expect(filter.textContent?.replace(/\s/g, ' ')).toBe(
      'Filtre : 2 100 hFiltre à nettoyerRéf. filtre : NP07FT',
    );
    expect(within(nec).getByText('Réf. lampe : NP43LP')).toBeTruthy();
    expect(within(card(21)).queryByRole('list', { name: 'Problèmes signalés' })).toBeNull();
  });

  it('saves a rated lamp life typed by the referent, then reloads the list', async () => {
    await openProjectors();
    const vp = card(21);
    const input = within(vp).getByLabelText('Durée de vie de la lampe (heures)') as HTMLInputElement;
    expect(input.value).toBe('6000');
    expect(within(vp).getByText('Valeur connue pour ce modèle, sinon valeur par défaut.')).toBeTruthy();
    expect((within(vp).getByRole('button', { name: 'Par défaut' }) as HTMLButtonElement).disabled).toBe(true);
    const lists = api.inputsOf('projectors:list').length;

    fireEvent.change(input, { target: { value: '8000' } });
    fireEvent.click(within(vp).getByRole('button', { name: 'Enregistrer' }));

    await vi.waitFor(() =>
      expect(api.inputsOf('projectors:rated')).toEqual([{ deviceId: 21, ratedLampHours: 8000 }]),
    );
    await vi.waitFor(() => expect(api.inputsOf('projectors:list').length).toBe(lists + 1));
    const meter = await within(card(21)).findByRole('meter', { name: 'Lampe : 69 % de sa durée de vie' });
    expect(meter.getAttribute('aria-valuenow')).toBe('69');
    expect(within(card(21)).getByText('Valeur saisie par vous.')).toBeTruthy();
  });

  it('refuses a rated life out of range without calling the engine, and goes back to the default', async () => {
    await openProjectors();
    const vp = card(21);
    fireEvent.change(within(vp).getByLabelText('Durée de vie de la lampe (heures)'), {
      target: { value: '50' },
    });
    fireEvent.click(within(vp).getByRole('button', { name: 'Enregistrer' }));
    expect(within(vp).getByRole('alert').textContent).toBe(
      'Indiquez un nombre entier d’heures entre 100 et 100 000.',
    );
    expect(api.inputsOf('projectors:rated')).toEqual([]);

    const nec = card(22);
    fireEvent.click(within(nec).getByRole('button', { name: 'Par défaut' }));
    await vi.waitFor(() =>
      expect(api.inputsOf('projectors:rated')).toEqual([{ deviceId: 22, ratedLampHours: null }]),
    );
    await vi.waitFor(() =>
      expect(
        (within(card(22)).getByLabelText('Durée de vie de la lampe (heures)') as HTMLInputElement).value,
      ).toBe('6000'),
    );
  });

  it('re-reads the projectors and says how many answered', async () => {
    await openProjectors();
    fireEvent.click(screen.getByRole('button', { name: 'Relire les vidéoprojecteurs' }));
    await vi.waitFor(() => expect(api.inputsOf('projectors:poll')).toHaveLength(1));
    expect(await screen.findByText('4 appareils relus')).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Relire les vidéoprojecteurs' }) as HTMLButtonElement).disabled,
    ).toBe(false);
  });

  it('shows the engine’s refusal during a scan with the error component', async () => {
    const busy = createFakeParcApi(
      { projectors: [epson92()] },
      { 'projectors:poll': () => ({ ok: false, error: { code: 'busy', message: 'A scan is running.' } }) },
    );
    api = busy;
    await openProjectors();
    fireEvent.click(screen.getByRole('button', { name: 'Relire les vidéoprojecteurs' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Une autre opération est en cours : A scan is running.');
    expect(screen.getByTestId('projector-card-21')).toBeTruthy();
  });

  it('says what to do when no projector is known', async () => {
    api = createFakeParcApi();
    await renderApp(api);
    fireEvent.click(screen.getByRole('button', { name: 'TNI' }));
    expect(
      await screen.findByText('Aucun vidéoprojecteur ni écran interactif trouvé : lancez un scan du réseau.'),
    ).toBeTruthy();
    expect(screen.queryByTestId('lamps-to-plan')).toBeNull();
  });
});
