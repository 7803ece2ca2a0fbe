import { act, fireEvent, screen, within } from '@testing-library/react';
import type { ScanSummary } from '../../../shared/domain/scan';
import { fail, type InputReason } from '../../../shared/ipc/result';
import { createFakeParcApi, makeDevice, type FakeParcApi } from './fake-parc-api';
import { findDeviceDetail, renderApp } from './render-app';

let api: FakeParcApi;

function refuseWith(
  reason: InputReason,
  params: Record<string, string | number> | undefined,
  message: string,
) {
  return createFakeParcApi(
    {},
    { 'scan:start': () => fail('invalid-input', message, { reason, ...(params ? { params } : {}) }) },
  );
}

async function scan(targets: string) {
  fireEvent.change(screen.getByRole('textbox', { name: 'Plages à analyser' }), {
    target: { value: targets },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Scanner' }));
  return (await screen.findByRole('alert')).textContent;
}

describe('Réseau: scan refusals in the UI language', () => {
  const cases: Array<[InputReason, Record<string, string | number> | undefined, string]> = [
    [
      'public-addresses',
      { target: '8.8.8.0/24' },
      '"8.8.8.0/24" contient des adresses publiques. Cochez « Autoriser les adresses publiques » pour les analyser quand même.',
    ],
    [
      'too-many-addresses',
      { count: 16777214, max: 65536 },
      '16\u202f777\u202f214 adresses à analyser, c’est plus que la limite de 65\u202f536. Réduisez les plages, ou cochez « Forcer » pour lancer l’analyse quand même (elle sera longue).',
    ],
    [
      'malformed-target',
      { target: '10.0.0.300' },
      '"10.0.0.300" n’est ni une adresse, ni une plage, ni un réseau valide. Exemples : 10.1.2.0/24, 10.1.2.10-10.1.2.50, 10.1.2.3 ou un nom d’hôte.',
    ],
    [
      'prefix-out-of-range',
      { target: '10.0.0.0/33' },
      '"10.0.0.0/33" : le préfixe d’un réseau va de /0 à /32 (par exemple 10.1.2.0/24).',
    ],
    [
      'range-reversed',
      { target: '10.0.0.50-10.0.0.10' },
      '"10.0.0.50-10.0.0.10" : la plage se termine avant de commencer. Écrivez d’abord la plus petite adresse (par exemple 10.1.2.10-10.1.2.50).',
    ],
    [
      'unresolved-host',
      { target: 'imprimante-cdi' },
      'Le nom d’hôte "imprimante-cdi" est introuvable. Vérifiez son orthographe ou indiquez son adresse IP.',
    ],
    ['no-targets', undefined, 'Indiquez au moins une plage à analyser.'],
  ];

  it.each(cases)('says %s in French, never the English message', async (reason, params, expected) => {
    api = refuseWith(reason, params, 'ENGLISH ENGINE MESSAGE');
    await renderApp(api);
    const text = await scan(String(params?.target ?? '10.0.0.0/8'));
    expect(text).toBe(expected);
    expect(text).not.toContain('ENGLISH');
  });

  it('says it in English after the switch', async () => {
    api = refuseWith('public-addresses', { target: '8.8.8.0/24' }, 'includes public addresses');
    await renderApp(api);
    fireEvent.change(screen.getByRole('combobox', { name: 'Langue' }), { target: { value: 'en' } });
    fireEvent.change(await screen.findByRole('textbox', { name: 'Ranges to scan' }), {
      target: { value: '8.8.8.0/24' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Scan' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      '"8.8.8.0/24" includes public addresses. Tick “Allow public addresses” to scan them anyway.',
    );
  });

  it('falls back to the engine message when there is no reason', async () => {
    api = createFakeParcApi({}, { 'scan:start': () => fail('busy', 'a scan is already running') });
    await renderApp(api);
    expect(await scan('10.0.0.0/24')).toBe('Une autre opération est en cours : a scan is already running');
  });

  it('clears the previous summary when a new scan is refused', async () => {
    let refuse = false;
    api = createFakeParcApi(
      {},
      {
        'scan:start': () =>
          refuse
            ? fail('invalid-input', 'public', {
                reason: 'public-addresses',
                params: { target: '8.8.8.0/24' },
              })
            : { ok: true, value: { scanId: 1 } },
      },
    );
    await renderApp(api);
    fireEvent.change(screen.getByRole('textbox', { name: 'Plages à analyser' }), {
      target: { value: '10.0.0.0/24' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Scanner' }));
    await screen.findByRole('progressbar');
    const finished: ScanSummary = {
      id: 1,
      targets: ['10.0.0.0/24'],
      status: 'done',
      startedAt: '2026-11-29T13:00:00.000Z',
      finishedAt: '2026-11-29T13:02:00.000Z',
      addressCount: 254,
      respondedCount: 2,
      newCount: 2,
      updatedCount: 0,
      missingCount: 0,
      problems: [],
    };
    act(() => api.emit('scan:finished', finished));
    expect(await screen.findByText(/^Analyse terminée/)).toBeTruthy();

    refuse = true;
    expect(await scan('8.8.8.0/24')).toMatch(/^"8.8.8.0\/24" contient des adresses publiques/);
    expect(screen.queryByText(/^Analyse terminée/)).toBeNull();
  });
});

describe('Réseau: devices table', () => {
  beforeEach(() => {
    api = createFakeParcApi({
      devices: [
        makeDevice({ id: 1, ip: '10.0.0.20', type: 'printer', sysName: 'IMP-CDI', room: 'CDI' }),
        makeDevice({ id: 2, ip: '10.0.0.3', type: 'switch', sysName: 'SW-B' }),
        makeDevice({ id: 3, ip: '10.0.0.100', type: 'projector', sysName: 'VP-B12', room: 'B12' }),
      ],
    });
  });

  function shownNames(): string[] {
    return within(screen.getByRole('table', { name: 'Appareils' }))
      .queryAllByRole('row')
      .slice(1)
      .map((row) => row.querySelector('.col-name button')?.textContent ?? '');
  }

  it('finds devices by the French word of their type, and by the English one in English', async () => {
    await renderApp(api);
    await screen.findByRole('button', { name: 'IMP-CDI' });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Rechercher' }), {
      target: { value: 'imprimante' },
    });
    expect(shownNames()).toEqual(['IMP-CDI']);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Rechercher' }), {
      target: { value: 'videoproj' },
    });
    expect(shownNames()).toEqual(['VP-B12']);

    fireEvent.change(screen.getByRole('combobox', { name: 'Langue' }), { target: { value: 'en' } });
    fireEvent.change(await screen.findByRole('searchbox', { name: 'Search' }), {
      target: { value: 'printer' },
    });
    expect(
      within(screen.getByRole('table', { name: 'Devices' }))
        .queryAllByRole('row')
        .slice(1)
        .map((row) => row.querySelector('.col-name button')?.textContent),
    ).toEqual(['IMP-CDI']);
  });

  it('gives long values a tooltip and keeps the engine limits on room and notes', async () => {
    await renderApp(api);
    const nameButton = await screen.findByRole('button', { name: 'IMP-CDI' });
    expect(nameButton.getAttribute('title')).toBe('IMP-CDI');
    const row = nameButton.closest('tr')!;
    expect(row.querySelector('.col-room span')?.getAttribute('title')).toBe('CDI');
    expect(row.querySelector('.col-type .device-type')?.getAttribute('title')).toBe('Imprimante');

    fireEvent.click(nameButton);
    const detail = await findDeviceDetail('IMP-CDI');
    expect(within(detail).getByRole('textbox', { name: 'Salle' }).getAttribute('maxlength')).toBe('100');
    expect(within(detail).getByRole('textbox', { name: 'Notes' }).getAttribute('maxlength')).toBe('5000');
  });

  it('keeps an unsaved room when another device is selected, and offers to go back', async () => {
    await renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: 'IMP-CDI' }));
    let detail = await findDeviceDetail('IMP-CDI');
    fireEvent.change(within(detail).getByRole('textbox', { name: 'Salle' }), { target: { value: 'B14' } });
    expect(within(detail).getByText('Modifications non enregistrées.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'SW-B' }));
    detail = await findDeviceDetail('SW-B');
    expect(within(detail).getByText('Modifications non enregistrées sur un autre appareil :')).toBeTruthy();
    expect((within(detail).getByRole('textbox', { name: 'Salle' }) as HTMLInputElement).value).toBe('');

    fireEvent.click(within(detail).getByRole('button', { name: 'Revenir à IMP-CDI' }));
    detail = await findDeviceDetail('IMP-CDI');
    expect((within(detail).getByRole('textbox', { name: 'Salle' }) as HTMLInputElement).value).toBe('B14');
    fireEvent.click(within(detail).getByRole('button', { name: 'Enregistrer' }));
    await within(detail).findByText('Enregistré.');
    expect(api.inputsOf('inventory:update')).toEqual([{ id: 1, room: 'B14', notes: null }]);
    expect(within(detail).queryByText('Modifications non enregistrées.')).toBeNull();
  });
});
