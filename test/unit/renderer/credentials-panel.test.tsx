import { fireEvent, screen, within } from '@testing-library/react';
import { fail } from '../../../shared/ipc/result';
import { createFakeParcApi, type FakeParcApi } from './fake-parc-api';
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
    credentials: [
      { id: 1, label: 'v2c community #1' },
      { id: 2, label: 'v3 user "parc" (sha/aes)' },
    ],
  });
});

describe('Credentials panel', () => {
  it('lists the labels and reorders and removes credentials', async () => {
    await renderApp(api);
    await within(credentialsPanel()).findByText('v2c community #1');
    expect(labels()).toEqual(['v2c community #1', 'v3 user "parc" (sha/aes)']);
    expect(screen.getByRole('button', { name: 'Monter v2c community #1' })).toHaveProperty('disabled', true);

    fireEvent.click(screen.getByRole('button', { name: 'Descendre v2c community #1' }));
    await vi.waitFor(() => expect(labels()).toEqual(['v3 user "parc" (sha/aes)', 'v2c community #1']));
    expect(api.inputsOf('credentials:move')).toEqual([{ id: 1, direction: 'down' }]);

    fireEvent.click(screen.getByRole('button', { name: 'Supprimer v3 user "parc" (sha/aes)' }));
    await vi.waitFor(() => expect(labels()).toEqual(['v2c community #1']));
    expect(api.inputsOf('credentials:remove')).toEqual([{ id: 2 }]);
  });

  it('adds a community from a password field and clears the secret afterwards', async () => {
    api.state.credentials = [];
    await renderApp(api);
    expect(within(credentialsPanel()).getByText(/Aucun identifiant/)).toBeTruthy();
    const community = within(credentialsPanel()).getByLabelText('Communauté');
    expect(community.getAttribute('type')).toBe('password');

    fireEvent.change(community, { target: { value: 'lycee-ro' } });
    fireEvent.click(within(credentialsPanel()).getByRole('button', { name: 'Ajouter' }));

    await within(credentialsPanel()).findByText('v2c community #1');
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

    await within(panel).findByText('v3 user "tice" (sha256/des)');
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
