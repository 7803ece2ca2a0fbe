/**
 * Crash and disk safety (issue 9): `parc` killed with SIGKILL during a scan of the fixture network
 * or during an export leaves a whole database (`PRAGMA integrity_check` ok) with the inventory
 * stored before, and no half file under the export's name; a disk that fills up during a scan
 * (SQLite's `max_page_count` on the scan's own connection) stops it with a clear error and loses
 * nothing already stored. The CLI runs as a real child process (`bin/parc.js`).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/engine/db/database';
import {
  createDevicesRepo,
  type DeviceObservation,
} from '../../electron/engine/db/repositories/devices-repo';
import { createScansRepo } from '../../electron/engine/db/repositories/scans-repo';
import { sweep } from '../../electron/engine/discovery/scan';
import { StorageError } from '../../electron/engine/errors';
import { createNetSnmpSession } from '../../electron/engine/snmp/session';
import { ScanRequest } from '../../shared/domain/scan';
import { startFixtureNetwork, type FixtureNetwork } from '../simulator/lab-network';
import { seedGenerated } from '../unit/export/seed';
import { sweepDeps } from '../helpers/sweep-deps';

const ROOT = resolve(__dirname, '../..');
const FAST = ['--timeout', '700', '--retries', '1'];

const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

interface Run {
  child: ChildProcess;
  /** Resolves with the exit code and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stdout: () => string;
  stderr: () => string;
}

/**
 * Starts `parc ARGS` as bin/parc.js does, in one process: Node with the legacy OpenSSL provider
 * runs the built CLI in place, so SIGKILL reaches the process that writes (no wrapper between).
 */
function parc(args: readonly string[], onStderr?: (text: string, child: ChildProcess) => void): Run {
  const child = spawn(process.execPath, ['--openssl-legacy-provider', join(ROOT, 'bin/parc.js'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PARC_COMMUNITY: '' },
  });
  children.add(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    onStderr?.(err, child);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => {
      children.delete(child);
      done({ code, signal });
    }),
  );
  return { child, exited, stdout: () => out, stderr: () => err };
}

/** Opens a database file as Parc would after a crash (the WAL is replayed), without migrating it. */
function reopen(path: string): Db {
  const db = new Database(path, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

const integrity = (db: Db) => db.pragma('integrity_check', { simple: true });

interface StoredDevice {
  id: number;
  identity: string;
  ip: string;
  type: string;
  serial: string | null;
}
const storedDevices = (db: Db) =>
  db.prepare<[], StoredDevice>('SELECT id, identity, ip, type, serial FROM devices ORDER BY id').all();

beforeAll(() => {
  if (!existsSync(join(ROOT, 'out/main/parc.js'))) {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore', timeout: 120_000 });
  }
}, 130_000);

describe('SIGKILL during a scan', () => {
  let network: FixtureNetwork;
  beforeAll(async () => {
    network = await startFixtureNetwork();
  });
  afterAll(() => network.simulator.stop());

  it('leaves a whole database with the earlier inventory, and the next scan completes', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'parc-crash-scan-')), 'parc.db');
    // SNMP only: what TCP ports other programs listen on at these loopback addresses is not ours to count.
    const scanArgs = [
      'scan',
      '127.77.0.0/24',
      '--port',
      String(network.simulator.port),
      '--db',
      dbPath,
      '--no-agentless',
      '--json',
      ...FAST,
    ];
    const fixtures = network.hosts.filter((h) => h.expected);

    const first = parc(scanArgs);
    expect(await first.exited).toEqual({ code: 0, signal: null });
    let db = reopen(dbPath);
    const before = storedDevices(db);
    db.close();
    expect(before.map((d) => d.ip).sort()).toEqual(fixtures.map((h) => h.address).sort());

    // Killed as soon as it says it has stored a device: mid-sweep, other hosts still in flight.
    let progressSeen = '';
    const killed = parc(scanArgs, (err, child) => {
      const found = /scan: (\d+)\/(\d+) addresses, ([1-9]\d*) devices/.exec(err);
      if (found && !progressSeen) {
        progressSeen = found[0];
        child.kill('SIGKILL');
      }
    });
    expect(await killed.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(progressSeen).toMatch(/devices$/);
    expect(killed.stdout()).toBe('');

    db = reopen(dbPath);
    expect(integrity(db)).toBe('ok');
    // Every device of the complete scan is still there, same row, same identity: none lost, none doubled.
    expect(storedDevices(db)).toEqual(before);
    // The killed scan's row was committed when it started and never closed: it was cut mid-way.
    const scans = db
      .prepare<[], { status: string }>('SELECT status FROM scans ORDER BY id')
      .all()
      .map((s) => s.status);
    expect(scans).toEqual(['done', 'running']);
    db.close();

    const next = parc(scanArgs);
    expect(await next.exited).toEqual({ code: 0, signal: null });
    const result = JSON.parse(next.stdout()) as {
      scan: { status: string };
      devices: { ip: string; type: string }[];
    };
    expect(result.scan.status).toBe('done');
    for (const host of fixtures) {
      expect(result.devices.find((d) => d.ip === host.address)).toMatchObject({ type: host.expected?.type });
    }
    db = reopen(dbPath);
    expect(integrity(db)).toBe('ok');
    expect(storedDevices(db).map((d) => d.id)).toEqual(before.map((d) => d.id));
    db.close();
  }, 60_000);
});

describe('SIGKILL during an export', () => {
  it('leaves the database whole and never a partial file under the chosen name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parc-crash-export-'));
    const dbPath = join(dir, 'parc.db');
    seedGenerated(dbPath, 5000);
    const exportTo = (name: string, onStderr?: Parameters<typeof parc>[1]) =>
      parc(['export', '--format', 'xlsx', '--out', join(dir, name), '--db', dbPath], onStderr);
    /** A whole .xlsx (a zip) ends with the end-of-central-directory record. */
    const wholeZip = (path: string) => {
      const bytes = readFileSync(path);
      return bytes.subarray(-22).readUInt32LE(0) === 0x06054b50;
    };

    // A complete export first: how long one takes here, and that it works at all.
    const started = Date.now();
    const complete = exportTo('complete.xlsx');
    expect(await complete.exited).toEqual({ code: 0, signal: null });
    const duration = Date.now() - started;
    expect(wholeZip(join(dir, 'complete.xlsx'))).toBe(true);

    // Killed at several points of an export (the start is the Node process starting), and once
    // as soon as its temporary file appears.
    const outcomes: { name: string; signal: NodeJS.Signals | null; final: boolean }[] = [];
    for (const fraction of [0.4, 0.6, 0.75, 0.85, 0.95]) {
      const name = `killed-${fraction}.xlsx`;
      const run = exportTo(name);
      const timer = setTimeout(() => run.child.kill('SIGKILL'), Math.round(duration * fraction));
      const { signal } = await run.exited;
      clearTimeout(timer);
      outcomes.push({ name, signal, final: existsSync(join(dir, name)) });
    }
    {
      const name = 'killed-on-temp.xlsx';
      const run = exportTo(name);
      const watcher = watch(dir, (_event, file) => {
        if (typeof file === 'string' && file.startsWith(`.${name}.`)) run.child.kill('SIGKILL');
      });
      const { signal } = await run.exited;
      watcher.close();
      outcomes.push({ name, signal, final: existsSync(join(dir, name)) });
    }

    // At least one export was cut before its file was in place…
    expect(outcomes.some((o) => o.signal === 'SIGKILL' && !o.final)).toBe(true);
    // …and whatever the moment, a file under the chosen name is a whole one.
    for (const o of outcomes.filter((x) => x.final)) expect(wholeZip(join(dir, o.name))).toBe(true);
    // Only temporary files (hidden, named after the export) may be left beside them.
    const known = new Set([
      'parc.db',
      'parc.db-wal',
      'parc.db-shm',
      'complete.xlsx',
      ...outcomes.map((o) => o.name),
    ]);
    for (const file of readdirSync(dir).filter((f) => !known.has(f))) {
      expect(file).toMatch(/^\.(killed-[\d.]+|killed-on-temp)\.xlsx\.\d+-[0-9a-f]{8}\.tmp$/);
    }

    const db = reopen(dbPath);
    expect(integrity(db)).toBe('ok');
    expect(db.prepare('SELECT COUNT(*) AS n FROM devices').get()).toEqual({ n: 5000 });
    db.close();
    expect(statSync(dbPath).size).toBeGreaterThan(0);
  }, 120_000);
});

describe('disk full during a scan', () => {
  let network: FixtureNetwork;
  beforeAll(async () => {
    network = await startFixtureNetwork();
  });
  afterAll(() => network.simulator.stop());

  /** Fills every free byte SQLite may still use, once `max_page_count` is the current size. */
  function fillToTheLimit(db: Db): number {
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const pad = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    for (let i = 0; ; i++) {
      try {
        pad.run(`pad-${i}`, 'x'.repeat(64));
      } catch (error) {
        expect(error).toMatchObject({ code: 'SQLITE_FULL' });
        return i;
      }
    }
  }

  const observation = (i: number): DeviceObservation => ({
    ip: `127.77.0.${100 + i}`,
    type: 'printer',
    vendor: 'Vendor',
    model: `Model ${i}`,
    serial: `SN-FULL-${i}`,
    mac: null,
    firmware: null,
    system: {
      sysDescr: `Printer number ${i} `.repeat(20),
      sysObjectID: '1.3.6.1.4.1.11.2.3.9.1',
      sysUpTime: 100,
      sysContact: null,
      sysName: `IMP-${i}`,
      sysLocation: 'CDI',
      sysServices: null,
    },
    credentialKey: null,
  });

  it('devices.record fails with SQLITE_FULL, rolled back whole, the rows before intact', () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'parc-full-')), 'parc.db'));
    const devices = createDevicesRepo(db);
    const scanId = createScansRepo(db).create(['x'], 1, '2026-03-02T08:00:00.000Z');
    for (let i = 0; i < 3; i++) devices.record(observation(i), scanId, '2026-03-02T08:00:00.000Z');
    const before = storedDevices(db);
    expect(fillToTheLimit(db)).toBeGreaterThan(0);

    let recorded = 0;
    let failure: unknown;
    for (let i = 3; i < 200 && !failure; i++) {
      try {
        devices.record(observation(i), scanId, '2026-03-02T08:05:00.000Z');
        recorded++;
      } catch (error) {
        failure = error;
      }
    }
    expect(failure).toMatchObject({ code: 'SQLITE_FULL' });
    expect(integrity(db)).toBe('ok');
    const after = storedDevices(db);
    // Each record is one transaction: the one that failed left nothing behind.
    expect(after).toHaveLength(before.length + recorded);
    expect(after.slice(0, before.length)).toEqual(before);
    db.close();
  });

  it('stops the sweep with « disk full » and keeps what was stored; with room again it completes', async () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'parc-full-')), 'parc.db'));
    const devices = createDevicesRepo(db);
    const scans = createScansRepo(db);
    const options = ScanRequest.parse({
      targets: ['127.77.0.10-127.77.0.20'],
      credentials: [{ kind: 'community', version: '2c', community: 'public' }],
      port: network.simulator.port,
      timeoutMs: 700,
      retries: 1,
      agentless: false,
    });
    const run = (addresses: string[]) =>
      sweep(
        scans.create(options.targets, addresses.length, '2026-03-02T08:00:00.000Z'),
        addresses,
        addresses.length,
        options.credentials,
        options,
        sweepDeps(db, { devices, openSession: createNetSnmpSession, maxRequestsPerSecond: 2000 }),
        () => undefined,
        new AbortController().signal,
      );
    const fixtures = network.hosts.filter((h) => h.expected).map((h) => h.address);

    // Three devices stored on a disk with room, then the disk is full.
    await run(fixtures.slice(0, 3));
    const before = storedDevices(db);
    // Stored as they answer, not in address order.
    expect(before.map((d) => d.ip).sort()).toEqual(fixtures.slice(0, 3).sort());
    const padding = fillToTheLimit(db);
    expect(padding).toBeGreaterThan(0);

    const all = Array.from({ length: 11 }, (_, i) => `127.77.0.${10 + i}`);
    const full = run(all);
    await expect(full).rejects.toThrow(StorageError);
    await expect(full).rejects.toThrow(
      'The disk is full: Parc cannot save more. Free some space, then start again (what was saved before is intact).',
    );
    expect(integrity(db)).toBe('ok');
    const during = storedDevices(db);
    expect(during.slice(0, before.length)).toEqual(before);
    expect(during.length).toBeLessThan(fixtures.length);

    // Space freed (the limit lifted): the same sweep stores every fixture.
    db.pragma('max_page_count = 1073741823');
    const result = await run(all);
    expect(result.respondedCount).toBe(fixtures.length);
    expect(
      storedDevices(db)
        .map((d) => d.ip)
        .sort(),
    ).toEqual([...fixtures].sort());
    expect(integrity(db)).toBe('ok');
    db.close();
  }, 30_000);
});
