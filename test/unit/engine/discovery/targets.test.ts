import { describe, expect, it } from 'vitest';
import {
  expandTargets,
  parseLiteralTarget,
  parseTargets,
} from '../../../../electron/engine/discovery/targets';
import { InputError } from '../../../../electron/engine/errors';

const addresses = async (targets: string[], options = {}) => [
  ...expandTargets(await parseTargets(targets, options)),
];

describe('parseTargets', () => {
  it('expands a CIDR without network and broadcast addresses', async () => {
    const list = await addresses(['192.168.1.0/30']);
    expect(list).toEqual(['192.168.1.1', '192.168.1.2']);
    expect((await parseTargets(['10.1.0.0/24'])).count).toBe(254);
  });

  it('keeps both addresses of a /31 and the one of a /32', async () => {
    expect(await addresses(['10.0.0.4/31'])).toEqual(['10.0.0.4', '10.0.0.5']);
    expect(await addresses(['10.0.0.9/32'])).toEqual(['10.0.0.9']);
  });

  it('reads ranges and single addresses and removes duplicates', async () => {
    expect(await addresses(['127.0.0.5-127.0.0.7', '127.0.0.6', '127.0.0.9'])).toEqual([
      '127.0.0.5',
      '127.0.0.6',
      '127.0.0.7',
      '127.0.0.9',
    ]);
  });

  it('resolves host names with the given resolver', async () => {
    const resolve = async (name: string) => (name === 'imprimante-cdi' ? ['10.2.3.4'] : []);
    expect(await addresses(['imprimante-cdi'], { resolve })).toEqual(['10.2.3.4']);
    await expect(parseTargets(['inconnu'], { resolve })).rejects.toThrow('could not be resolved');
  });

  it.each([
    ['300.1.2.3', 'not a valid IPv4'],
    ['10.0.0.0/33', '/0 to /32'],
    ['10.0.0.9-10.0.0.1', 'ends before it starts'],
    ['10.0.0', 'not a valid IPv4'],
    ['a b', 'not a valid address'],
    ['1.2.3.4/24/5', 'not a valid'],
  ])('refuses the malformed target %s', async (target, message) => {
    await expect(parseTargets([target])).rejects.toThrow(InputError);
    await expect(parseTargets([target])).rejects.toThrow(message);
  });

  it('refuses more than 65,536 addresses unless forced', async () => {
    await expect(parseTargets(['10.0.0.0/8'])).rejects.toThrow('needs --force');
    expect((await parseTargets(['10.0.0.0/8'], { force: true })).count).toBe(16_777_214);
    expect((await parseTargets(['10.0.0.0/16'])).count).toBe(65_534);
  });

  it('refuses public addresses unless allowed', async () => {
    await expect(parseTargets(['8.8.8.0/24'])).rejects.toThrow('--allow-public');
    await expect(parseTargets(['172.15.255.250-172.16.0.5'])).rejects.toThrow('public');
    expect((await parseTargets(['8.8.8.8'], { allowPublic: true })).count).toBe(1);
  });

  it.each([
    '10.4.0.0/16',
    '172.16.0.0/12',
    '192.168.10.0/24',
    '169.254.1.0/24',
    '100.64.0.0/24',
    '127.20.0.0/24',
  ])('accepts local space %s', async (target) => {
    await expect(parseTargets([target], { force: true })).resolves.toBeTruthy();
  });

  it('tells a host name from a literal', () => {
    expect(parseLiteralTarget('serveur-peda.lycee.local')).toBeNull();
    expect(parseLiteralTarget('10.0.0.1')).toEqual({ target: '10.0.0.1', first: 167772161, last: 167772161 });
  });
});

describe('overlapping targets', () => {
  it('count and scan each address once (a /25 inside the /24 adds nothing)', async () => {
    const parsed = await parseTargets(['127.20.0.0/25', '127.20.0.0/24', '127.20.0.10-127.20.0.20']);
    expect(parsed.count).toBe(254);
    const list = [...expandTargets(parsed)];
    expect(list).toHaveLength(254);
    expect(new Set(list).size).toBe(254);
    expect(list[0]).toBe('127.20.0.1');
  });

  it('takes each /24 in turn, every address once (a scan spreads its load over the subnets)', async () => {
    const parsed = await parseTargets(['10.1.0.250-10.1.2.2', '10.9.0.0/30']);
    const list = [...expandTargets(parsed)];
    expect(list.slice(0, 13)).toEqual([
      '10.1.0.250',
      '10.1.1.0',
      '10.1.2.0',
      '10.9.0.1',
      '10.1.0.251',
      '10.1.1.1',
      '10.1.2.1',
      '10.9.0.2',
      '10.1.0.252',
      '10.1.1.2',
      '10.1.2.2',
      '10.1.0.253',
      '10.1.1.3',
    ]);
    expect(list.at(-1)).toBe('10.1.1.255');
    expect(list).toHaveLength(parsed.count);
    expect(new Set(list).size).toBe(parsed.count);
  });

  it('quotes a long malformed target in 60 characters at most', async () => {
    const long = 'x'.repeat(5000) + '!';
    await expect(parseTargets([long])).rejects.toThrow(/^"x{59}…" is not a valid/);
  });
});
