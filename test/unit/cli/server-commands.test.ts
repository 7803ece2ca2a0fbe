import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../electron/cli/run';
import { formatBytes } from '../../../electron/cli/server-commands';
import { fakeNetwork } from '../../helpers/fake-session';

const PASSWORD = 'Lyc33-r0-secret';

/** A TCP port on 127.0.0.1 that nothing listens on (bound, read, closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** An SNMP agent at 127.0.0.1 (in memory) with one 4 GB volume at 60 %, and load averages. */
const network = () =>
  fakeNetwork({
    '127.0.0.1': {
      communities: ['public'],
      objects: {
        '1.3.6.1.2.1.1.1.0': 'Linux scribe 6.1.0 x86_64',
        '1.3.6.1.2.1.1.2.0': 'oid:1.3.6.1.4.1.8072.3.2.10',
        '1.3.6.1.2.1.1.3.0': 360000,
        '1.3.6.1.2.1.1.5.0': 'scribe',
        '1.3.6.1.2.1.25.2.3.1.1.31': 31,
        '1.3.6.1.2.1.25.2.3.1.2.31': 'oid:1.3.6.1.2.1.25.2.1.4',
        '1.3.6.1.2.1.25.2.3.1.3.31': '/srv/pedago',
        '1.3.6.1.2.1.25.2.3.1.4.31': 4096,
        '1.3.6.1.2.1.25.2.3.1.5.31': 1_000_000,
        '1.3.6.1.2.1.25.2.3.1.6.31': 600_000,
      },
    },
  });

async function parc(args: string[], extra: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(args, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: {},
    ...extra,
  });
  return { status, out: out.join(''), err: err.join('') };
}

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'parc-server-cli-')), 'parc.db');

describe('parc server', () => {
  it('adds with the password from PARC_SMB_PASSWORD only, lists, polls, shows the status and removes', async () => {
    const db = tempDb();
    const smbPort = await closedPort();
    const added = await parc(
      [
        'server',
        'add',
        '--address',
        '127.0.0.1',
        '--name',
        'Scribe',
        '--smb-port',
        String(smbPort),
        '--share',
        'pedago',
        '--user',
        'parc',
        '--service',
        'smbd',
        '--service',
        'nmbd',
        '--db',
        db,
      ],
      { env: { PARC_SMB_PASSWORD: PASSWORD } },
    );
    expect(added.err).toBe('');
    expect(added.status).toBe(0);
    expect(added.out).toContain('Scribe  127.0.0.1');
    expect(added.out).toContain('user parc (password set)');
    expect(added.out).not.toContain(PASSWORD);

    // --db before or after the subcommand.
    for (const args of [
      ['server', 'list', '--json', '--db', db],
      ['server', '--db', db, 'list', '--json'],
    ]) {
      const listed = await parc(args);
      expect(listed.status).toBe(0);
      const { servers } = JSON.parse(listed.out) as { servers: Array<Record<string, unknown>> };
      expect(servers).toEqual([
        {
          id: 1,
          deviceId: null,
          name: 'Scribe',
          address: '127.0.0.1',
          snmp: true,
          snmpPort: 161,
          smbShare: 'pedago',
          smbUser: 'parc',
          smbPasswordSet: true,
          smbPort,
          local: false,
          services: ['smbd', 'nmbd'],
        },
      ]);
    }

    const engineOptions = { openSession: network().factory };
    const polled = await parc(['server', '--db', db, 'poll'], { engineOptions });
    expect(polled.status).toBe(0);
    expect(polled.err).toContain('poll: 1 servers read, 0 failed');

    const shown = await parc(['server', 'status', '--json', '--db', db]);
    expect(shown.status).toBe(0);
    const [server] = (JSON.parse(shown.out) as { servers: Array<Record<string, unknown>> }).servers;
    // Nothing listens on the SMB port: unreachable, so red with an SMB alert.
    expect(server).toMatchObject({
      id: 1,
      name: 'Scribe',
      ip: '127.0.0.1',
      state: 'critical',
      smb: { reachable: false },
      alerts: [{ code: 'smb-unreachable', severity: 'critical', endedAt: null }],
    });
    expect(server.volumes).toEqual([
      expect.objectContaining({
        mount: '/srv/pedago',
        sizeBytes: 4096e6,
        usedBytes: 4096 * 600_000,
        percent: 60,
        fullInDays: null,
        state: 'ok',
      }),
    ]);
    expect(shown.out).not.toContain(PASSWORD);

    const text = await parc(['server', 'status', '1', '--db', db]);
    expect(text.out).toContain('[rouge / critical]');
    expect(text.out).toContain('/srv/pedago: 2.3 GiB / 3.8 GiB (60.0%) [ok]');
    expect(text.out).toContain('ALERT critical: smb-unreachable');

    expect((await parc(['server', 'remove', '1', '--db', db])).status).toBe(0);
    expect((await parc(['server', 'list', '--db', db])).out).toContain('No file server watched');
    const missing = await parc(['server', 'remove', '1', '--db', db]);
    expect(missing.status).toBe(1);
    expect(missing.err).toContain('No watched server with id 1');
  });

  it('refuses bad input with exit status 2', async () => {
    const db = tempDb();
    const noAddress = await parc(['server', 'add', '--db', db]);
    expect(noAddress.status).toBe(2);
    expect(noAddress.err).toContain('give --address A or --device ID');
    expect(
      (await parc(['server', 'add', '--address', '127.0.0.1', '--smb-port', '70000', '--db', db])).status,
    ).toBe(2);
    expect((await parc(['server', 'add', '--address', 'not an address', '--db', db])).status).toBe(2);
    expect((await parc(['server', 'remove', 'x1', '--db', db])).status).toBe(2);
  });

  it('formats bytes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(2 * 2 ** 40)).toBe('2.0 TiB');
  });
});
