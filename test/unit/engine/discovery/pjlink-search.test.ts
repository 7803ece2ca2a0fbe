import { describe, expect, it, vi } from 'vitest';
import {
  pjlinkSearch,
  searchBroadcasts,
  type SearchSocket,
} from '../../../../electron/engine/discovery/pjlink-search';
import { onlyLoopback, parseTargets } from '../../../../electron/engine/discovery/targets';
import { createEngine } from '../../../../electron/engine';
import type { InterfaceInfo } from '../../../../electron/engine/network/suggest';

const nic = (ip4: string, ip4subnet: string, over: Partial<InterfaceInfo> = {}): InterfaceInfo => ({
  iface: 'eth0',
  ip4,
  ip4subnet,
  internal: false,
  ...over,
});

describe('PJLink search: which subnets', () => {
  it('searches the subnets of this PC that the targets overlap, once each', async () => {
    const interfaces = [
      nic('10.12.0.5', '255.255.255.0'),
      nic('10.12.0.6', '255.255.255.0', { iface: 'eth1' }),
      nic('192.168.1.20', '255.255.255.0', { iface: 'wlan0' }),
      nic('127.0.0.1', '255.0.0.0', { iface: 'lo', internal: true }),
      nic('10.0.0.1', '255.0.0.0', { iface: 'big' }),
      nic('8.8.8.8', '255.255.255.0', { iface: 'public' }),
    ];
    expect(searchBroadcasts(interfaces, await parseTargets(['10.12.0.10-10.12.0.20'], {}))).toEqual([
      '10.12.0.255',
    ]);
    expect(searchBroadcasts(interfaces, await parseTargets(['10.12.0.0/16'], {}))).toEqual(['10.12.0.255']);
    expect(searchBroadcasts(interfaces, await parseTargets(['127.20.0.0/24'], {}))).toEqual([]);
    expect(searchBroadcasts(interfaces, await parseTargets(['192.168.1.30'], {}))).toEqual(['192.168.1.255']);
  });

  it('knows a loopback-only scan', async () => {
    expect(onlyLoopback(await parseTargets(['127.20.0.0/24', '127.77.0.5'], {}))).toBe(true);
    expect(onlyLoopback(await parseTargets(['127.20.0.0/24', '10.0.0.5'], {}))).toBe(false);
  });
});

describe('PJLink search: the exchange', () => {
  it('broadcasts %2SRCH and keeps the well-formed ACKN answers by address', async () => {
    const sent: [string, number, string][] = [];
    let deliver: (message: Buffer, from: string) => void = () => undefined;
    const close = vi.fn();
    const socket: SearchSocket = {
      send: (packet, port, address) => {
        sent.push([packet.toString('latin1'), port, address]);
        deliver(Buffer.from('%2ACKN=00:0A:0B:0C:0D:0E\r'), '10.12.0.40');
        deliver(Buffer.from('garbage'), '10.12.0.41');
      },
      onMessage: (listener) => (deliver = listener),
      close,
    };
    const found = await pjlinkSearch(['10.12.0.255'], { timeoutMs: 20, open: async () => socket });
    expect(sent).toEqual([['%2SRCH\r', 4352, '10.12.0.255']]);
    expect([...found]).toEqual([['10.12.0.40', '00:0a:0b:0c:0d:0e']]);
    expect(close).toHaveBeenCalledOnce();
  });

  it('opens no socket when there is nothing to search', async () => {
    const open = vi.fn();
    expect((await pjlinkSearch([], { timeoutMs: 20, open })).size).toBe(0);
    expect(open).not.toHaveBeenCalled();
  });

  it('a scan of loopback addresses never lists the interfaces (so never broadcasts)', async () => {
    const listInterfaces = vi.fn(async () => [nic('10.12.0.5', '255.255.255.0')]);
    const engine = createEngine({
      dbPath: ':memory:',
      listInterfaces,
      readNeighbours: async () => new Map(),
    });
    const handle = await engine.scan.start({
      targets: ['127.66.0.1'],
      credentials: [{ kind: 'community', version: '2c', community: 'public' }],
      port: 9,
      timeoutMs: 100,
      retries: 0,
    });
    await handle.done;
    engine.close();
    expect(listInterfaces).not.toHaveBeenCalled();
  });
});
