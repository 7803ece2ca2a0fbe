import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { collectServer } from '../../../electron/engine/servers/collect';
import type { LocalSystemInfo } from '../../../electron/engine/servers/local';
import type { ServerConfig } from '../../../shared/domain/server';
import { fakeNetwork } from '../../helpers/fake-session';

/** A TCP port on 127.0.0.1 with nothing listening (SMB refused at once). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

const base = (smbPort: number): ServerConfig => ({
  id: 1,
  deviceId: 7,
  name: 'Scribe',
  address: '127.0.0.1',
  snmp: true,
  snmpPort: 161,
  smbShare: null,
  smbUser: null,
  smbPasswordSet: false,
  smbPort,
  local: false,
  services: ['smbd', 'winbindd'],
});

const AGENT = {
  '1.3.6.1.2.1.1.2.0': 'oid:1.3.6.1.4.1.8072.3.2.10',
  '1.3.6.1.2.1.1.1.0': 'Linux scribe',
  '1.3.6.1.2.1.1.3.0': 100,
  '1.3.6.1.2.1.25.1.1.0': 360_000,
  '1.3.6.1.2.1.25.2.3.1.2.31': 'oid:1.3.6.1.2.1.25.2.1.4',
  '1.3.6.1.2.1.25.2.3.1.3.31': '/home',
  '1.3.6.1.2.1.25.2.3.1.4.31': 4096,
  '1.3.6.1.2.1.25.2.3.1.5.31': 1_000_000,
  '1.3.6.1.2.1.25.2.3.1.6.31': 900_000,
  '1.3.6.1.2.1.25.2.3.1.2.1': 'oid:1.3.6.1.2.1.25.2.1.2',
  '1.3.6.1.2.1.25.2.3.1.3.1': 'Physical memory',
  '1.3.6.1.2.1.25.2.3.1.4.1': 1024,
  '1.3.6.1.2.1.25.2.3.1.5.1': 4_000_000,
  '1.3.6.1.2.1.25.2.3.1.6.1': 1_000_000,
  '1.3.6.1.2.1.25.4.2.1.2.10': 'smbd',
};

const now = () => new Date('2026-03-02T08:00:00Z');

describe('collectServer', () => {
  it('reads SNMP with the first credential the agent accepts, and reports SMB refused as a finding', async () => {
    const net = fakeNetwork({ '127.0.0.1': { communities: ['lycee-ro'], objects: AGENT } });
    const sample = await collectServer(base(await closedPort()), {
      openSession: net.factory,
      credentials: [
        { kind: 'community', version: '2c', community: 'public' },
        { kind: 'community', version: '2c', community: 'lycee-ro' },
      ],
      password: null,
      now,
      timeoutMs: 500,
    });
    expect(sample).toEqual({
      at: '2026-03-02T08:00:00.000Z',
      cpuPercent: null,
      cpuCount: null,
      load: null,
      memoryTotalBytes: 4_096_000_000,
      memoryAvailableBytes: 3_072_000_000,
      uptimeSeconds: 3600,
      volumes: [
        {
          name: '/home',
          sizeBytes: 4_096_000_000,
          usedBytes: 3_686_400_000,
          percent: 90,
          source: 'hr-storage',
        },
      ],
      services: [
        { name: 'smbd', running: true },
        { name: 'winbindd', running: false },
      ],
      smb: { reachable: false, dialect: null, listing: null, error: 'connection refused' },
      nas: null,
      problems: [],
    });
    expect(net.opened.map((o) => o.credential.kind === 'community' && o.credential.community)).toEqual([
      'public',
      'lycee-ro',
    ]);
  });

  it('never throws: a silent agent and a failing local source become problems', async () => {
    const net = fakeNetwork({});
    const si: LocalSystemInfo = {
      fsSize: async () => [
        { fs: '/dev/sda1', type: 'ext4', size: 1000, used: 250, mount: '/' },
        { fs: 'tmpfs', type: 'tmpfs', size: 1000, used: 0, mount: '/run' },
        { fs: '/dev/loop3', type: 'squashfs', size: 100, used: 100, mount: '/snap/core/1' },
      ],
      currentLoad: () => new Promise(() => {}), // never answers
      mem: async () => ({ total: 8000, available: 6000 }),
      time: () => ({ uptime: 1234.5 }),
      processes: async () => {
        throw new Error('ps failed');
      },
    };
    const sample = await collectServer(
      { ...base(await closedPort()), local: true, services: ['smbd'] },
      {
        openSession: net.factory,
        credentials: [{ kind: 'community', version: '2c', community: 'public' }],
        password: null,
        now,
        timeoutMs: 200,
        si,
      },
    );
    expect(sample.volumes).toEqual([
      { name: '/', sizeBytes: 1000, usedBytes: 250, percent: 25, source: 'local' },
    ]);
    expect(sample.memoryTotalBytes).toBe(8000);
    expect(sample.memoryAvailableBytes).toBe(6000);
    expect(sample.uptimeSeconds).toBe(1234);
    expect(sample.cpuPercent).toBeNull();
    expect(sample.services).toEqual([]);
    expect([...sample.problems].sort()).toEqual([
      'SNMP: no answer with any credential (timeout)',
      'local processes: ps failed',
      'local processor load: processor load timed out after 200 ms',
      'services: the process list could not be read',
    ]);
  });

  it('turns an agent that stops answering mid-poll into problems, keeping what it read', async () => {
    const net = fakeNetwork({ '127.0.0.1': { communities: ['public'], objects: AGENT, answers: 4 } });
    const sample = await collectServer(base(await closedPort()), {
      openSession: net.factory,
      credentials: [{ kind: 'community', version: '2c', community: 'public' }],
      password: null,
      now,
      timeoutMs: 200,
    });
    // Probe, UCD scalars and dskPath answered; hrStorageTable's second column did not.
    expect(sample.problems).toEqual([
      'SNMP hrStorageTable: no answer (timeout)',
      'SNMP HOST-RESOURCES-MIB system: no answer (timeout)',
      'SNMP NAS MIB: no answer (timeout)',
      'services: the process list could not be read',
    ]);
    expect(sample.volumes).toEqual([]);
    expect(sample.smb?.reachable).toBe(false);
  });
});
