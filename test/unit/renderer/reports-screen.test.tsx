import { act, fireEvent, screen, within } from '@testing-library/react';
import { HEALTH_INCIDENT_CODES, HealthReport } from '../../../shared/domain/report';
import { en } from '../../../renderer/src/i18n/en';
import { fr } from '../../../renderer/src/i18n/fr';
import { createFakeParcApi, makeHealthReport, makeOutboxItem, type FakeParcApi } from './fake-parc-api';
import { renderApp } from './render-app';

let api: FakeParcApi;

/** The school and hub configured: a report can be previewed and sent. */
function configured(): FakeParcApi {
  const fake = createFakeParcApi({ secrets: { hubToken: true, hubSecret: true } });
  fake.state.settings = {
    ...fake.state.settings,
    uai: '0750655E',
    schoolName: 'Lycée Jean Moulin',
    town: 'Paris',
    hubUrl: 'https://hub.example.invalid/api/reports',
  };
  return fake;
}

async function openReports() {
  await renderApp(api);
  fireEvent.click(screen.getByRole('button', { name: 'Rapports' }));
  await vi.waitFor(() => expect(api.inputsOf('reports:preview').length).toBe(1));
}

const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

const sendButton = () => screen.getByRole('button', { name: 'Envoyer maintenant' }) as HTMLButtonElement;

beforeEach(() => {
  localStorage.clear();
  api = configured();
});

describe('Rapports screen', () => {
  it('has a fake report that is a valid HealthReport, and a label for every incident code', () => {
    expect(HealthReport.parse(makeHealthReport())).toEqual(makeHealthReport());
    expect(Object.keys(fr.reports.preview.codes).sort()).toEqual([...HEALTH_INCIDENT_CODES].sort());
    expect(Object.keys(en.reports.preview.codes).sort()).toEqual([...HEALTH_INCIDENT_CODES].sort());
  });

  it('shows the previewed report in French words: school, counts by type, changes, incidents, orders', async () => {
    await openReports();
    const readable = await screen.findByTestId('report-readable');
    expect(within(readable).getByTestId('report-school').textContent).toBe(
      'Lycée Jean Moulin — Paris · UAI 0750655E',
    );
    expect(within(readable).getByText('7 appareils (dont 1 absent du dernier scan)')).toBeTruthy();
    expect(
      within(screen.getByTestId('report-counts'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Imprimante : 3', 'Commutateur : 1', 'Ordinateur : 1', 'Vidéoprojecteur : 2']);
    expect(
      within(readable).getByText('2 TNI et vidéoprojecteurs, ≈ 6,5 h d’utilisation par jour en moyenne'),
    );
    expect(within(screen.getByTestId('report-new-devices')).getByText('Nouveaux appareils : 1')).toBeTruthy();
    expect(
      within(screen.getByTestId('report-missing-devices')).getByText('Appareils absents : 1'),
    ).toBeTruthy();

    // Incidents by severity, most urgent first, each code in words.
    const critical = screen.getByTestId('report-severity-critical');
    expect(within(critical).getByRole('heading').textContent).toBe('Critique (1)');
    expect(within(critical).getByTestId('report-incident-printer-supply-empty').textContent).toMatch(
      /^Consommable vide — Toner noir : vide · Imprimante HP LaserJet M404 \(10\.1\.2\.20\) · Salle B12 · depuis le /,
    );
    const warning = screen.getByTestId('report-severity-warning');
    expect(within(warning).getByRole('heading').textContent).toBe('À prévoir (2)');
    expect(
      within(warning)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('strong')?.textContent),
    ).toEqual(['Lampe en fin de vie', 'Appareil absent']);
    expect(within(warning).getByText('Lampe à 92 % de sa durée de vie (5520 h sur 6000 h)')).toBeTruthy();
    expect(screen.queryByTestId('report-severity-info')).toBeNull();
    const severities = screen.getAllByTestId(/^report-severity-/).map((s) => s.dataset.testid);
    expect(severities).toEqual(['report-severity-critical', 'report-severity-warning']);

    const order = within(screen.getByTestId('report-to-order')).getAllByRole('row').slice(1).map(cellsOf);
    expect(order).toEqual([
      ['Toner noir', 'CF259A', 'IMP-B12 (HP LaserJet M404)', 'B12', '0 %', '0 jour'],
      ['Lampe de vidéoprojecteur', 'référence inconnue', 'VP-B12 (EB-695Wi)', 'B12', '8 %', '74 jours'],
    ]);
  });

  it('shows in « JSON brut » exactly the previewed document, as text', async () => {
    api.state.report = makeHealthReport({
      school: { uai: '0750655E', name: '<b>Lycée</b> & co', town: null },
    });
    await openReports();
    await screen.findByTestId('report-readable');
    const toggle = screen.getByRole('button', { name: 'JSON brut' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    const pre = screen.getByTestId('report-json');
    expect(pre.tagName).toBe('PRE');
    expect(pre.textContent).toBe(JSON.stringify(api.state.report, null, 2));
    expect(JSON.parse(pre.textContent ?? '')).toEqual(api.state.report);
    // Text, never markup.
    expect(pre.querySelector('b')).toBeNull();
    expect(screen.queryByTestId('report-readable')).toBeNull();
    fireEvent.click(toggle);
    expect(screen.getByTestId('report-readable')).toBeTruthy();
  });

  it('« Actualiser l’aperçu » asks the engine for a new report and shows it', async () => {
    await openReports();
    await screen.findByTestId('report-readable');
    api.state.report = makeHealthReport({
      id: '9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
      school: { uai: '0750655E', name: 'Lycée Victor Hugo', town: null },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Actualiser l’aperçu' }));
    await vi.waitFor(() =>
      expect(screen.getByTestId('report-school').textContent).toBe('Lycée Victor Hugo · UAI 0750655E'),
    );
    expect(api.inputsOf('reports:preview').length).toBe(2);
  });

  it('sends the previewed report with « Envoyer maintenant » and says what happened', async () => {
    api.state.outbox = [
      makeOutboxItem({
        id: 'older',
        status: 'pending',
        attempts: 2,
        sentAt: null,
        nextAttemptAt: '2026-11-30T07:00:00.000Z',
        lastError: 'connect ECONNREFUSED 127.0.0.1:8443',
      }),
    ];
    await openReports();
    await screen.findByTestId('report-readable');
    expect(sendButton().disabled).toBe(false);
    fireEvent.click(sendButton());

    await vi.waitFor(() =>
      expect(screen.getByTestId('send-result').textContent).toBe('2 envoyés, 0 refusé, 0 en attente'),
    );
    expect(api.inputsOf('reports:send')).toEqual([{ report: makeHealthReport() }]);
    const row = await screen.findByTestId(`outbox-row-${makeHealthReport().id}`);
    expect(within(row).getByTestId('outbox-status').textContent).toBe('envoyé');
    expect(within(row).getByTestId('outbox-status').className).toContain('status-ok');
    // The same report cannot go in twice: a new preview makes a new one.
    expect(sendButton().disabled).toBe(true);
    expect(
      screen.getByText(
        'Ce rapport est déjà dans la file d’envoi. Actualisez l’aperçu pour en préparer un nouveau.',
      ),
    ).toBeTruthy();
  });

  it('says what is missing before a report can be sent, and does not send', async () => {
    api.state.settings = { ...api.state.settings, hubUrl: null };
    api.state.secrets = { hubToken: true, hubSecret: false };
    await openReports();
    await screen.findByTestId('report-readable');
    expect(sendButton().disabled).toBe(true);
    expect(screen.getByTestId('send-missing').textContent).toBe(
      'Pour envoyer, renseignez d’abord dans « Lycée et hub » : l’adresse du hub, le secret de signature.',
    );
    fireEvent.click(sendButton());
    expect(api.inputsOf('reports:send')).toEqual([]);
  });

  it('shows the engine’s message when the send fails', async () => {
    api = createFakeParcApi(
      { ...api.state },
      {
        'reports:send': () => ({
          ok: false,
          error: { code: 'invalid-input', message: 'The hub address http://10.0.0.1 uses plain http.' },
        }),
      },
    );
    await openReports();
    await screen.findByTestId('report-readable');
    fireEvent.click(sendButton());
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Saisie refusée : The hub address http://10.0.0.1 uses plain http.',
    );
    expect(screen.queryByTestId('send-result')).toBeNull();
  });

  it('lists the outbox with state in words and colour, and requeues a rejected report', async () => {
    api.state.outbox = [
      makeOutboxItem({
        id: 'r-rejected',
        createdAt: '2026-11-29T06:30:00.000Z',
        status: 'rejected',
        attempts: 1,
        sentAt: null,
        lastError: 'The hub refused the report (401): unknown token',
      }),
      makeOutboxItem({
        id: 'r-pending',
        createdAt: '2026-11-28T06:30:00.000Z',
        status: 'pending',
        attempts: 3,
        sentAt: null,
        nextAttemptAt: '2026-11-30T07:00:00.000Z',
        lastError: 'hub answered 503',
      }),
      makeOutboxItem({ id: 'r-sent', createdAt: '2026-11-27T06:30:00.000Z' }),
    ];
    await openReports();
    const table = await screen.findByTestId('outbox-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.dataset.testid)).toEqual([
      'outbox-row-r-rejected',
      'outbox-row-r-pending',
      'outbox-row-r-sent',
    ]);
    expect(rows.map((row) => within(row).getByTestId('outbox-status').textContent)).toEqual([
      'refusé',
      'en attente',
      'envoyé',
    ]);
    expect(rows.map((row) => within(row).getByTestId('outbox-status').className)).toEqual([
      'badge status-badge status-error',
      'badge status-badge status-warning',
      'badge status-badge status-ok',
    ]);
    const [rejected, pending, sent] = rows.map(cellsOf);
    expect(rejected!.slice(2)).toEqual([
      '1',
      '—',
      'The hub refused the report (401): unknown token',
      'Renvoyer',
    ]);
    expect(pending!.slice(2, 5)).toEqual([
      '3',
      expect.stringMatching(/^30\/11\/2026 \d\d:00$/),
      'hub answered 503',
    ]);
    expect(sent![1]).toMatch(/^envoyé le 29\/11\/2026 \d\d:30$/);
    expect(within(rows[1]!).queryByRole('button')).toBeNull();
    expect(within(rows[2]!).queryByRole('button')).toBeNull();

    fireEvent.click(within(rows[0]!).getByRole('button', { name: /^Renvoyer le document du / }));
    await vi.waitFor(() => expect(api.inputsOf('reports:retry')).toEqual([{ id: 'r-rejected' }]));
    await vi.waitFor(() =>
      expect(
        within(screen.getByTestId('outbox-row-r-rejected')).getByTestId('outbox-status').textContent,
      ).toBe('en attente'),
    );
  });

  it('says when the outbox is empty', async () => {
    await openReports();
    expect((await screen.findByTestId('outbox-empty')).textContent).toBe(
      'La file d’envoi est vide : aucun rapport préparé pour l’instant.',
    );
  });

  it('stores a secret write-only: « défini » afterwards, never the value', async () => {
    api.state.secrets = { hubToken: false, hubSecret: false };
    await openReports();
    const token = (await screen.findByLabelText(/^Jeton du lycée/, {
      selector: 'input',
    })) as HTMLInputElement;
    expect(token.type).toBe('password');
    expect(token.value).toBe('');
    expect(screen.getByTestId('secret-state-hubToken').textContent).toBe('non défini');

    fireEvent.change(token, { target: { value: 'tok-S3cret-42' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await vi.waitFor(() => expect(screen.getByTestId('secret-state-hubToken').textContent).toBe('défini'));
    expect(api.inputsOf('reports:setSecret')).toEqual([{ name: 'hubToken', value: 'tok-S3cret-42' }]);
    expect(screen.getByTestId('secret-state-hubSecret').textContent).toBe('non défini');
    await screen.findByText('Réglages enregistrés.');
    const again = screen.getByLabelText(/^Jeton du lycée/, { selector: 'input' }) as HTMLInputElement;
    expect(again.value).toBe('');
    expect(document.body.innerHTML).not.toContain('tok-S3cret-42');

    // « Effacer » removes it (an empty value).
    fireEvent.click(screen.getByRole('button', { name: 'Effacer : Jeton du lycée' }));
    await vi.waitFor(() =>
      expect(screen.getByTestId('secret-state-hubToken').textContent).toBe('non défini'),
    );
    expect(api.inputsOf('reports:setSecret')[1]).toEqual({ name: 'hubToken', value: '' });
  });

  it('saves the school and hub settings, then previews again', async () => {
    await openReports();
    const uai = (await screen.findByLabelText('UAI du lycée')) as HTMLInputElement;
    expect(uai.value).toBe('0750655E');
    fireEvent.change(uai, { target: { value: ' 0941234f ' } });
    // 941234 mod 23 = 5: the check letter is F (case and spaces do not matter).
    fireEvent.change(screen.getByLabelText('Commune'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Heure d’envoi quotidien'), { target: { value: '06:45' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await vi.waitFor(() =>
      expect(api.inputsOf('settings:set')).toEqual([
        {
          uai: '0941234F',
          schoolName: 'Lycée Jean Moulin',
          town: null,
          hubUrl: 'https://hub.example.invalid/api/reports',
          reportTime: '06:45',
          hubCaFile: null,
          proxyUrl: null,
        },
      ]),
    );
    await screen.findByText('Réglages enregistrés.');
    await vi.waitFor(() => expect(api.inputsOf('reports:preview').length).toBe(2));
    expect(api.inputsOf('reports:setSecret')).toEqual([]);
  });

  it('refuses a wrong UAI or hub address with a French message beside the field', async () => {
    await openReports();
    const uai = await screen.findByLabelText('UAI du lycée');
    fireEvent.change(uai, { target: { value: '0750655A' } });
    fireEvent.change(screen.getByLabelText('Adresse du hub'), { target: { value: 'hub.region' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    // The rules (zod, settings.ts) are loaded when the form is sent: the page builds none at startup.
    await vi.waitFor(() => expect(uai.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(/^UAI invalide : 7 chiffres puis la lettre clé/)).toBeTruthy();
    expect(screen.getByText(/^Adresse du hub invalide : indiquez l’adresse complète/)).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Corrigez les champs signalés en rouge.');
    expect(api.inputsOf('settings:set')).toEqual([]);
  });

  it('says in French that the UAI is missing when there is no preview', async () => {
    api.state.settings = { ...api.state.settings, uai: null };
    await openReports();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Renseignez l’UAI du lycée (7 chiffres et la lettre clé) dans les réglages avant de faire un rapport.',
    );
    expect(screen.queryByTestId('report-readable')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Envoyer maintenant' })).toBeNull();
  });

  it('previews again after a scan when the screen was opened', async () => {
    await openReports();
    await screen.findByTestId('report-readable');
    act(() =>
      api.emit('scan:finished', {
        id: 1,
        targets: ['10.1.0.0/24'],
        status: 'done',
        startedAt: '2026-11-30T08:00:00.000Z',
        finishedAt: '2026-11-30T08:01:00.000Z',
        addressCount: 254,
        respondedCount: 5,
        newCount: 0,
        updatedCount: 5,
        missingCount: 0,
        problems: [],
      }),
    );
    await vi.waitFor(() => expect(api.inputsOf('reports:preview').length).toBe(2));
  });
});
