import { fireEvent, screen, within } from '@testing-library/react';
import { fail } from '../../../shared/ipc/result';
import { communitySummary, createFakeParcApi, v3Summary, type FakeParcApi } from './fake-parc-api';
import { renderApp } from './render-app';

function credentialsPanel() {
  return screen.getByRole('region', { name: 'Identifiants SNMP' });
}

function labels(): string[] {
  return within(credentialsPanel())
    .queryAllByRole('listitem')
    .map((item) => item.querySelector('.credential-label')?.textContent ?? '');
}

let api: FakeParcApi;

beforeEach(() => {
  api = createFakeParcApi({
    credentials: [communitySummary(1), v3Summary(2, 'parc', 'sha256', 'aes')],
  });
});

describe('Credentials panel', () => {
  it('words the credentials in French from their structure, reorders and removes them', async () => {
    await renderApp(api);
    await within(credentialsPanel()).findByText('Communauté SNMP v2c n° 1');
    expect(labels()).toEqual(['Communauté SNMP v2c n° 1', 'Utilisateur SNMPv3 « parc » (SHA-256, AES)']);
    // The engine's English label is never shown.
    expect(credentialsPanel().textContent).not.toContain('community #');
    expect(credentialsPanel().textContent).not.toContain('v3 user');
    expect(screen.getByRole('button', { name: 'Monter Communauté SNMP v2c n° 1' })).toHaveProperty(
      'disabled',
      true,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Descendre Communauté SNMP v2c n° 1' }));
    await vi.waitFor(() =>
      expect(labels()).toEqual(['Utilisateur SNMPv3 « parc » (SHA-256, AES)', 'Communauté SNMP v2c n° 1']),
    );
    expect(api.inputsOf('credentials:move')).toEqual([{ id: 1, direction: 'down' }]);

    fireEvent.click(
      screen.getByRole('button', { name: 'Supprimer Utilisateur SNMPv3 « parc » (SHA-256, AES)' }),
    );
    await vi.waitFor(() => expect(labels()).toEqual(['Communauté SNMP v2c n° 1']));
    expect(api.inputsOf('credentials:remove')).toEqual([{ id: 2 }]);
  });

  it('adds a community from a password field and clears the secret afterwards', async () => {
    api.state.credentials = [];
    await renderApp(api);
    expect(
      within(credentialsPanel()).getByText(
        'Aucun identifiant enregistré : l’analyse utilisera la communauté « public » par défaut. Ajoutez ici la communauté ou l’utilisateur SNMPv3 de vos appareils s’ils en ont un autre.',
      ),
    ).toBeTruthy();
    const community = within(credentialsPanel()).getByLabelText('Communauté');
    expect(community.getAttribute('type')).toBe('password');

    fireEvent.change(community, { target: { value: 'lycee-ro' } });
    fireEvent.click(within(credentialsPanel()).getByRole('button', { name: 'Ajouter' }));

    await within(credentialsPanel()).findByText('Communauté SNMP v2c n° 1');
    expect(api.inputsOf('credentials:add')).toEqual([
      { kind: 'community', version: '2c', community: 'lycee-ro' },
    ]);
    expect((community as HTMLInputElement).value).toBe('');
    expect(document.body.textContent).not.toContain('lycee-ro');
  });

  it('adds an SNMPv3 user with authentication and privacy', async () => {
    await renderApp(api);
    const panel = credentialsPanel();
    fireEvent.change(within(panel).getByRole('combobox', { name: 'Type d’identifiant' }), {
      target: { value: 'v3' },
    });
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Utilisateur' }), {
      target: { value: 'tice' },
    });
    fireEvent.change(within(panel).getByRole('combobox', { name: 'Authentification' }), {
      target: { value: 'sha256' },
    });
    fireEvent.change(within(panel).getByLabelText('Clé d’authentification'), {
      target: { value: 'auth-secret-1' },
    });
    fireEvent.change(within(panel).getByRole('combobox', { name: 'Chiffrement' }), {
      target: { value: 'des' },
    });
    fireEvent.change(within(panel).getByLabelText('Clé de chiffrement'), {
      target: { value: 'priv-secret-2' },
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Ajouter' }));

    await within(panel).findByText('Utilisateur SNMPv3 « tice » (SHA-256, DES)');
    expect(labels()).toEqual([
      'Communauté SNMP v2c n° 1',
      'Utilisateur SNMPv3 « parc » (SHA-256, AES)',
      'Utilisateur SNMPv3 « tice » (SHA-256, DES)',
    ]);
    expect(api.inputsOf('credentials:add')).toEqual([
      {
        kind: 'v3',
        user: 'tice',
        auth: { protocol: 'sha256', key: 'auth-secret-1' },
        priv: { protocol: 'des', key: 'priv-secret-2' },
      },
    ]);
  });

  it('refuses a short SNMPv3 key before calling the engine', async () => {
    await renderApp(api);
    const panel = credentialsPanel();
    fireEvent.change(within(panel).getByRole('combobox', { name: 'Type d’identifiant' }), {
      target: { value: 'v3' },
    });
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Utilisateur' }), {
      target: { value: 'tice' },
    });
    fireEvent.change(within(panel).getByLabelText('Clé d’authentification'), { target: { value: 'court' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Ajouter' }));

    expect((await within(panel).findByRole('alert')).textContent).toBe(
      'La clé d’authentification doit faire au moins 8 caractères.',
    );
    expect(api.inputsOf('credentials:add')).toEqual([]);
  });

  it('numbers communities in their order and words v1, SHA-1 and no privacy', async () => {
    api.state.credentials = [
      communitySummary(4, '1'),
      v3Summary(5, 'tice', 'sha', null),
      communitySummary(6),
    ];
    await renderApp(api);
    await within(credentialsPanel()).findByText('Communauté SNMP v1 n° 1');
    expect(labels()).toEqual([
      'Communauté SNMP v1 n° 1',
      'Utilisateur SNMPv3 « tice » (SHA-1, sans chiffrement)',
      'Communauté SNMP v2c n° 2',
    ]);
    fireEvent.change(screen.getByRole('combobox', { name: 'Langue' }), { target: { value: 'en' } });
    const english = await screen.findByRole('region', { name: 'SNMP credentials' });
    await within(english).findByText('SNMP v1 community no. 1');
    expect([...english.querySelectorAll('.credential-label')].map((item) => item.textContent)).toEqual([
      'SNMP v1 community no. 1',
      'SNMPv3 user “tice” (SHA-1, no privacy)',
      'SNMP v2c community no. 2',
    ]);
  });

  it('explains DES refusals with the form’s own words', async () => {
    api = createFakeParcApi(
      {},
      {
        'credentials:add': () =>
          fail('invalid-input', 'DES is not supported by this OpenSSL build', {
            reason: 'des-unsupported',
            params: { user: 'tice' },
          }),
      },
    );
    await renderApp(api);
    const panel = credentialsPanel();
    fireEvent.change(within(panel).getByRole('combobox', { name: 'Type d’identifiant' }), {
      target: { value: 'v3' },
    });
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Utilisateur' }), {
      target: { value: 'tice' },
    });
    fireEvent.change(within(panel).getByLabelText('Clé d’authentification'), {
      target: { value: 'auth-secret-1' },
    });
    fireEvent.change(within(panel).getByRole('combobox', { name: 'Chiffrement' }), {
      target: { value: 'des' },
    });
    fireEvent.change(within(panel).getByLabelText('Clé de chiffrement'), {
      target: { value: 'priv-secret-2' },
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Ajouter' }));
    expect((await within(panel).findByRole('alert')).textContent).toBe(
      'Le chiffrement DES n’est pas disponible sur ce poste. Choisissez AES dans « Chiffrement », ou « Aucun ».',
    );
  });

  it('shows an engine refusal in French', async () => {
    api = createFakeParcApi(
      {},
      { 'credentials:add': () => fail('failed', 'trousseau du système verrouillé') },
    );
    await renderApp(api);
    fireEvent.change(within(credentialsPanel()).getByLabelText('Communauté'), {
      target: { value: 'public' },
    });
    fireEvent.click(within(credentialsPanel()).getByRole('button', { name: 'Ajouter' }));
    expect((await within(credentialsPanel()).findByRole('alert')).textContent).toBe(
      'L’opération a échoué : trousseau du système verrouillé',
    );
  });
});
