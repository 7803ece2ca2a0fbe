import { describe, expect, it } from 'vitest';
import { compareIp, ipv4ToNumber } from '../../../shared/domain/ip-order';

describe('ipv4ToNumber', () => {
  it('reads dotted IPv4 addresses as numbers', () => {
    expect(ipv4ToNumber('0.0.0.0')).toBe(0);
    expect(ipv4ToNumber('10.0.0.9')).toBe(167772169);
    expect(ipv4ToNumber('255.255.255.255')).toBe(4294967295);
  });

  it('gives null for anything else', () => {
    for (const ip of [
      '10.0.0.256',
      '10.0.0',
      '10.0.0.1.2',
      '10..0.1',
      '.10.0.0.1',
      '10.0.0.1.',
      '1000.0.0.1',
      'fe80::1',
      'imprimante-cdi',
      '10.0.0.1 ',
      '',
    ])
      expect(ipv4ToNumber(ip), ip).toBeNull();
  });
});

describe('compareIp', () => {
  it('orders IPv4 numerically and puts the rest after, as text', () => {
    const ips = ['10.0.0.100', 'imprimante-cdi', '10.0.0.9', 'fe80::1', '9.255.255.255', '10.0.0.20'];
    expect([...ips].sort(compareIp)).toEqual([
      '9.255.255.255',
      '10.0.0.9',
      '10.0.0.20',
      '10.0.0.100',
      'fe80::1',
      'imprimante-cdi',
    ]);
  });
});
