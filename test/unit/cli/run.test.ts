import { getCiphers } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { fakeNetwork } from '../../helpers/fake-session';

const printer = {
  communities: ['public'],
  objects: {
    '1.3.6.1.2.1.1.1.0': 'Generic printer',
    '1.3.6.1.2.1.1.2.0': 'oid:1.3.6.1.4.1.8072.3.2.10',
    '1.3.6.1.2.1.1.3.0': 4200,
    '1.3.6.1.2.1.1.5.0': 'IMP-B12',
    '1.3.6.1.2.1.25.3.2.1.2.1': 'oid:1.3.6.1.2.1.25.3.1.5',
    '1.3.6.1.2.1.43.5.1.1.17.1': 'SN-B12-0001',
  },
};

function cli(args: string[], network = fakeNetwork({ '127.0.0.10': printer })) {
  const out: string[] = [];
  const err: string[] = [];
  const db = join(mkdtempSync(join(tmpdir(), 'parc-cli-')), 'parc.db');
  const run = (more: string[] = args) =>
    runCli([...more, '--db', db], {
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      engineOptions: { openSession: network.factory },
    });
  return { run, out, err, network, db };
}

describe('parc scan: bad input ends with exit 2 before a single packet', () => {
  it.each([
    [['300.1.2.3'], 'not a valid IPv4 address'],
    [['10.0.0.0/8'], 'needs --force'],
    [['8.8.8.0/24'], '--allow-public'],
    [['127.0.0.1', '--timeout', 'soon'], '--timeout takes a whole number'],
    [['127.0.0.1', '--v3-user', 'parc'], 'SNMPv3 needs'],
    [['127.0.0.1', '--v3-user', 'parc', '--v3-auth', 'rot13:abcdefgh'], 'Unknown SNMPv3 authentication'],
  ])('parc scan %j', async (args, message) => {
    const c = cli(['scan', ...args, '-c', 'public']);
    expect(await c.run()).toBe(2);
    const stderr = c.err.join('');
    expect(stderr).toContain(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(c.network.opened).toHaveLength(0);
  });

  it("an empty --db is exit 2, never the user's own database", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const status = await runCli(['devices', '--db', ''], {
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
    });
    expect(status).toBe(2);
    expect(err.join('')).toContain('--db needs a file name');
    expect(out).toEqual([]);
  });

  it('an unknown option is exit 2', async () => {
    const c = cli(['scan', '127.0.0.1', '--bogus']);
    expect(await c.run()).toBe(2);
    expect(c.network.opened).toHaveLength(0);
  });
});

describe('parc scan and parc devices', () => {
  it('prints the devices found as JSON with every field and null for absent values', async () => {
    const c = cli(['scan', '127.0.0.8-127.0.0.12', '-c', 'public', '--json']);
    expect(await c.run()).toBe(0);
    const doc = JSON.parse(c.out.join(''));
    expect(doc.scan).toMatchObject({ status: 'done', addressCount: 5, respondedCount: 1, newCount: 1 });
    expect(doc.devices).toHaveLength(1);
    expect(Object.keys(doc.devices[0])).toEqual(
      expect.arrayContaining([
        'id',
        'ip',
        'type',
        'vendor',
        'model',
        'serial',
        'mac',
        'sysName',
        'sysDescr',
        'sysObjectID',
        'sysLocation',
        'sysContact',
        'firmware',
        'uptimeSeconds',
        'firstSeen',
        'lastSeen',
      ]),
    );
    expect(doc.devices[0]).toMatchObject({
      ip: '127.0.0.10',
      type: 'printer',
      serial: 'SN-B12-0001',
      sysName: 'IMP-B12',
      sysContact: null,
      uptimeSeconds: 42,
    });
    expect(c.err.join('')).toContain('scan: 5/5 addresses, 1 devices');
    // The printer is read once every address is swept.
    expect(c.err.join('')).toContain('scan: 1/1 printers read');
  });

  it('never prints the community', async () => {
    const c = cli(['scan', '127.0.0.10', '-c', 'tres-secret-42', '-c', 'public', '--json']);
    expect(await c.run()).toBe(0);
    expect(c.out.join('') + c.err.join('')).not.toContain('tres-secret-42');
  });

  it('a second identical scan keeps one device and moves lastSeen; devices lists it', async () => {
    const c = cli(['scan', '127.0.0.10', '-c', 'public', '--json']);
    await c.run();
    const first = JSON.parse(c.out.join('')).devices[0];
    c.out.length = 0;
    await new Promise((r) => setTimeout(r, 5));
    await c.run();
    const second = JSON.parse(c.out.join('')).devices[0];
    expect(second.id).toBe(first.id);
    expect(second.firstSeen).toBe(first.firstSeen);
    expect(second.lastSeen > first.lastSeen).toBe(true);
    c.out.length = 0;
    expect(await c.run(['devices', '--json'])).toBe(0);
    expect(JSON.parse(c.out.join('')).devices).toHaveLength(1);
    c.out.length = 0;
    expect(await c.run(['devices', '--type', 'switch', '--json'])).toBe(0);
    expect(JSON.parse(c.out.join('')).devices).toHaveLength(0);
  });

  it('prints a table by default', async () => {
    const c = cli(['scan', '127.0.0.10', '-c', 'public']);
    expect(await c.run()).toBe(0);
    const lines = c.out.join('').trim().split('\n');
    expect(lines[0]).toMatch(/^IP\s+TYPE\s+VENDOR\s+MODEL\s+SERIAL\s+MAC\s+NAME\s+OS$/);
    expect(lines[1]).toMatch(/^127\.0\.0\.10\s+printer\s/);
  });

  it('refuses an unknown device type with exit 2', async () => {
    const c = cli(['devices', '--type', 'toaster']);
    expect(await c.run()).toBe(2);
  });
});

describe('parc scan with SNMPv3 DES', () => {
  it('accepts DES where OpenSSL can do it (bin/parc.js and the tests load the legacy provider)', async () => {
    expect(getCiphers()).toContain('des-cbc');
    const args = [
      'scan',
      '127.0.0.10',
      '--v3-user',
      'parc',
      '--v3-auth',
      'sha:authkey-123',
      '--v3-priv',
      'des:privkey-123',
    ];
    const c = cli(args);
    expect(await c.run()).toBe(0);
    expect(c.network.opened.map((o) => o.credential)).toEqual([
      {
        kind: 'v3',
        user: 'parc',
        auth: { protocol: 'sha', key: 'authkey-123' },
        priv: { protocol: 'des', key: 'privkey-123' },
      },
    ]);
  });
});

describe('parc scan with a wrong community', () => {
  it('warns that nothing answered when known devices go missing', async () => {
    const c = cli(['scan', '127.0.0.10', '-c', 'public']);
    expect(await c.run()).toBe(0);
    c.err.length = 0;
    expect(await c.run(['scan', '127.0.0.10', '-c', 'wrong'])).toBe(0);
    expect(c.err.join('')).toContain('1 missing');
    expect(c.err.join('')).toContain('warning: no device answered');
  });
});

describe('read-only commands and poll', () => {
  it('refuse a --db that does not exist (exit 2), instead of making an empty database', async () => {
    const c = cli([]);
    const missing = join(mkdtempSync(join(tmpdir(), 'parc-cli-')), 'absent.db');
    for (const args of [['devices'], ['printers'], ['poll']]) {
      const err: string[] = [];
      const status = await runCli([...args, '--db', missing], {
        stdout: () => undefined,
        stderr: (t) => err.push(t),
        engineOptions: { openSession: c.network.factory },
      });
      expect(status).toBe(2);
      expect(err.join('')).toContain('No Parc database at');
    }
    expect(existsSync(missing)).toBe(false);
  });

  it('poll re-reads printers with the community given on its command line', async () => {
    const c = cli(['scan', '127.0.0.10', '-c', 'public']);
    expect(await c.run()).toBe(0);
    c.network.opened.length = 0;
    expect(await c.run(['poll', '-c', 'public'])).toBe(0);
    expect(c.err.join('')).toContain('poll: 1 printers read, 0 did not answer');
    expect(c.network.opened.map((o) => o.host)).toContain('127.0.0.10');
  });
});
