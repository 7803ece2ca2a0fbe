import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../../renderer/src/App';
import { createBridgeClient } from '../../../renderer/src/api/bridge-client';
import type { RoomImportPlan } from '../../../shared/domain/export';
import { createFakeParcApi, makeDevice, makePrinter, type FakeParcApi } from './fake-parc-api';
import { renderApp } from './render-app';

const PLAN: RoomImportPlan = {
  file: '',
  columns: ['room', 'notes'],
  rowCount: 4,
  matched: [
    {
      row: { sheet: null, line: 2 },
      deviceId: 1,
      device: 'IMP-B12',
      matchedBy: 'serial',
      changes: [
        { field: 'room', from: null, to: 'Salle B12' },
        { field: 'notes', from: 'ancienne note', to: null },
      ],
    },
    { row: { sheet: null, line: 3 }, deviceId: 2, device: 'SW-CORE', matchedBy: 'ip', changes: [] },
  ],
  unmatched: [{ row: { sheet: null, line: 4 }, reason: 'no device with serial "XYZ"' }],
  ambiguous: [
    {
      row: { sheet: null, line: 5 },
      matchedBy: 'name',
      deviceIds: [3, 4],
      reason: '2 devices have name "AP"',
    },
  ],
};

function devices() {
  return [
    makeDevice({
      id: 1,
      ip: '10.0.0.1',
      type: 'printer',
      sysName: 'IMP-B12',
      model: 'LaserJet M507',
      notes: 'ancienne note',
    }),
    makeDevice({ id: 2, ip: '10.0.0.2', type: 'switch', sysName: 'SW-CORE' }),
  ];
}

/** The devices plus two access points whose network name is the useless « <private> ». */
function importDevices() {
  return [
    ...devices(),
    makeDevice({ id: 3, ip: '10.0.0.3', type: 'access-point', sysName: '<private>', model: 'Aruba AP-515' }),
    makeDevice({ id: 4, ip: '10.0.0.4', type: 'access-point', sysName: '<private>', model: 'Aruba AP-515' }),
  ];
}

const csvFile = (name = 'salles élèves.csv', content = 'N° de série;Salle\r\nSN1;B12\r\n') =>
  new File([content], name, { type: 'text/csv' });

async function openExport() {
  fireEvent.click(screen.getByRole('button', { name: 'Exporter' }));
  return screen.findByRole('dialog', { name: 'Exporter l’inventaire' });
}

describe('« Exporter » in the desktop app (export:save)', () => {
  it('offers every format and all types by default, and says where the devices went', async () => {
    const api = createFakeParcApi({ devices: devices() });
    await renderApp(api);
    const dialog = await openExport();
    for (const name of ['CSV pour Excel', 'Classeur Excel (XLSX)', 'JSON (sauvegarde Parc)', 'GLPI']) {
      expect(
        within(dialog).getByRole('radio', {
          name: new RegExp(name.replace(/[()]/g, '\\$&')),
        }) as HTMLInputElement,
      ).toHaveProperty('disabled', false);
    }
    expect(within(dialog).getByRole('radio', { name: /CSV pour Excel/ }) as HTMLInputElement).toHaveProperty(
      'checked',
      true,
    );
    expect(
      within(dialog).getByRole('checkbox', { name: 'Tous les types' }) as HTMLInputElement,
    ).toHaveProperty('checked', true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Exporter' }));
    expect((await within(dialog).findByRole('status')).textContent).toContain(
      '2 appareils exportés dans /home/referent/Documents/parc-inventaire-2026-11-29.csv',
    );
    expect(api.inputsOf('export:save')).toEqual([{ format: 'csv' }]);
  });

  it('sends the chosen format, types and split', async () => {
    const api = createFakeParcApi({
      devices: devices(),
      savedFiles: [
        '/media/usb/parc-inventaire-2026-11-29/printer.csv',
        '/media/usb/parc-inventaire-2026-11-29/switch.csv',
      ],
    });
    await renderApp(api);
    const dialog = await openExport();
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Un fichier par type' }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Tous les types' }));
    expect(within(dialog).getByRole('button', { name: 'Exporter' }) as HTMLInputElement).toHaveProperty(
      'disabled',
      true,
    );
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Imprimante' }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Commutateur' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Exporter' }));
    expect((await within(dialog).findByRole('status')).textContent).toContain(
      '2 appareils exportés dans 2 fichiers du dossier /media/usb/parc-inventaire-2026-11-29',
    );
    expect(api.inputsOf('export:save')).toEqual([
      { format: 'csv', types: ['printer', 'switch'], split: true },
    ]);

    fireEvent.click(within(dialog).getByRole('radio', { name: /GLPI/ }));
    expect(within(dialog).queryByRole('checkbox', { name: 'Un fichier par type' })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Exporter' }));
    await vi.waitFor(() => expect(api.inputsOf('export:save')).toHaveLength(2));
    expect(api.inputsOf('export:save')[1]).toEqual({ format: 'glpi', types: ['printer', 'switch'] });
  });

  it('says nothing was exported when the save dialog is cancelled, and closes', async () => {
    const api = createFakeParcApi({ devices: devices(), savedFiles: null });
    await renderApp(api);
    const dialog = await openExport();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Exporter' }));
    await vi.waitFor(() => expect(api.inputsOf('export:save')).toHaveLength(1));
    expect(within(dialog).queryByRole('status')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Fermer' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows a refusal in French', async () => {
    const api = createFakeParcApi(
      { devices: devices() },
      {
        'export:save': () => ({
          ok: false,
          error: { code: 'invalid-input', message: 'Cannot write in /media/usb: permission denied.' },
        }),
      },
    );
    await renderApp(api);
    const dialog = await openExport();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Exporter' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'Saisie refusée : Cannot write in /media/usb: permission denied.',
    );
  });

  it('opens on XLSX of the printers from the order list (« Consommables »)', async () => {
    const api = createFakeParcApi({
      devices: devices(),
      printers: [makePrinter({ deviceId: 1, ip: '10.0.0.1' })],
    });
    await renderApp(api);
    fireEvent.click(screen.getByRole('button', { name: 'Imprimantes' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Exporter (Excel)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Exporter l’inventaire' });
    expect(within(dialog).getByRole('radio', { name: /Classeur Excel/ }) as HTMLInputElement).toHaveProperty(
      'checked',
      true,
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Exporter' }));
    await vi.waitFor(() =>
      expect(api.inputsOf('export:save')).toEqual([{ format: 'xlsx', types: ['printer'] }]),
    );
  });
});

describe('« Exporter » in the browser (parc ui)', () => {
  it('downloads from /api/export with the token and format, and never calls export:save; GLPI is disabled', async () => {
    const fake = createFakeParcApi({ devices: devices() });
    const bridge = createBridgeClient({ token: 'a'.repeat(64) });
    const api: FakeParcApi & { exportDownloadUrl: typeof bridge.exportDownloadUrl } = Object.assign(fake, {
      exportDownloadUrl: bridge.exportDownloadUrl,
    });
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.getAttribute('href') ?? '');
    });
    try {
      render(<App api={api} />);
      await screen.findByRole('button', { name: 'Scanner' });
      const dialog = await openExport();
      expect(within(dialog).getByRole('radio', { name: /GLPI/ }) as HTMLInputElement).toHaveProperty(
        'disabled',
        true,
      );
      expect(
        within(dialog).getByRole('checkbox', { name: 'Un fichier par type' }) as HTMLInputElement,
      ).toHaveProperty('disabled', true);
      expect(dialog.textContent).toContain(
        'utilisez l’application Parc sur ce poste ou la commande « parc export --format glpi »',
      );
      fireEvent.click(within(dialog).getByRole('radio', { name: /Classeur Excel/ }));
      fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Tous les types' }));
      fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Borne Wi-Fi' }));
      fireEvent.click(within(dialog).getByRole('button', { name: 'Exporter' }));
      expect((await within(dialog).findByRole('status')).textContent).toContain(
        'Le téléchargement de l’export (Classeur Excel (XLSX)) a commencé.',
      );
      expect(clicked).toEqual([`/api/export?format=xlsx&type=access-point&token=${'a'.repeat(64)}`]);
      expect(api.inputsOf('export:save')).toEqual([]);
    } finally {
      click.mockRestore();
    }
  });
});

describe('« Importer les salles »', () => {
  async function pickFile(api: FakeParcApi, file = csvFile()) {
    await renderApp(api);
    fireEvent.click(screen.getByRole('button', { name: 'Importer les salles' }));
    const dialog = await screen.findByRole('dialog', { name: 'Importer les salles' });
    fireEvent.change(within(dialog).getByLabelText('Fichier des salles (.csv ou .xlsx)'), {
      target: { files: [file] },
    });
    return dialog;
  }

  it('sends the file to import:plan and shows the plan in French', async () => {
    const api = createFakeParcApi({ devices: importDevices(), importPlan: PLAN });
    const dialog = await pickFile(api);
    expect((await within(dialog).findByText(/4 lignes lues/)).textContent).toContain(
      'salles élèves.csv : 4 lignes lues — 2 appareils reconnus, 1 sans correspondance, 1 ambiguë.',
    );
    const [input] = api.inputsOf('import:plan');
    expect(input!.fileName).toBe('salles élèves.csv');
    expect(
      new TextDecoder().decode(Uint8Array.from(atob(input!.contentBase64), (c) => c.charCodeAt(0))),
    ).toBe('N° de série;Salle\r\nSN1;B12\r\n');

    const changes = within(dialog).getByRole('region', { name: 'Modifications prévues' });
    expect(changes.textContent).toContain(
      'IMP-B12 (10.0.0.1 · LaserJet M507) — Ligne 2, reconnu par n° de série',
    );
    expect(changes.textContent).toContain('Salle : (vide) → Salle B12');
    expect(changes.textContent).toContain('Notes : ancienne note → (vide)');
    expect(changes.textContent).toContain('1 appareil reconnu est déjà à jour.');
    expect(
      within(dialog).getByRole('region', { name: 'Lignes sans correspondance (ignorées)' }).textContent,
    ).toContain('Ligne 4 : aucun appareil ne correspond');
    const ambiguous = within(dialog).getByRole('region', { name: 'Lignes ambiguës (ignorées)' });
    expect(ambiguous.textContent).toContain('Ligne 5 : 2 appareils ont ce nom');
    expect(
      within(ambiguous)
        .getAllByRole('listitem')
        .slice(1)
        .map((li) => li.textContent),
    ).toEqual(['<private> (10.0.0.3 · Aruba AP-515)', '<private> (10.0.0.4 · Aruba AP-515)']);
    // No English from the engine in French.
    expect(dialog.textContent).not.toMatch(/détail|no device|devices have/);
    expect(api.inputsOf('import:apply')).toEqual([]);
  });

  it('« Appliquer » sends the plan to import:apply and reloads the devices', async () => {
    const api = createFakeParcApi({ devices: importDevices(), importPlan: PLAN });
    const dialog = await pickFile(api);
    await within(dialog).findByText(/4 lignes lues/);
    const listsBefore = api.inputsOf('inventory:listSummaries').length;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Appliquer' }));
    expect(await within(dialog).findByText('2 champs modifiés sur 1 appareil.')).toBeTruthy();
    expect(api.inputsOf('import:apply')).toEqual([{ plan: { ...PLAN, file: 'salles élèves.csv' } }]);
    await vi.waitFor(() => expect(api.inputsOf('inventory:listSummaries').length).toBe(listsBefore + 1));
    expect(api.state.devices[0]!.room).toBe('Salle B12');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Fermer' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findByRole('cell', { name: 'Salle B12' })).toBeTruthy();
  });

  it('agrees every count in the singular, and keeps the engine’s detail in English only', async () => {
    const single: RoomImportPlan = {
      ...PLAN,
      rowCount: 1,
      matched: [PLAN.matched[0]!],
      unmatched: PLAN.unmatched,
      ambiguous: [{ ...PLAN.ambiguous[0]!, deviceIds: [3] }],
    };
    const api = createFakeParcApi({ devices: importDevices(), importPlan: single });
    const dialog = await pickFile(api);
    expect((await within(dialog).findByText(/1 ligne lue/)).textContent).toBe(
      'salles élèves.csv : 1 ligne lue — 1 appareil reconnu, 1 sans correspondance, 1 ambiguë.',
    );
    expect(dialog.textContent).toContain(
      'Ligne 5 : cet appareil est déjà reconnu par une autre ligne du fichier',
    );
    expect(dialog.textContent).not.toContain('no device with serial');

    fireEvent.change(screen.getByRole('combobox', { name: 'Langue' }), { target: { value: 'en' } });
    expect(await within(dialog).findByText(/1 row read/)).toBeTruthy();
    expect(dialog.textContent).toContain('(detail: no device with serial "XYZ")');
  });

  it('« Annuler » changes nothing', async () => {
    const api = createFakeParcApi({ devices: importDevices(), importPlan: PLAN });
    const dialog = await pickFile(api);
    await within(dialog).findByText(/4 lignes lues/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.inputsOf('import:apply')).toEqual([]);
    expect(api.state.devices[0]!.room).toBeNull();
  });

  it('refuses other files and files over 700 KB before sending anything', async () => {
    const api = createFakeParcApi({ devices: importDevices() });
    const dialog = await pickFile(api, csvFile('salles.ods'));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('ni un .csv ni un .xlsx');
    fireEvent.change(within(dialog).getByLabelText('Fichier des salles (.csv ou .xlsx)'), {
      target: { files: [csvFile('gros.csv', 'x'.repeat(700 * 1024 + 1))] },
    });
    expect((await within(dialog).findByRole('alert')).textContent).toContain('plus de 700 Ko');
    expect(api.inputsOf('import:plan')).toEqual([]);
  });

  it('shows the engine’s refusal of the sheet', async () => {
    const api = createFakeParcApi(
      { devices: importDevices() },
      {
        'import:plan': () => ({
          ok: false,
          error: { code: 'invalid-input', message: 'rooms.csv has no sheet with an identifier column.' },
        }),
      },
    );
    const dialog = await pickFile(api);
    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'Saisie refusée : rooms.csv has no sheet',
    );
    expect(within(dialog).queryByRole('button', { name: 'Appliquer' })).toBeNull();
  });
});
