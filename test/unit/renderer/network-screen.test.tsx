import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../../renderer/src/App';
import { toDeviceSummary } from '../../../renderer/src/stores/devices-store';
import { createStores, loadInitialData } from '../../../renderer/src/stores/stores';
import type { Device } from '../../../shared/domain/device';
import type { ScanSummary } from '../../../shared/domain/scan';
import { fail, ok, type Result } from '../../../shared/ipc/result';
import { communitySummary, createFakeParcApi, makeDevice, type FakeParcApi } from './fake-parc-api';
import { findDeviceDetail, renderApp } from './render-app';

const XSS = '<img src=x onerror=alert(1)>';

function sampleDevices() {
  return [
    makeDevice({
      id: 1,
      ip: '10.0.0.20',
      type: 'printer',
      sysName: 'IMP-CDI',
      vendor: 'HP',
      model: 'LaserJet M507',
      serial: 'CNB1234567',
      mac: 'aa:bb:cc:00:00:01',
      room: 'CDI',
    }),
    makeDevice({ id: 2, ip: '10.0.0.3', type: 'switch', sysName: 'SW-B', vendor: 'Cisco' }),
    makeDevice({
      id: 3,
      ip: '10.0.0.100',
      type: 'projector',
      sysName: 'VP-B12',
      vendor: 'Epson',
      model: 'EB-695Wi',
      room: 'B12',
      missing: true,
    }),
    makeDevice({
      id: 4,
      ip: '10.0.0.9',
      type: 'server',
      sysName: XSS,
      sysDescr: XSS,
      sysLocation: '<b>Salle serveur</b>',
      uptimeSeconds: 3 * 86400 + 5 * 3600 + 59,
    }),
  ];
}

function devicesTable(name = 'Appareils') {
  return screen.getByRole('table', { name });
}

/** The body rows' IP column, in display order. */
function shownIps(): string[] {
  return within(devicesTable())
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('.col-ip')?.textContent ?? '');
}

function summary(overrides: Partial<ScanSummary> = {}): ScanSummary {
  return {
    id: 1,
    targets: ['10.0.0.0/24'],
    status: 'done',
    startedAt: '2026-11-29T13:00:00.000Z',
    finishedAt: '2026-11-29T13:02:00.000Z',
    addressCount: 254,
    respondedCount: 5,
    newCount: 1,
    updatedCount: 4,
    missingCount: 1,
    problems: [{ ip: '10.0.0.77', reason: 'Délai dépassé après réponse partielle' }],
    ...overrides,
  };
}

let api: FakeParcApi;

beforeEach(() => {
  api = createFakeParcApi({
    devices: sampleDevices(),
    credentials: [communitySummary(7)],
    suggestions: [{ cidr: '192.168.10.0/24', interfaceName: 'Ethernet', addressCount: 254 }],
  });
});

describe('Réseau screen', () => {
  it('renders the screen with navigation, credentials and the inventory sorted by IP numerically', async () => {
    await renderApp(api);
    expect(screen.getByRole('banner')).toHaveProperty('textContent', expect.stringContaining('Parc'));
    expect(screen.getByRole('button', { name: 'Réseau' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('heading', { name: 'Analyser le réseau' })).toBeTruthy();
    expect(await screen.findByText('Communauté SNMP v2c n° 1')).toBeTruthy();
    await within(devicesTable()).findByText('IMP-CDI');
    expect(shownIps()).toEqual(['10.0.0.3', '10.0.0.9', '10.0.0.20', '10.0.0.100']);

    const printerRow = within(devicesTable()).getByText('IMP-CDI').closest('tr')!;
    expect(within(printerRow).getByText('Imprimante')).toBeTruthy();
    expect(within(printerRow).getByText('CNB1234567')).toBeTruthy();
    expect(within(printerRow).getByText('aa:bb:cc:00:00:01')).toBeTruthy();
    // 2026-11-29T13:05Z in fr-FR (the hour depends on the machine's time zone).
    expect(printerRow.querySelector('.col-lastSeen')?.textContent).toMatch(/^29\/11\/2026 \d{2}:05$/);
    const projectorRow = within(devicesTable()).getByText('VP-B12').closest('tr')!;
    expect(within(projectorRow).getByText('Vidéoprojecteur')).toBeTruthy();
    expect(within(projectorRow).getByText('Absent')).toBeTruthy();
    expect(within(printerRow).queryByText('Absent')).toBeNull();
  });

  it('sorts by a column when its header is clicked (IP descending, then by name)', async () => {
    await renderApp(api);
    await within(devicesTable()).findByText('IMP-CDI');
    fireEvent.click(within(devicesTable()).getByRole('button', { name: 'IP' }));
    expect(shownIps()).toEqual(['10.0.0.100', '10.0.0.20', '10.0.0.9', '10.0.0.3']);
    expect(within(devicesTable()).getByRole('columnheader', { name: /IP/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    fireEvent.click(within(devicesTable()).getByRole('button', { name: 'Nom' }));
    expect(shownIps()).toEqual(['10.0.0.9', '10.0.0.20', '10.0.0.3', '10.0.0.100']);
  });

  it('adds a suggested subnet to the field without scanning, then scans the typed targets', async () => {
    await renderApp(api);
    const field = screen.getByRole('textbox', { name: 'Plages à analyser' });
    fireEvent.change(field, { target: { value: '10.0.0.0/24, 10.0.1.5\n\nlabo.lycee.local' } });
    fireEvent.click(await screen.findByRole('button', { name: '+ 192.168.10.0/24' }));
    expect((field as HTMLTextAreaElement).value).toBe(
      '10.0.0.0/24, 10.0.1.5\n\nlabo.lycee.local\n192.168.10.0/24',
    );
    expect(api.inputsOf('scan:start')).toEqual([]);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Autoriser les adresses publiques' }));
    fireEvent.click(screen.getByRole('button', { name: 'Scanner' }));
    await vi.waitFor(() => expect(api.inputsOf('scan:start')).toHaveLength(1));
    expect(api.inputsOf('scan:start')[0]).toEqual({
      targets: ['10.0.0.0/24', '10.0.1.5', 'labo.lycee.local', '192.168.10.0/24'],
      allowPublic: true,
      force: false,
    });
    expect(await screen.findByRole('progressbar')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Scanner' })).toHaveProperty('disabled', true);
  });

  it('shows progress events in the progress bar and cancels with "Annuler l’analyse"', async () => {
    await renderApp(api);
    fireEvent.change(screen.getByRole('textbox', { name: 'Plages à analyser' }), {
      target: { value: '10.0.0.0/24' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Scanner' }));
    await screen.findByRole('progressbar');

    act(() =>
      api.emit('scan:progress', {
        scanId: 1,
        phase: 'addresses',
        done: 12,
        total: 254,
        found: 3,
        current: '10.0.0.12',
      }),
    );
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('12');
    expect(bar.getAttribute('aria-valuemax')).toBe('254');
    expect(screen.getByText('12 / 254 adresses · 3 appareils trouvés')).toBeTruthy();

    act(() =>
      api.emit('scan:progress', {
        scanId: 1,
        phase: 'addresses',
        done: 200,
        total: 254,
        found: 1,
        current: null,
      }),
    );
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('200');
    expect(screen.getByText('200 / 254 adresses · 1 appareil trouvé')).toBeTruthy();

    // Another scan's progress (e.g. from the CLI) is not mixed into this one.
    act(() =>
      api.emit('scan:progress', {
        scanId: 99,
        phase: 'addresses',
        done: 5,
        total: 10,
        found: 0,
        current: null,
      }),
    );
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('200');

    // Every address swept: the printers are read, and the bar counts them.
    act(() =>
      api.emit('scan:progress', {
        scanId: 1,
        phase: 'printers',
        done: 4,
        total: 9,
        found: 12,
        current: '10.0.0.40',
      }),
    );
    expect(screen.getByRole('progressbar').getAttribute('aria-valuemax')).toBe('9');
    expect(screen.getByText('Lecture des imprimantes (cartouches, compteurs) : 4 / 9')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Annuler l’analyse' }));
    await vi.waitFor(() => expect(api.inputsOf('scan:cancel')).toEqual([{ scanId: 1 }]));
  });

  it('reloads the inventory on scan:finished and shows the summary with its problems', async () => {
    await renderApp(api);
    fireEvent.change(screen.getByRole('textbox', { name: 'Plages à analyser' }), {
      target: { value: '10.0.0.0/24' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Scanner' }));
    await screen.findByRole('progressbar');
    const listsBefore = api.inputsOf('inventory:listSummaries').length;

    api.state.devices.push(
      makeDevice({ id: 5, ip: '10.0.0.50', type: 'ups', sysName: 'ONDULEUR-BAIE', vendor: 'Eaton' }),
    );
    act(() => api.emit('scan:finished', summary()));

    const row = (await within(devicesTable()).findByText('ONDULEUR-BAIE')).closest('tr')!;
    expect(within(row).getByText('Onduleur')).toBeTruthy();
    expect(api.inputsOf('inventory:listSummaries').length).toBe(listsBefore + 1);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(
      screen.getByText('Analyse terminée : 5 appareils trouvés, 1 nouveau, 1 absent, 1 problème'),
    ).toBeTruthy();
    expect(screen.getByText('Voir les problèmes')).toBeTruthy();
    expect(screen.getByText('10.0.0.77')).toBeTruthy();
    expect(screen.getByText(/Délai dépassé après réponse partielle/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Scanner' })).toHaveProperty('disabled', false);
  });

  it('shows an invalid target error in plain French and no progress bar', async () => {
    api = createFakeParcApi(
      { devices: sampleDevices() },
      {
        'scan:start': () => fail('invalid-input', 'cible invalide « 10.0.0.300 » (octet hors de 0–255)'),
      },
    );
    await renderApp(api);
    fireEvent.change(screen.getByRole('textbox', { name: 'Plages à analyser' }), {
      target: { value: '10.0.0.300' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Scanner' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Saisie refusée : cible invalide « 10.0.0.300 » (octet hors de 0–255)');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(api.inputsOf('scan:start')).toEqual([
      { targets: ['10.0.0.300'], allowPublic: false, force: false },
    ]);
  });

  it('asks for a range instead of scanning an empty field', async () => {
    await renderApp(api);
    fireEvent.click(screen.getByRole('button', { name: 'Scanner' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Indiquez au moins une plage à analyser.');
    expect(api.inputsOf('scan:start')).toEqual([]);
  });

  it('narrows the rows with the search box and the type filter', async () => {
    await renderApp(api);
    await within(devicesTable()).findByText('IMP-CDI');
    const search = screen.getByRole('searchbox', { name: 'Rechercher' });

    fireEvent.change(search, { target: { value: 'epson' } });
    expect(shownIps()).toEqual(['10.0.0.100']);
    fireEvent.change(search, { target: { value: 'AA:BB:CC' } });
    expect(shownIps()).toEqual(['10.0.0.20']);
    fireEvent.change(search, { target: { value: 'cdi' } });
    expect(shownIps()).toEqual(['10.0.0.20']);
    fireEvent.change(search, { target: { value: 'nothing-like-this' } });
    expect(shownIps()).toEqual([]);
    expect(screen.getByText('Aucun appareil ne correspond à la recherche.')).toBeTruthy();

    fireEvent.change(search, { target: { value: '' } });
    const type = screen.getByRole('combobox', { name: 'Type' });
    fireEvent.change(type, { target: { value: 'switch' } });
    expect(shownIps()).toEqual(['10.0.0.3']);
    expect(screen.getByText('1 appareil affiché sur 4')).toBeTruthy();
    fireEvent.change(search, { target: { value: 'epson' } });
    expect(shownIps()).toEqual([]);
    fireEvent.change(type, { target: { value: '' } });
    expect(shownIps()).toEqual(['10.0.0.100']);
  });

  it('selects a device, saves room and notes with inventory:update and updates the list', async () => {
    await renderApp(api);
    fireEvent.click(await within(devicesTable()).findByRole('button', { name: 'VP-B12' }));
    const detail = await findDeviceDetail('VP-B12');
    expect(within(detail).getByText('EB-695Wi')).toBeTruthy();

    fireEvent.change(within(detail).getByRole('textbox', { name: 'Salle' }), { target: { value: ' B14 ' } });
    fireEvent.change(within(detail).getByRole('textbox', { name: 'Notes' }), {
      target: { value: 'Lampe changée en octobre' },
    });
    fireEvent.click(within(detail).getByRole('button', { name: 'Enregistrer' }));

    await within(detail).findByText('Enregistré.');
    expect(api.inputsOf('inventory:update')).toEqual([
      { id: 3, room: 'B14', notes: 'Lampe changée en octobre' },
    ]);
    const row = within(devicesTable()).getByText('VP-B12').closest('tr')!;
    expect(row.querySelector('.col-room')?.textContent).toBe('B14');
    expect(row.getAttribute('aria-current')).toBe('true');
    expect((within(detail).getByRole('textbox', { name: 'Salle' }) as HTMLInputElement).value).toBe('B14');
  });

  it('saves the asset tag only when it was changed', async () => {
    await renderApp(api);
    fireEvent.click(await within(devicesTable()).findByRole('button', { name: 'VP-B12' }));
    const detail = await findDeviceDetail('VP-B12');
    fireEvent.change(within(detail).getByRole('textbox', { name: 'N° d’inventaire' }), {
      target: { value: ' INV-2024-0042 ' },
    });
    fireEvent.click(within(detail).getByRole('button', { name: 'Enregistrer' }));
    await within(detail).findByText('Enregistré.');
    expect(api.inputsOf('inventory:update')).toEqual([
      { id: 3, room: 'B12', notes: null, assetTag: 'INV-2024-0042' },
    ]);
  });

  it('shows a failed save next to the button', async () => {
    api = createFakeParcApi(
      { devices: sampleDevices() },
      {
        'inventory:update': () => fail('not-found', 'appareil 3 supprimé entre-temps'),
      },
    );
    await renderApp(api);
    fireEvent.click(await within(devicesTable()).findByRole('button', { name: 'VP-B12' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Enregistrer' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Introuvable : appareil 3 supprimé entre-temps',
    );
  });

  it('shows the row until inventory:get answers, then the whole record; says why it could not be read', async () => {
    let answer: (result: Result<Device>) => void = () => undefined;
    const api = createFakeParcApi(
      { devices: sampleDevices() },
      {
        'inventory:get': ({ id }) =>
          id === 4
            ? new Promise<Result<Device>>((resolve) => (answer = resolve))
            : fail('not-found', 'appareil 2 supprimé entre-temps'),
      },
    );
    await renderApp(api);
    fireEvent.click(await within(devicesTable()).findByRole('button', { name: XSS }));
    const detail = screen.getByRole('complementary', { name: XSS });
    expect(detail.getAttribute('aria-busy')).toBe('true');
    expect(within(detail).getByText('Lecture des détails…')).toBeTruthy();
    expect(within(detail).getByText('Serveur')).toBeTruthy();
    expect(within(detail).queryByText('<b>Salle serveur</b>')).toBeNull();
    expect(api.inputsOf('inventory:get')).toEqual([{ id: 4 }]);

    act(() => answer(ok(sampleDevices()[3]!)));
    expect(await within(detail).findByText('<b>Salle serveur</b>')).toBeTruthy();
    expect(within(detail).queryByText('Lecture des détails…')).toBeNull();

    fireEvent.click(within(devicesTable()).getByRole('button', { name: 'SW-B' }));
    const other = screen.getByRole('complementary', { name: 'SW-B' });
    expect((await within(other).findByRole('alert')).textContent).toBe(
      'Introuvable : appareil 2 supprimé entre-temps',
    );
    expect(within(other).queryByRole('textbox', { name: 'Salle' })).toBeNull();
  });

  it('displays device fields containing HTML as literal text', async () => {
    const { container } = await renderApp(api);
    const nameButton = await within(devicesTable()).findByRole('button', { name: XSS });
    expect(nameButton.textContent).toBe(XSS);
    fireEvent.click(nameButton);

    const detail = await findDeviceDetail(XSS);
    expect(within(detail).getAllByText(XSS)).toHaveLength(3); // title, sysName and sysDescr
    expect(within(detail).getByText('<b>Salle serveur</b>')).toBeTruthy();
    expect(within(detail).getByText('3 j 5 h')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('switches to English, persists the choice and shows "Scan"', async () => {
    await renderApp(api);
    fireEvent.change(screen.getByRole('combobox', { name: 'Langue' }), { target: { value: 'en' } });

    expect(await screen.findByRole('button', { name: 'Scan' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Scanner' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Network' })).toBeTruthy();
    const projectorRow = within(devicesTable('Devices')).getByText('VP-B12').closest('tr')!;
    expect(within(projectorRow).getByText('Projector')).toBeTruthy();
    expect(within(projectorRow).getByText('Missing')).toBeTruthy();
    expect(projectorRow.querySelector('.col-lastSeen')?.textContent).toMatch(/^29\/11\/2026, \d{2}:05$/);
    expect(api.inputsOf('settings:set')).toEqual([{ language: 'en' }]);
    expect(document.documentElement.lang).toBe('en');
  });

  it('uses the slices whose first loads main.tsx started before rendering, without loading twice', async () => {
    const stores = createStores(api);
    const loading = loadInitialData(stores);
    render(<App api={api} loading={stores} />);
    await loading;
    expect(await within(devicesTable()).findByRole('button', { name: 'VP-B12' })).toBeTruthy();
    expect(api.inputsOf('inventory:listSummaries')).toEqual([{}]);
    expect(api.inputsOf('settings:get')).toHaveLength(1);
    // Events still reach the slices.
    act(() => api.emit('scan:finished', summary()));
    await vi.waitFor(() => expect(api.inputsOf('inventory:listSummaries')).toHaveLength(2));
  });

  it('asks the credentials, ranges and scan status only once the inventory is in (they delayed the rows)', async () => {
    let answerList!: () => void;
    const held = createFakeParcApi(
      { devices: [makeDevice({ id: 1, ip: '10.0.0.1' })] },
      {
        'inventory:listSummaries': () =>
          new Promise(
            (done) => (answerList = () => done(ok([toDeviceSummary(makeDevice({ id: 1, ip: '10.0.0.1' }))]))),
          ),
      },
    );
    const loading = loadInitialData(createStores(held));
    await vi.waitFor(() => expect(held.inputsOf('settings:get')).toHaveLength(1));
    const asked = () => held.calls.map((call) => call.channel);
    expect(asked()).toEqual(['settings:get', 'inventory:listSummaries']);
    answerList();
    await loading;
    expect(asked()).toEqual([
      'settings:get',
      'inventory:listSummaries',
      'credentials:list',
      'network:suggest',
      'scan:status',
    ]);
  });

  it('draws a screen of rows out of 5,000 devices before the scroller is measured, and counts them all', async () => {
    api.state.devices = Array.from({ length: 5000 }, (_, i) =>
      makeDevice({ id: i + 1, ip: `10.1.${i >> 8}.${i & 255}`, sysName: `PC-${i + 1}` }),
    );
    await renderApp(api);
    await within(devicesTable()).findByRole('button', { name: 'PC-1' });
    // jsdom lays nothing out: the scroller never gets a size.
    expect(within(devicesTable()).getAllByRole('row')).toHaveLength(1 + 40);
    expect(devicesTable().getAttribute('aria-rowcount')).toBe('5001');
    expect(within(devicesTable()).getByRole('button', { name: 'PC-40' })).toBeTruthy();
    expect(within(devicesTable()).queryByRole('button', { name: 'PC-41' })).toBeNull();
  });

  it('starts in the saved language', async () => {
    api.state.settings = { ...api.state.settings, language: 'en' };
    render(<App api={api} />);
    expect(await screen.findByRole('button', { name: 'Scan' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Scanner' })).toBeNull();
    expect(api.inputsOf('settings:set')).toEqual([]);
  });
});
