import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { checkServerForm, newServerForm } from '../../../renderer/src/features/servers/server-form-model';
import { engineWords, formatSize, sizeParts } from '../../../renderer/src/features/servers/server-words';
import { formatDateTime } from '../../../renderer/src/lib/format';
import { fail } from '../../../shared/ipc/result';
import {
  createFakeParcApi,
  makeDevice,
  makeServer,
  makeServerHistory,
  makeServerStatus,
  type FakeParcApi,
} from './fake-parc-api';
import { renderApp } from './render-app';

const GiB = 1024 ** 3;

let api: FakeParcApi;

beforeEach(() => {
  localStorage.clear();
});

/** Renders the console and opens « Serveur ». */
async function openServers(fake: FakeParcApi) {
  const view = await renderApp(fake);
  fireEvent.click(screen.getByRole('button', { name: 'Serveur' }));
  await waitFor(() => expect(fake.inputsOf('servers:status').length).toBeGreaterThan(0));
  return view;
}

/** The one server panel on screen. */
async function panel() {
  return screen.findByTestId('server-panel-1');
}

describe('« Serveur » with a watched Samba server', () => {
  beforeEach(() => {
    api = createFakeParcApi({
      servers: [makeServer({ id: 1 })],
      serverStatuses: { 1: makeServerStatus({ id: 1 }) },
      serverHistories: { 1: makeServerHistory(1) },
    });
  });

  it('says the state in words, when it was read, uptime, processor, load and memory', async () => {
    await openServers(api);
    const card = await panel();
    expect(within(card).getByRole('heading', { name: 'Serveur pédagogique' })).toBeTruthy();
    const state = within(card).getByTestId('server-state');
    expect(state.textContent).toBe('Critique');
    expect(state.className).toContain('status-error');
    expect(within(card).getByTestId('server-sampled-at').textContent).toBe(
      formatDateTime('2026-11-29T13:05:00.000Z', 'fr-FR'),
    );
    const figures = Object.fromEntries(
      within(card)
        .getAllByRole('term')
        .map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
    );
    expect(figures).toEqual({
      'Dernier relevé': formatDateTime('2026-11-29T13:05:00.000Z', 'fr-FR'),
      'Allumé depuis': '30 jours',
      Processeur: '13 %',
      Charge: '0,42 (1 min) · 0,35 (5 min) · 0,28 (15 min)',
      Mémoire: '9,4 Go utilisés sur 16 Go (60 %)',
    });
  });

  it('lists the volumes with sizes in Go and To, a bar, the state and the forecast words', async () => {
    await openServers(api);
    const table = within(await panel()).getByTestId('server-volumes');
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['/', '31 Go', '9,2 Go', '29 %', 'Correct', '—'],
      ['/srv/partages', '3,6 To', '3,2 To', '87 %', 'Se remplit', 'plein dans 12 jours'],
    ]);
    const meter = within(table).getByRole('meter', { name: '/srv/partages : rempli à 87 %' });
    expect(meter.getAttribute('aria-valuenow')).toBe('87');
  });

  it('says « plein dans 1 jour », « plein aujourd’hui » and « Presque plein » for a critical volume', async () => {
    const status = makeServerStatus({ id: 1 });
    api.state.serverStatuses[1] = {
      ...status,
      volumes: [
        { ...status.volumes[0]!, fullInDays: 1 },
        { ...status.volumes[1]!, percent: 97, state: 'critical', fullInDays: 0 },
      ],
    };
    await openServers(api);
    const table = within(await panel()).getByTestId('server-volumes');
    const [first, second] = within(table).getAllByRole('row').slice(1);
    expect(within(first!).getAllByRole('cell').at(-1)?.textContent).toBe('plein dans 1 jour');
    expect(within(second!).getAllByRole('cell').at(-1)?.textContent).toBe('plein aujourd’hui');
    expect(within(second!).getByText('Presque plein').className).toContain('status-error');
  });

  it('says in French that the share does not answer, the open alerts since when, and smbd stopped', async () => {
    await openServers(api);
    const card = await panel();
    const smb = within(card).getByTestId('server-smb');
    expect(smb.textContent).toBe(
      'Partage de fichiersPartage inaccessible le serveur refuse la connexion (service arrêté ?)',
    );
    const alerts = within(card).getAllByTestId('server-alert');
    expect(alerts.map((a) => a.textContent)).toEqual([
      'Critique Le partage de fichiers ne répond pas : les élèves ne peuvent plus ouvrir leurs dossiers. ' +
        `depuis le ${formatDateTime('2026-11-29T10:00:00.000Z', 'fr-FR')}`,
      'À surveiller Le disque /srv/partages se remplit (87 %). ' +
        `depuis le ${formatDateTime('2026-11-27T08:00:00.000Z', 'fr-FR')}`,
    ]);
    expect(
      within(card)
        .getAllByTestId('server-service')
        .map((s) => s.textContent),
    ).toEqual(['smbd : arrêté']);
  });

  it('shows a reachable share with its listing time, and a wrong password in French', async () => {
    const status = makeServerStatus({ id: 1 });
    api.state.serverStatuses[1] = {
      ...status,
      state: 'ok',
      smb: { reachable: true, dialect: '3.1.1', listMs: 84, entries: 12, error: null },
    };
    api.state.serverStatuses[2] = {
      ...makeServerStatus({ id: 2, name: 'NAS CDI' }),
      smb: {
        reachable: true,
        dialect: '3.0.2',
        listMs: null,
        entries: null,
        error: 'wrong account or password (NT_STATUS_LOGON_FAILURE)',
      },
      problems: ['SNMP: no answer with any credential (timeout)', 'something new'],
    };
    api.state.servers.push(makeServer({ id: 2, name: 'NAS CDI' }));
    await openServers(api);
    const first = await panel();
    expect(within(first).getByTestId('server-state').textContent).toBe('Tout va bien');
    expect(within(first).getByTestId('server-smb').textContent).toBe(
      'Partage de fichiersPartage accessible SMB 3.1.1 · dossier lu en 84 ms',
    );
    const second = await screen.findByTestId('server-panel-2');
    expect(within(second).getByTestId('server-smb').textContent).toBe(
      'Partage de fichiersPartage accessible SMB 3.0.2 · mais le dossier ne s’ouvre pas : compte ou mot de passe incorrect',
    );
    const problems = within(second).getByRole('region', { name: 'Ce qui n’a pas pu être lu' });
    expect(
      within(problems)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'SNMP : le serveur ne répond pas (SNMP désactivé ou communauté inconnue ?)',
      'détail technique : something new',
    ]);
  });

  it('draws the last 7 days of the volumes and the processor, and 90 days on demand', async () => {
    await openServers(api);
    const card = await panel();
    const chart = await within(card).findByTestId('server-chart');
    expect(api.inputsOf('servers:history')).toEqual([{ id: 1, days: 7 }]);
    const lines = [...chart.querySelectorAll('g[data-series]')].map((g) => [
      g.getAttribute('data-series'),
      g.querySelector('path')?.getAttribute('d')?.split(/[ML]/).filter(Boolean).length,
    ]);
    expect(lines).toEqual([
      ['/', 7],
      ['/srv/partages', 7],
      ['Processeur', 7],
    ]);
    // /srv/partages goes from 80 % (left, y = 28) to 87 % (right, y = 18.2) over 140 px.
    const d = chart.querySelector('g[data-series="/srv/partages"] path')?.getAttribute('d') ?? '';
    expect(d.startsWith('M0 28 ')).toBe(true);
    expect(d.endsWith('L560 18.2')).toBe(true);
    // One dashed tick: the SMB alert that started on the last day at 10:00.
    expect(chart.querySelectorAll('.history-tick')).toHaveLength(1);
    expect(within(card).getByRole('list', { name: 'Courbes' }).querySelectorAll('li')[1]?.textContent).toBe(
      '/srv/partages : 87 %',
    );
    fireEvent.click(within(card).getByRole('button', { name: '90 jours' }));
    await waitFor(() => expect(api.inputsOf('servers:history').at(-1)).toEqual({ id: 1, days: 90 }));
  });

  it('says there is no history yet with fewer than two readings', async () => {
    api.state.serverHistories = {};
    await openServers(api);
    expect(await within(await panel()).findByText(/Pas encore d’historique/)).toBeTruthy();
    expect(screen.queryByTestId('server-chart')).toBeNull();
  });

  it('reads the server now, and says so when a reading is already running', async () => {
    let busy = false;
    api = createFakeParcApi(
      {
        servers: [makeServer({ id: 1 })],
        serverStatuses: { 1: makeServerStatus({ id: 1 }) },
      },
      {
        'servers:poll': (input) =>
          busy
            ? fail('busy', 'A collection is already running.')
            : { ok: true, value: { polled: input?.id === undefined ? 1 : 1, failed: 0, failures: [] } },
      },
    );
    await openServers(api);
    const card = await panel();
    fireEvent.click(within(card).getByRole('button', { name: 'Relever maintenant' }));
    expect(await screen.findByText('1 serveur relevé')).toBeTruthy();
    expect(api.inputsOf('servers:poll')).toEqual([{ id: 1 }]);

    busy = true;
    fireEvent.click(screen.getAllByRole('button', { name: 'Relever maintenant' })[0]!);
    const alert = await screen.findByText(
      'Un relevé est déjà en cours : attendez qu’il se termine, puis réessayez.',
    );
    expect(alert.getAttribute('role')).toBe('alert');
    expect(api.inputsOf('servers:poll').at(-1)).toEqual({});
    await waitFor(() =>
      expect(
        (within(card).getByRole('button', { name: 'Relever maintenant' }) as HTMLButtonElement).disabled,
      ).toBe(false),
    );
  });

  it('edits a server: « défini » badge, empty password field, ports kept, no password sent', async () => {
    api.state.servers = [makeServer({ id: 1, snmpPort: 16161, smbPort: 1445 })];
    const view = await openServers(api);
    const card = await panel();
    fireEvent.click(within(card).getByRole('button', { name: 'Modifier' }));
    const form = within(card).getByRole('form', { name: 'Modifier Serveur pédagogique' });
    expect(within(form).getByTestId('smb-password-state').textContent).toBe('défini');
    const password = within(form).getByLabelText(/^Mot de passe/) as HTMLInputElement;
    expect(password.type).toBe('password');
    expect(password.value).toBe('');
    fireEvent.change(within(form).getByLabelText('Services à surveiller'), {
      target: { value: 'smbd, nmbd winbindd' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(api.inputsOf('servers:save')).toHaveLength(1));
    expect(api.inputsOf('servers:save')[0]).toEqual({
      id: 1,
      deviceId: null,
      address: '127.77.0.50',
      name: 'Serveur pédagogique',
      snmp: true,
      snmpPort: 16161,
      smbShare: 'pedago',
      smbUser: 'LYCEE\\parc-lecture',
      smbPort: 1445,
      local: false,
      services: ['smbd', 'nmbd', 'winbindd'],
    });
    await waitFor(() => expect(within(card).queryByRole('form')).toBeNull());
    expect(api.state.servers[0]?.smbPasswordSet).toBe(true);
    expect(view.container.innerHTML).not.toContain('password=');
  });

  it('stops watching a server after asking', async () => {
    await openServers(api);
    const card = await panel();
    fireEvent.click(within(card).getByRole('button', { name: 'Ne plus surveiller' }));
    expect(
      within(card).getByText('Ne plus surveiller Serveur pédagogique ? Son historique sera effacé.'),
    ).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: 'Oui, ne plus surveiller' }));
    await waitFor(() => expect(screen.queryByTestId('server-panel-1')).toBeNull());
    expect(api.inputsOf('servers:remove')).toEqual([{ id: 1 }]);
    expect(await screen.findByRole('form', { name: 'Surveiller un serveur' })).toBeTruthy();
  });
});

describe('« Serveur » with nothing watched', () => {
  it('explains, offers the inventory’s NAS, and saves it with the share and a password never shown', async () => {
    api = createFakeParcApi({
      devices: [
        makeDevice({ id: 7, ip: '127.77.0.60', type: 'nas', sysName: 'NAS-CDI' }),
        makeDevice({ id: 8, ip: '127.77.0.20', type: 'printer', sysName: 'IMP-B12' }),
      ],
    });
    const view = await openServers(api);
    expect(await screen.findByText(/Parc peut surveiller le serveur pédagogique du lycée/)).toBeTruthy();
    const candidates = screen.getByRole('region', { name: 'Serveurs et NAS trouvés sur le réseau' });
    expect(
      within(candidates)
        .getAllByRole('listitem')
        .map((li) => li.firstChild?.textContent),
    ).toEqual(['NAS-CDI (NAS, 127.77.0.60)']);
    fireEvent.click(within(candidates).getByRole('button', { name: 'Surveiller ce serveur : NAS-CDI' }));

    const form = screen.getByRole('form', { name: 'Surveiller un serveur' });
    expect((within(form).getByLabelText('Serveur') as HTMLSelectElement).value).toBe('7');
    expect((within(form).getByLabelText('Nom affiché') as HTMLInputElement).value).toBe('NAS-CDI');
    expect((within(form).getByLabelText('Services à surveiller') as HTMLInputElement).value).toBe('smbd');
    fireEvent.change(within(form).getByLabelText('Dossier partagé'), { target: { value: ' pedago ' } });
    fireEvent.change(within(form).getByLabelText('Compte (DOMAINE\\compte ou compte)'), {
      target: { value: 'parc-lecture' },
    });
    fireEvent.change(within(form).getByLabelText('Mot de passe'), { target: { value: 'S3cret-Tr0uvé' } });
    fireEvent.click(
      within(form).getByLabelText('Lire son état par SNMP (disques, charge, mémoire, services)'),
    );
    fireEvent.click(within(form).getByRole('button', { name: 'Surveiller ce serveur' }));

    await waitFor(() => expect(api.inputsOf('servers:save')).toHaveLength(1));
    expect(api.inputsOf('servers:save')[0]).toEqual({
      deviceId: 7,
      address: '127.77.0.60',
      name: 'NAS-CDI',
      snmp: false,
      snmpPort: 161,
      smbShare: 'pedago',
      smbUser: 'parc-lecture',
      smbPort: 445,
      local: false,
      services: ['smbd'],
      smbPassword: 'S3cret-Tr0uvé',
    });
    const card = await screen.findByTestId('server-panel-1');
    expect(within(card).getByTestId('server-state').textContent).toBe('Pas encore relevé');
    expect(within(card).getByTestId('server-sampled-at').textContent).toBe('Jamais relevé');
    expect(screen.queryByRole('form', { name: 'Surveiller un serveur' })).toBeNull();
    expect(view.container.innerHTML).not.toContain('S3cret');
    expect([...view.container.querySelectorAll('input')].map((input) => input.value).join('|')).not.toContain(
      'S3cret',
    );
    // The NAS is watched now: no longer offered.
    expect(screen.queryByRole('region', { name: 'Serveurs et NAS trouvés sur le réseau' })).toBeNull();
  });

  it('refuses a bad address and service names with French messages, without saving', async () => {
    api = createFakeParcApi();
    await openServers(api);
    const form = await screen.findByRole('form', { name: 'Surveiller un serveur' });
    expect(within(form).getByText(/Aucun serveur ni NAS dans l’inventaire/)).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Adresse'), { target: { value: 'serveur pédago' } });
    fireEvent.change(within(form).getByLabelText('Services à surveiller'), {
      target: { value: 'smbd, $(rm)' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Surveiller ce serveur' }));
    expect(
      await within(form).findByText(/Indiquez une adresse IP \(10\.1\.0\.5\) ou un nom de serveur/),
    ).toBeTruthy();
    expect(within(form).getByText(/Des noms de programmes/)).toBeTruthy();
    expect(within(form).getByLabelText('Adresse').getAttribute('aria-invalid')).toBe('true');
    expect(api.inputsOf('servers:save')).toEqual([]);
  });

  it('shows the engine’s refusal of a save', async () => {
    api = createFakeParcApi({}, { 'servers:save': () => fail('not-found', 'No device with id 9.') });
    await openServers(api);
    const form = await screen.findByRole('form', { name: 'Surveiller un serveur' });
    fireEvent.change(within(form).getByLabelText('Adresse'), { target: { value: '127.77.0.50' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Surveiller ce serveur' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Introuvable : No device with id 9.');
  });
});

describe('server words', () => {
  it('counts sizes in binary units, one decimal under 10', () => {
    const partages = sizeParts(976_745_472 * 4096);
    expect(partages.unit).toBe('TB');
    expect(partages.digits).toBe(1);
    expect(partages.value).toBeCloseTo(3.6387, 4);
    expect(formatSize(8_191_757 * 4096, 'fr-FR', (u) => ({ GB: 'Go', TB: 'To' })[u as 'GB'] ?? u)).toBe(
      '31 Go',
    );
    expect(formatSize(9.96 * GiB, 'fr-FR', () => 'Go')).toBe('10 Go');
    expect(formatSize(512, 'fr-FR', () => 'o')).toBe('512 o');
    expect(formatSize(-1, 'en-GB', () => 'B')).toBe('0 B');
  });

  it('knows the engine’s SMB and collection texts, and keeps unknown ones as details', () => {
    expect(engineWords('connection refused')).toEqual({ key: 'connectionRefused', params: {} });
    expect(engineWords('no SMB answer within 1500 ms')).toEqual({
      key: 'smbTimeout',
      params: { ms: '1500' },
    });
    expect(engineWords('access denied to the share (NT_STATUS_ACCESS_DENIED)')).toEqual({
      key: 'accessDenied',
      params: {},
    });
    expect(engineWords('SNMP hrStorageTable: Request timed out')).toEqual({
      key: 'snmpPart',
      params: { part: 'hrStorageTable', detail: 'Request timed out' },
    });
    expect(engineWords('NT_STATUS_SOMETHING_ELSE')).toEqual({
      key: 'unknown',
      params: { detail: 'NT_STATUS_SOMETHING_ELSE' },
    });
  });

  it('builds the save input: password only when typed, empty to erase it', () => {
    const form = { ...newServerForm(null), address: '10.1.0.5' };
    const kept = checkServerForm(form, 3);
    expect(kept.ok && 'smbPassword' in kept.input).toBe(false);
    const erased = checkServerForm({ ...form, clearPassword: true }, 3);
    expect(erased.ok && erased.input.smbPassword).toBe('');
    expect(checkServerForm({ ...form, smbShare: 'a/b' })).toEqual({ ok: false, invalid: ['smbShare'] });
    expect(checkServerForm({ ...form, address: '' })).toEqual({ ok: false, invalid: ['address'] });
  });
});
