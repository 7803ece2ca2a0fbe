import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { LogFields, Logger } from '../../../electron/engine/log';
import {
  parseNeighbourTable,
  readNeighbourCache,
  type NeighbourTableFormat,
} from '../../../electron/engine/probes/neighbours';

const fixture = (name: string): string =>
  readFileSync(join(__dirname, '../../fixtures/neighbours', name), 'utf8');

const GATEWAY = { ip: '10.42.3.1', mac: '00:1a:2b:3c:4d:5e' };
const PC = { ip: '10.42.3.17', mac: '3c:52:82:0a:1b:2c' };
const PRINTER = { ip: '10.42.3.52', mac: '00:80:77:aa:bb:cc' };

describe('parseNeighbourTable', () => {
  const cases: [string, NeighbourTableFormat, { ip: string; mac: string }[]][] = [
    [
      'linux-proc-net-arp.txt',
      'proc-net-arp',
      [GATEWAY, PC, PRINTER, { ip: '172.17.0.2', mac: '02:42:ac:11:00:02' }],
    ],
    [
      'linux-ip-neigh.txt',
      'ip-neigh',
      [GATEWAY, PC, PRINTER, { ip: '10.42.3.60', mac: '64:00:6a:12:34:56' }],
    ],
    [
      'windows-arp-en.txt',
      'windows-arp',
      [GATEWAY, PC, PRINTER, { ip: '192.168.56.101', mac: '08:00:27:9e:51:02' }],
    ],
    ['windows-arp-fr.txt', 'windows-arp', [GATEWAY, PC, PRINTER]],
    [
      'macos-arp-an.txt',
      'macos-arp',
      [GATEWAY, PC, PRINTER, { ip: '169.254.12.7', mac: '08:00:27:9e:51:02' }],
    ],
  ];
  it.each(cases)('%s (%s): complete unicast entries only, MACs normalised', (file, format, expected) => {
    expect(parseNeighbourTable(fixture(file), format)).toEqual(expected);
  });

  it('skips incomplete, FAILED, zero, broadcast and multicast entries', () => {
    const text = [
      '10.0.0.2 dev eth0 lladdr 00:00:00:00:00:00 STALE',
      '10.0.0.3 dev eth0 lladdr ff:ff:ff:ff:ff:ff PERMANENT',
      '10.0.0.4 dev eth0 lladdr 01:00:5e:00:00:01 STALE',
      '10.0.0.5 dev eth0 lladdr 33:33:00:00:00:01 STALE',
      '224.0.0.1 dev eth0 lladdr 00:11:22:33:44:55 NOARP',
      '255.255.255.255 dev eth0 lladdr 00:11:22:33:44:55 NOARP',
      '10.0.0.6 dev eth0 lladdr 00:11:22:33:44:56 FAILED',
      '10.0.0.7 dev eth0  INCOMPLETE',
      '10.0.0.999 dev eth0 lladdr 00:11:22:33:44:57 STALE',
      '10.0.0.8 dev ib0 lladdr 80:00:00:48:fe:80:00:00:00:00:00:00:00:02:c9:03:00:0a:1b:2c REACHABLE',
      '10.0.0.9 dev eth0 lladdr 00:11:22:33:44:58 REACHABLE',
    ].join('\n');
    expect(parseNeighbourTable(text, 'ip-neigh')).toEqual([{ ip: '10.0.0.9', mac: '00:11:22:33:44:58' }]);
  });

  it('ignores text in the wrong format, blank text and headers', () => {
    expect(parseNeighbourTable(fixture('windows-arp-en.txt'), 'macos-arp')).toEqual([]);
    expect(parseNeighbourTable('', 'proc-net-arp')).toEqual([]);
    expect(parseNeighbourTable(fixture('linux-proc-net-arp.txt').split('\n')[0], 'proc-net-arp')).toEqual([]);
  });

  it('keeps an IP listed on two interfaces twice, in order', () => {
    const text =
      '? (10.0.0.1) at 0:1:2:3:4:5 on en0 [ethernet]\n? (10.0.0.1) at 0:1:2:3:4:6 on en1 [ethernet]\n';
    expect(parseNeighbourTable(text, 'macos-arp')).toEqual([
      { ip: '10.0.0.1', mac: '00:01:02:03:04:05' },
      { ip: '10.0.0.1', mac: '00:01:02:03:04:06' },
    ]);
  });
});

describe('readNeighbourCache', () => {
  const logger = () => {
    const warn = vi.fn<(message: string, fields?: LogFields) => void>();
    const log: Logger = { debug: vi.fn(), info: vi.fn(), warn, error: vi.fn() };
    return {
      log,
      warned: () => String(warn.mock.calls[0]?.[1]?.reason),
      warnings: () => warn.mock.calls.length,
    };
  };
  const fail = (message: string) => () => Promise.reject(new Error(message));

  it('reads /proc/net/arp on Linux without running anything', async () => {
    const readFile = vi.fn(async () => fixture('linux-proc-net-arp.txt'));
    const run = vi.fn(fail('must not run'));
    const map = await readNeighbourCache({ platform: 'linux', readFile, run });
    expect(readFile).toHaveBeenCalledWith('/proc/net/arp');
    expect(run).not.toHaveBeenCalled();
    expect(Object.fromEntries(map)).toEqual({
      '10.42.3.1': GATEWAY.mac,
      '10.42.3.17': PC.mac,
      '10.42.3.52': PRINTER.mac,
      '172.17.0.2': '02:42:ac:11:00:02',
    });
  });

  it('falls back to `ip -4 neigh show` when /proc/net/arp cannot be read', async () => {
    const run = vi.fn(async () => fixture('linux-ip-neigh.txt'));
    const map = await readNeighbourCache({
      platform: 'linux',
      readFile: fail('ENOENT'),
      run,
      timeoutMs: 1234,
    });
    expect(run).toHaveBeenCalledWith('ip', ['-4', 'neigh', 'show'], 1234);
    expect(map.get('10.42.3.60')).toBe('64:00:6a:12:34:56');
    expect(map.size).toBe(4);
  });

  it('runs ARP.EXE -a on Windows (French output)', async () => {
    const run = vi.fn(async () => fixture('windows-arp-fr.txt'));
    const readFile = vi.fn(fail('must not read'));
    const map = await readNeighbourCache({ platform: 'win32', readFile, run });
    expect(run).toHaveBeenCalledWith(expect.stringMatching(/System32[\\/]ARP\.EXE$/), ['-a'], 5000);
    expect(readFile).not.toHaveBeenCalled();
    expect([...map.keys()]).toEqual(['10.42.3.1', '10.42.3.17', '10.42.3.52']);
  });

  it('runs /usr/sbin/arp -an on macOS, first entry winning for a repeated IP', async () => {
    const text = fixture('macos-arp-an.txt') + '? (10.42.3.1) at 0:1:2:3:4:5 on en1 [ethernet]\n';
    const run = vi.fn(async () => text);
    const map = await readNeighbourCache({ platform: 'darwin', run, timeoutMs: 500 });
    expect(run).toHaveBeenCalledWith('/usr/sbin/arp', ['-an'], 500);
    expect(map.get('10.42.3.1')).toBe(GATEWAY.mac);
    expect(map.get('10.42.3.17')).toBe(PC.mac);
  });

  it('never rejects: an empty map, and the reasons in a warning', async () => {
    const { log, warned, warnings } = logger();
    const map = await readNeighbourCache({
      platform: 'linux',
      readFile: fail('EACCES: permission denied'),
      run: fail('spawn ip ENOENT'),
      log,
    });
    expect(map.size).toBe(0);
    expect(warnings()).toBe(1);
    const reason = warned();
    expect(reason).toContain('/proc/net/arp: EACCES: permission denied');
    expect(reason).toContain('ip -4 neigh show: spawn ip ENOENT');
  });

  it('never rejects on Windows either, even when the runner throws synchronously', async () => {
    const { log, warned } = logger();
    const run = () => {
      throw new Error('spawn EPERM');
    };
    expect((await readNeighbourCache({ platform: 'win32', run, log })).size).toBe(0);
    expect(warned()).toMatch(/ARP\.EXE -a: spawn EPERM/);
  });
});
