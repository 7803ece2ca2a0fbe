import { describe, expect, it, vi } from 'vitest';
import { reverseName } from '../../../electron/engine/probes/reverse-dns';

// Every test injects `resolve`: the system resolver is never queried.
describe('reverseName', () => {
  it('returns the first PTR name', async () => {
    const resolve = vi.fn(async () => ['pc-b12-07.lycee.lan', 'alias.lycee.lan']);
    expect(await reverseName('10.42.3.17', { resolve, timeoutMs: 500 })).toBe('pc-b12-07.lycee.lan');
    expect(resolve).toHaveBeenCalledWith('10.42.3.17');
  });

  it('drops a trailing dot and skips empty names', async () => {
    const resolve = async () => ['', 'cdi-imp01.lycee.lan.'];
    expect(await reverseName('10.42.3.52', { resolve, timeoutMs: 500 })).toBe('cdi-imp01.lycee.lan');
  });

  it('gives null for an empty answer', async () => {
    expect(await reverseName('10.42.3.60', { resolve: async () => [], timeoutMs: 500 })).toBeNull();
  });

  it('gives null on NXDOMAIN or any error', async () => {
    const nxdomain = Object.assign(new Error('getHostByAddr ENOTFOUND 10.42.3.61'), { code: 'ENOTFOUND' });
    expect(
      await reverseName('10.42.3.61', { resolve: () => Promise.reject(nxdomain), timeoutMs: 500 }),
    ).toBeNull();
    const throwing = () => {
      throw new Error('synchronous failure');
    };
    expect(await reverseName('10.42.3.61', { resolve: throwing, timeoutMs: 500 })).toBeNull();
  });

  it('gives null when the resolver does not answer in time', async () => {
    const never = () => new Promise<string[]>(() => undefined);
    expect(await reverseName('10.42.3.62', { resolve: never, timeoutMs: 30 })).toBeNull();
  });

  it.each(['127.0.0.1', '127.78.0.11', '::1', 'not-an-ip', ''])('never queries for %j', async (ip) => {
    const resolve = vi.fn(async () => ['localhost']);
    expect(await reverseName(ip, { resolve, timeoutMs: 500 })).toBeNull();
    expect(resolve).not.toHaveBeenCalled();
  });
});
