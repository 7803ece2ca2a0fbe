import { makeDevice } from './fake-parc-api';
import { filterDevices } from '../../../renderer/src/stores/device-filter';
import { addTarget, parseTargets } from '../../../renderer/src/lib/targets';
import { formatDateTime, splitUptime } from '../../../renderer/src/lib/format';

describe('parseTargets / addTarget', () => {
  it('splits on lines and commas, trims and removes duplicates', () => {
    expect(parseTargets(' 10.0.0.0/24,10.0.1.1-10.0.1.20\n\n 10.0.0.0/24 ; srv-pedago \n')).toEqual([
      '10.0.0.0/24',
      '10.0.1.1-10.0.1.20',
      'srv-pedago',
    ]);
    expect(parseTargets('  \n , ')).toEqual([]);
  });

  it('adds a target on its own line only once', () => {
    expect(addTarget('', '192.168.1.0/24')).toBe('192.168.1.0/24');
    expect(addTarget('10.0.0.0/24\n', '192.168.1.0/24')).toBe('10.0.0.0/24\n192.168.1.0/24');
    expect(addTarget('10.0.0.0/24, 192.168.1.0/24', '192.168.1.0/24')).toBe('10.0.0.0/24, 192.168.1.0/24');
  });
});

describe('filterDevices', () => {
  const devices = [
    makeDevice({ id: 1, ip: '10.0.0.1', type: 'printer', room: 'Salle des profs', mac: 'aa:bb:cc:dd:ee:01' }),
    makeDevice({ id: 2, ip: '10.0.0.2', type: 'projector', vendor: 'Epson', room: 'B12' }),
    makeDevice({ id: 3, ip: '10.0.1.2', type: 'printer', serial: 'XK-7781', room: 'Équipe EPS' }),
  ];
  const ids = (list: readonly { id: number }[]) => list.map((d) => d.id);

  it('matches every word, ignoring case and accents, in any searchable field', () => {
    expect(ids(filterDevices(devices, 'salle profs', null))).toEqual([1]);
    expect(ids(filterDevices(devices, 'equipe', null))).toEqual([3]);
    expect(ids(filterDevices(devices, 'aabbccddee01', null))).toEqual([1]);
    expect(ids(filterDevices(devices, 'xk-77', null))).toEqual([3]);
    expect(ids(filterDevices(devices, '10.0.0.', null))).toEqual([1, 2]);
  });

  it('combines the search with the type filter', () => {
    expect(ids(filterDevices(devices, '', 'printer'))).toEqual([1, 3]);
    expect(ids(filterDevices(devices, '10.0.0', 'printer'))).toEqual([1]);
    expect(filterDevices(devices, '  ', null)).toBe(devices);
  });
});

describe('format', () => {
  it('splits an uptime into days and hours', () => {
    expect(splitUptime(3 * 86400 + 5 * 3600 + 3599)).toEqual({ days: 3, hours: 5 });
    expect(splitUptime(null)).toBeNull();
  });

  it('keeps an invalid date as given', () => {
    expect(formatDateTime('pas une date', 'fr-FR')).toBe('pas une date');
  });
});
