import { fireEvent, screen, within } from '@testing-library/react';
import type { Device } from '../../../shared/domain/device';
import { createFakeParcApi, makeDevice, type FakeParcApi } from './fake-parc-api';
import { renderApp } from './render-app';

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

/** A Windows PC only seen by the network scan (NetBIOS), in B12, seen today. */
function pcB12(): Device {
  return makeDevice({
    id: 1,
    ip: '127.77.0.100',
    type: 'computer',
    hostName: 'PC-B12-01',
    os: 'Windows',
    vendor: 'Dell',
    mac: 'f8:b1:56:12:34:56',
    room: 'B12',
    sources: ['network'],
    lastSeen: daysAgo(0),
  });
}

/** A laptop that sent its own inventory, without a room, seen 45 days ago. */
function laptop(): Device {
  return makeDevice({
    id: 2,
    ip: '127.77.0.120',
    type: 'computer',
    hostName: 'PORTABLE-CDI-3',
    os: 'Windows 11 Pro 10.0.22631',
    vendor: 'Lenovo',
    model: 'ThinkPad L14',
    serial: 'PF3ABCDE',
    sources: ['network', 'self-inventory'],
    inventoriedAt: '2026-10-14T07:30:00.000Z',
    lastSeen: daysAgo(45),
  });
}

/** A Linux box in B2 known by its sysName only (SNMP), seen 3 days ago. */
function linuxB2(): Device {
  return makeDevice({
    id: 3,
    ip: '127.77.0.101',
    type: 'computer',
    sysName: 'poste-linux',
    os: 'Linux',
    room: 'B2',
    sources: ['snmp', 'network'],
    lastSeen: daysAgo(3),
  });
}

/** A PC with no name at all, in B12, seen 31 days ago. */
function anonymousB12(): Device {
  return makeDevice({ id: 4, ip: '127.77.0.130', type: 'computer', room: 'B12', lastSeen: daysAgo(31) });
}

let api: FakeParcApi;

beforeEach(() => {
  localStorage.clear();
  api = createFakeParcApi({
    devices: [
      pcB12(),
      laptop(),
      linuxB2(),
      anonymousB12(),
      makeDevice({ id: 9, ip: '127.77.0.12', type: 'printer', sysName: 'IMP-B12', room: 'B12' }),
    ],
  });
});

async function openMachines() {
  await renderApp(api);
  fireEvent.click(screen.getByRole('button', { name: 'Postes' }));
  await screen.findByTestId('machine-row-1');
}

/** The table's body as text: room headings as `# room`, machines as their name cell. */
function tableLines(): string[] {
  const body = screen.getByRole('table').querySelector('tbody')!;
  return [...body.querySelectorAll('tr')].map((row) =>
    row.classList.contains('machines-room')
      ? `# ${row.textContent}`
      : (row.querySelector('.mcol-name')?.textContent ?? ''),
  );
}

const row = (id: number) => screen.getByTestId(`machine-row-${id}`);
const cell = (id: number, column: string) => row(id).querySelector(`.mcol-${column}`)?.textContent;

describe('Postes screen', () => {
  it('lists only the computers, by room in natural order, « Sans salle » last', async () => {
    await openMachines();
    expect(api.inputsOf('inventory:list')).toContainEqual({ type: 'computer' });
    expect(tableLines()).toEqual([
      '# B2 — 1 poste',
      'poste-linux',
      '# B12 — 2 postes',
      '127.77.0.130',
      'PC-B12-01',
      '# Sans salle — 1 poste',
      'PORTABLE-CDI-3',
    ]);
    expect(screen.getByText('4 postes affichés sur 4')).toBeTruthy();
    expect(screen.queryByText('IMP-B12')).toBeNull();
  });

  it('shows the system, model, serial, MAC, last seen and where the data comes from', async () => {
    await openMachines();
    expect(cell(1, 'os')).toBe('Windows');
    expect(cell(1, 'model')).toBe('Dell');
    expect(cell(1, 'mac')).toBe('f8:b1:56:12:34:56');
    expect(cell(1, 'ip')).toBe('127.77.0.100');
    expect(cell(1, 'source')).toBe('réseau seulement');
    expect(cell(1, 'lastSeen')).toMatch(/^aujourd’hui \d{2}\/\d{2}\/\d{4}/);

    expect(cell(2, 'os')).toBe('Windows 11 Pro 10.0.22631');
    expect(cell(2, 'model')).toBe('Lenovo ThinkPad L14');
    expect(cell(2, 'serial')).toBe('PF3ABCDE');
    expect(cell(2, 'source')).toMatch(/^inventaire du poste · 14\/10\/2026 \d{2}:30$/);
    expect(cell(2, 'lastSeen')).toMatch(/^il y a 45 jours /);
    expect(cell(3, 'lastSeen')).toMatch(/^il y a 3 jours /);
    expect(cell(4, 'os')).toBe('—');
  });

  it('keeps only the machines seen more than 30 days ago when the box is ticked', async () => {
    await openMachines();
    const box = screen.getByRole('checkbox', { name: 'Vus il y a plus de 30 jours' });
    fireEvent.click(box);
    expect(tableLines()).toEqual([
      '# B12 — 1 poste',
      '127.77.0.130',
      '# Sans salle — 1 poste',
      'PORTABLE-CDI-3',
    ]);
    expect(screen.getByText('2 postes affichés sur 4')).toBeTruthy();
    fireEvent.click(box);
    expect(tableLines()).toHaveLength(7);
  });

  it('filters by text on name, system, serial and MAC without colons', async () => {
    await openMachines();
    const search = screen.getByRole('searchbox', { name: 'Rechercher' });
    fireEvent.change(search, { target: { value: 'linux' } });
    expect(tableLines()).toEqual(['# B2 — 1 poste', 'poste-linux']);
    fireEvent.change(search, { target: { value: 'f8b156' } });
    expect(tableLines()).toEqual(['# B12 — 1 poste', 'PC-B12-01']);
    fireEvent.change(search, { target: { value: 'nothing-like-this' } });
    expect(screen.getByText('Aucun poste ne correspond aux filtres.')).toBeTruthy();
  });

  it('imports a folder of inventories, says what happened in French and reloads the list', async () => {
    api.state.inventoryImport = {
      files: 57,
      imported: 55,
      created: 12,
      updated: 3,
      unchanged: 0,
      skippedAlreadyImported: 40,
      invalid: [{ file: 'vieux.json', code: 'invalid-json', reason: 'Unexpected token' }],
      unmatched: [{ file: 'PC-X.json', hostName: 'PC-X' }],
    };
    await openMachines();
    const listsBefore = api.inputsOf('inventory:list').length;
    const summariesBefore = api.inputsOf('inventory:listSummaries').length;
    fireEvent.click(screen.getByRole('button', { name: 'Importer des inventaires…' }));
    const dialog = screen.getByRole('dialog', { name: 'Importer les inventaires des postes' });
    expect(
      within(dialog).getByText(
        'Indiquez le dossier partagé où les postes déposent leur inventaire (parc inventory --self --out DOSSIER).',
      ),
    ).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Importer' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Indiquez le dossier à importer.');
    expect(api.inputsOf('inventories:import')).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText('Dossier des inventaires'), {
      target: { value: '  /srv/parc/inventaires ' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Importer' }));
    expect(
      await within(dialog).findByText(
        'Import terminé : 12 nouveaux postes, 3 mis à jour, 40 déjà importés, 1 fichier illisible, 1 inventaire sans poste correspondant.',
      ),
    ).toBeTruthy();
    expect(api.inputsOf('inventories:import')).toEqual([{ folder: '/srv/parc/inventaires' }]);
    expect(within(dialog).getByText('vieux.json : ce n’est pas un fichier JSON valide')).toBeTruthy();
    expect(within(dialog).getByText('PC-X.json (poste PC-X)')).toBeTruthy();
    // Postes (every field of the computers) and Réseau (the table's rows) both reload.
    await vi.waitFor(() => expect(api.inputsOf('inventory:list').length).toBe(listsBefore + 1));
    await vi.waitFor(() => expect(api.inputsOf('inventory:listSummaries').length).toBe(summariesBefore + 1));

    fireEvent.click(within(dialog).getByRole('button', { name: 'Fermer' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says so when the folder holds no inventory', async () => {
    await openMachines();
    fireEvent.click(screen.getByRole('button', { name: 'Importer des inventaires…' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Dossier des inventaires'), {
      target: { value: '/vide' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Importer' }));
    expect(await within(dialog).findByText('Aucun inventaire (fichier .json) dans ce dossier.')).toBeTruthy();
  });

  it('shows the engine’s refusal of a folder', async () => {
    api = createFakeParcApi(
      { devices: [pcB12()] },
      {
        'inventories:import': () => ({
          ok: false,
          error: { code: 'not-found', message: 'No such folder: /nulle/part' },
        }),
      },
    );
    await openMachines();
    fireEvent.click(screen.getByRole('button', { name: 'Importer des inventaires…' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Dossier des inventaires'), {
      target: { value: '/nulle/part' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Importer' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'Introuvable : No such folder: /nulle/part',
    );
  });
});
