/**
 * A real file server on loopback for integration tests: Debian's `snmpd` (HOST-RESOURCES-MIB and
 * UCD-SNMP-MIB of this very machine) and Samba's `smbd` serving a test share with a test account,
 * each on a free port of 127.0.0.1, with every file (configuration, passdb, locks, logs) in a
 * temporary folder. Needs root (smbd) and `apt-get install snmpd samba smbclient`; without them
 * it returns `{ skip }` and the tests skip loudly.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNetSnmpSession } from '../../electron/engine/snmp/session';

/** The running services and how to reach them. */
export interface FileServer {
  snmpPort: number;
  community: string;
  smbPort: number;
  share: string;
  user: string;
  password: string;
  /** Files at the top of the share (what a listing must count). */
  entries: number;
  stop(): Promise<void>;
  stopSmbd(): Promise<void>;
  startSmbd(): Promise<void>;
}

const SKIP = 'snmpd/smbd not installed: apt-get install snmpd samba smbclient';
/** The Unix account behind the Samba test user (Samba needs one; created once, no home, no shell). */
const UNIX_USER = 'parcsmbtest';
const BINARIES = ['/usr/sbin/snmpd', '/usr/sbin/smbd', '/usr/bin/smbpasswd', '/usr/bin/smbclient'];

function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, ready: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await ready()) return;
    await sleep(200);
  }
  throw new Error(`${what} did not start within ${ms} ms`);
}

function tcpOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function snmpAnswers(port: number, community: string): Promise<boolean> {
  const session = createNetSnmpSession(
    '127.0.0.1',
    { kind: 'community', version: '2c', community },
    { port, timeoutMs: 500, retries: 0 },
  );
  try {
    return (await session.get(['1.3.6.1.2.1.1.3.0']))[0] !== null;
  } catch {
    return false;
  } finally {
    session.close();
  }
}

/** Kills a child's whole process group (it was spawned detached) and waits for it to exit. */
async function killGroup(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch {
      // already gone
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts snmpd and smbd on free ports of 127.0.0.1.
 * @returns the running server, or `{ skip }` when the binaries are missing or we are not root.
 * @throws Error when a daemon does not come up.
 */
export async function startFileServer(): Promise<FileServer | { skip: string }> {
  if (process.platform !== 'linux' || BINARIES.some((b) => !existsSync(b))) return { skip: SKIP };
  if (process.getuid?.() !== 0)
    return { skip: 'smbd needs root to serve a share: run the file-server tests as root' };

  const dir = mkdtempSync(join(tmpdir(), 'parc-file-server-'));
  // The share's Unix user must reach the share: mkdtemp makes the folder 0700.
  chmodSync(dir, 0o755);
  const community = `parc-${randomBytes(8).toString('hex')}`;
  const password = `Pw-${randomBytes(9).toString('base64url')}`;
  const share = 'pedago';
  const shareDir = join(dir, 'share');
  for (const sub of ['share', 'private', 'lock', 'state', 'cache', 'pid', 'log', 'ncalrpc']) {
    mkdirSync(join(dir, sub), { recursive: true });
  }
  writeFileSync(join(shareDir, 'cours.txt'), 'Cours de physique\n');
  writeFileSync(join(shareDir, 'notes.csv'), 'nom;note\n');
  mkdirSync(join(shareDir, 'devoirs'));
  const entries = 3;

  const snmpPort = await freeUdpPort();
  const smbPort = await freeTcpPort();
  const snmpConf = join(dir, 'snmpd.conf');
  writeFileSync(
    snmpConf,
    [
      `agentAddress udp:127.0.0.1:${snmpPort}`,
      `rocommunity ${community} 127.0.0.1`,
      'proc smbd',
      'disk /',
      'includeAllDisks 10%',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  const smbConf = join(dir, 'smb.conf');
  writeFileSync(
    smbConf,
    [
      '[global]',
      '  server role = standalone server',
      '  interfaces = 127.0.0.1',
      '  bind interfaces only = yes',
      `  smb ports = ${smbPort}`,
      '  disable netbios = yes',
      `  passdb backend = tdbsam:${join(dir, 'private', 'passdb.tdb')}`,
      `  private dir = ${join(dir, 'private')}`,
      `  lock directory = ${join(dir, 'lock')}`,
      `  state directory = ${join(dir, 'state')}`,
      `  cache directory = ${join(dir, 'cache')}`,
      `  pid directory = ${join(dir, 'pid')}`,
      `  ncalrpc dir = ${join(dir, 'ncalrpc')}`,
      `  log file = ${join(dir, 'log', 'log.%m')}`,
      '  map to guest = never',
      '  load printers = no',
      '  printcap name = /dev/null',
      '  disable spoolss = yes',
      '',
      `[${share}]`,
      `  path = ${shareDir}`,
      '  read only = yes',
      `  valid users = ${UNIX_USER}`,
      '',
    ].join('\n'),
  );

  try {
    execFileSync('id', [UNIX_USER], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', UNIX_USER]);
  }
  execFileSync('/usr/bin/smbpasswd', ['-c', smbConf, '-a', '-s', UNIX_USER], {
    input: `${password}\n${password}\n`,
    stdio: ['pipe', 'ignore', 'ignore'],
  });

  const snmpd = spawn('/usr/sbin/snmpd', ['-f', '-Lo', '-C', '-c', snmpConf, '-p', join(dir, 'snmpd.pid')], {
    detached: true,
    stdio: 'ignore',
  });
  let smbd: ChildProcess | null = null;
  const startSmbd = async () => {
    if (smbd && smbd.exitCode === null && smbd.signalCode === null) return;
    smbd = spawn('/usr/sbin/smbd', ['--foreground', '--no-process-group', '-s', smbConf], {
      detached: true,
      stdio: 'ignore',
    });
    await waitFor('smbd', () => tcpOpen(smbPort));
  };
  const stopSmbd = async () => {
    await killGroup(smbd);
    smbd = null;
    await waitFor('smbd stop', async () => !(await tcpOpen(smbPort)), 10_000);
  };
  const stop = async () => {
    await killGroup(smbd);
    await killGroup(snmpd);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor('snmpd', () => snmpAnswers(snmpPort, community));
    await startSmbd();
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    snmpPort,
    community,
    smbPort,
    share,
    user: UNIX_USER,
    password,
    entries,
    stop,
    stopSmbd,
    startSmbd,
  };
}
