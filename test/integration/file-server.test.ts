/**
 * Issue 5 on real services: Debian's snmpd serving this machine's HOST-RESOURCES-MIB and
 * UCD-SNMP-MIB, and Samba's smbd serving a test share, both on 127.0.0.1. Every real volume
 * that `df -B1` shows must come back with its bytes (±1 %); the listing works with the right
 * account and fails clearly with a wrong one; stopping smbd makes SMB unreachable.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../electron/cli/run';
import { createEngine } from '../../electron/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectServer } from '../../electron/engine/servers/collect';
import { checkSmb } from '../../electron/engine/servers/smb';
import { isPseudoFsType, isPseudoMount } from '../../electron/engine/servers/volume-filter';
import { createNetSnmpSession } from '../../electron/engine/snmp/session';
import type { ServerConfig } from '../../shared/domain/server';
import { startFileServer, type FileServer } from '../services/file-server';

/** `df -B1` rows of real file systems: mount → size and used bytes. */
function dfVolumes(): Map<string, { size: number; used: number }> {
  const out = execFileSync('df', ['-B1', '--output=fstype,size,used,target'], { encoding: 'utf8' });
  const volumes = new Map<string, { size: number; used: number }>();
  for (const line of out.trim().split('\n').slice(1)) {
    const [type, size, used, ...target] = line.trim().split(/\s+/);
    const mount = target.join(' ');
    if (isPseudoFsType(type) || isPseudoMount(mount) || Number(size) === 0) continue;
    volumes.set(mount, { size: Number(size), used: Number(used) });
  }
  return volumes;
}

const within1Percent = (actual: number, expected: number) =>
  Math.abs(actual - expected) <= Math.max(expected * 0.01, 1024 * 1024);

let server: FileServer | { skip: string } = { skip: 'not started' };

describe('file server on loopback (real snmpd + smbd)', () => {
  beforeAll(async () => {
    server = await startFileServer();
    if ('skip' in server) console.warn(`file-server integration SKIPPED: ${server.skip}`);
  }, 60_000);
  afterAll(async () => {
    if (!('skip' in server)) await server.stop();
  });

  const config = (s: FileServer, share: string | null): ServerConfig => ({
    id: 1,
    deviceId: null,
    name: 'Serveur pédagogique',
    address: '127.0.0.1',
    snmp: true,
    snmpPort: s.snmpPort,
    smbShare: share,
    smbUser: s.user,
    smbPasswordSet: true,
    smbPort: s.smbPort,
    local: false,
    services: ['smbd'],
  });
  const deps = (s: FileServer, password: string) => ({
    openSession: createNetSnmpSession,
    credentials: [
      { kind: 'community' as const, version: '2c' as const, community: 'not-this-one' },
      { kind: 'community' as const, version: '2c' as const, community: s.community },
    ],
    password,
    now: () => new Date('2026-03-02T08:00:00Z'),
    timeoutMs: 1500,
  });

  /** snmpd caches hrSWRunTable for up to 30 s (Net-SNMP's swrun cache): polls until smbd shows `running`, 50 s at most. */
  const servicesOnceSettled = async (s: FileServer, running: boolean) => {
    let services = (await collectServer(config(s, null), deps(s, s.password))).services;
    for (let i = 0; i < 25 && services[0]?.running !== running; i++) {
      await new Promise((r) => setTimeout(r, 2000));
      services = (await collectServer(config(s, null), deps(s, s.password))).services;
    }
    return services;
  };

  it('reads every real volume with the bytes df shows, load, memory and smbd', async (ctx) => {
    if ('skip' in server) return ctx.skip();
    const s = server;
    const sample = await collectServer(config(s, s.share), deps(s, s.password));
    const df = dfVolumes();
    expect(df.size).toBeGreaterThan(0);
    for (const [mount, expected] of df) {
      const volume = sample.volumes.find((v) => v.name === mount);
      expect(volume, `volume ${mount}`).toBeDefined();
      expect(within1Percent(volume!.sizeBytes, expected.size), `${mount} size`).toBe(true);
      expect(within1Percent(volume!.usedBytes, expected.used), `${mount} used`).toBe(true);
      // snmpd has UCD-SNMP-MIB's dskTable: the exact 64-bit figures are used.
      expect(volume!.source).toBe('ucd-dsk');
    }
    expect(sample.volumes.filter((v) => isPseudoMount(v.name))).toEqual([]);
    expect(sample.load).toHaveLength(3);
    sample.load!.forEach((l) => expect(l).toBeGreaterThanOrEqual(0));
    const memTotal =
      Number(/MemTotal:\s+(\d+)/.exec(execFileSync('cat', ['/proc/meminfo'], { encoding: 'utf8' }))![1]) *
      1024;
    expect(sample.memoryTotalBytes).toBe(memTotal);
    expect(sample.memoryAvailableBytes).toBeGreaterThan(0);
    expect(sample.memoryAvailableBytes).toBeLessThanOrEqual(memTotal);
    expect(sample.uptimeSeconds).toBeGreaterThan(0);
    expect(sample.services).toEqual([{ name: 'smbd', running: true }]);
    expect(sample.smb?.reachable).toBe(true);
    expect(sample.smb?.dialect).toBe('3.1.1');
    expect(sample.smb?.listing).toMatchObject({ ok: true, entries: s.entries, error: null });
    expect(sample.nas).toBeNull();
    expect(sample.problems).toEqual([]);
  });

  it('fails the listing clearly with a wrong password, and never shows a password', async (ctx) => {
    if ('skip' in server) return ctx.skip();
    const s = server;
    const wrong = 'Not-The-Password-42';
    const smb = await checkSmb('127.0.0.1', {
      port: s.smbPort,
      share: s.share,
      user: s.user,
      password: wrong,
      timeoutMs: 5000,
    });
    expect(smb.reachable).toBe(true);
    expect(smb.listing?.ok).toBe(false);
    expect(smb.listing?.error).toBe('wrong account or password (NT_STATUS_LOGON_FAILURE)');
    expect(JSON.stringify(smb)).not.toContain(wrong);
    const good = await checkSmb('127.0.0.1', {
      port: s.smbPort,
      share: 'absent',
      user: s.user,
      password: s.password,
      timeoutMs: 5000,
    });
    expect(good.listing?.error).toBe('no such share (NT_STATUS_BAD_NETWORK_NAME)');
    expect(JSON.stringify(good)).not.toContain(s.password);
  });

  it('parc server status --json gives those volumes; smbd stopped turns it red with an SMB alert in one poll, started clears it', async (ctx) => {
    if ('skip' in server) return ctx.skip();
    const s = server;
    const db = join(mkdtempSync(join(tmpdir(), 'parc-server-cli-')), 'parc.db');
    const setup = createEngine({ dbPath: db });
    setup.credentials.add({ kind: 'community', version: '2c', community: s.community });
    setup.close();
    const parc = async (args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli([...args, '--db', db], {
        stdout: (t) => out.push(t),
        stderr: (t) => err.push(t),
        env: { PARC_SMB_PASSWORD: s.password },
      });
      return { code, out: out.join(''), err: err.join('') };
    };
    const add = await parc([
      'server',
      'add',
      '--address',
      '127.0.0.1',
      '--name',
      'Scribe',
      '--snmp-port',
      String(s.snmpPort),
      '--smb-port',
      String(s.smbPort),
      '--share',
      s.share,
      '--user',
      s.user,
    ]);
    expect(add.code, add.err).toBe(0);
    type Status = {
      state: string;
      volumes: { mount: string; sizeBytes: number }[];
      alerts: { code: string }[];
    };
    const status = async (poll: boolean) =>
      (
        JSON.parse((await parc(['server', 'status', '--json', ...(poll ? ['--poll'] : [])])).out) as {
          servers: Status[];
        }
      ).servers[0];

    const first = await status(true);
    for (const [mount, expected] of dfVolumes()) {
      const volume = first.volumes.find((v) => v.mount === mount);
      expect(within1Percent(volume?.sizeBytes ?? -1, expected.size), `${mount} size`).toBe(true);
    }
    expect(first.alerts.map((a) => a.code)).not.toContain('smb-unreachable');

    await s.stopSmbd();
    const down = await status(true);
    expect(down.state).toBe('critical');
    expect(down.alerts.map((a) => a.code)).toContain('smb-unreachable');

    await s.startSmbd();
    const up = await status(true);
    expect(up.alerts.map((a) => a.code)).not.toContain('smb-unreachable');
  }, 120_000);

  it('sees smbd stop (unreachable, service not running) and start again', async (ctx) => {
    if ('skip' in server) return ctx.skip();
    const s = server;
    await s.stopSmbd();
    const down = await collectServer(config(s, s.share), deps(s, s.password));
    expect(down.smb?.reachable).toBe(false);
    expect(down.smb?.error).toBe('connection refused');
    expect(down.smb?.listing?.ok).toBe(false);
    expect(await servicesOnceSettled(s, false)).toEqual([{ name: 'smbd', running: false }]);
    await s.startSmbd();
    const up = await collectServer(config(s, s.share), deps(s, s.password));
    expect(up.smb?.reachable).toBe(true);
    expect(up.smb?.listing?.ok).toBe(true);
    expect(await servicesOnceSettled(s, true)).toEqual([{ name: 'smbd', running: true }]);
  }, 150_000);
});
