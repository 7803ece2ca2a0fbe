import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/engine/db/database';
import { createDevicesRepo } from '../../../electron/engine/db/repositories/devices-repo';
import { createScansRepo } from '../../../electron/engine/db/repositories/scans-repo';
import { createServersRepo } from '../../../electron/engine/db/repositories/servers-repo';
import { InputError, NotFoundError } from '../../../electron/engine/errors';
import { createSecretBox } from '../../../electron/engine/secret-box';
import { createServersService, serverHealth } from '../../../electron/engine/servers/service';
import type { ServerConfig, ServerSample } from '../../../shared/domain/server';
import { SETTINGS_DEFAULTS, type Settings } from '../../../shared/domain/settings';

const START = '2026-11-01T00:00:00.000Z';
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** A healthy sample; `over` replaces fields. */
function sample(over: Partial<ServerSample> = {}): ServerSample {
  return {
    at: '1970-01-01T00:00:00.000Z', // replaced by the service's clock
    cpuPercent: 12,
    cpuCount: 4,
    load: [0.5, 0.4, 0.3],
    memoryTotalBytes: 8 * 2 ** 30,
    memoryAvailableBytes: 6 * 2 ** 30,
    uptimeSeconds: 86_400,
    volumes: [
      { name: '/', sizeBytes: 100e9, usedBytes: 40e9, percent: 40, source: 'ucd-dsk' },
      { name: '/srv/pedago', sizeBytes: 2e12, usedBytes: 1.2e12, percent: 60, source: 'ucd-dsk' },
    ],
    services: [{ name: 'smbd', running: true }],
    smb: {
      reachable: true,
      dialect: '3.1.1',
      listing: { ok: true, ms: 42, entries: 7, error: null },
      error: null,
    },
    nas: null,
    problems: [],
    ...over,
  };
}

/** A volume list with `/srv/pedago` at `percent`. */
const pedagoAt = (percent: number) => [
  { name: '/', sizeBytes: 100e9, usedBytes: 40e9, percent: 40, source: 'ucd-dsk' as const },
  { name: '/srv/pedago', sizeBytes: 2e12, usedBytes: 2e10 * percent, percent, source: 'ucd-dsk' as const },
];

/**
 * A service on an in-memory database with a fake clock and a fake collector: `next` is what the
 * next collection gives (a sample, a function of the server, or an error to throw).
 */
function setup(options: { db?: Db; collectTimeoutMs?: number } = {}) {
  const db = options.db ?? openDatabase(':memory:');
  const clock = { now: Date.parse(START) };
  const settings: Settings = { ...SETTINGS_DEFAULTS, targets: [] };
  let next: (config: ServerConfig) => ServerSample | Promise<ServerSample> = () => sample();
  const calls: Array<{ id: number; password: string | null }> = [];
  const devices = createDevicesRepo(db);
  const repo = createServersRepo(db);
  const service = createServersService({
    repo,
    devices,
    settings: () => settings,
    now: () => new Date(clock.now).toISOString(),
    collectTimeoutMs: options.collectTimeoutMs,
    collect: async (config, password) => {
      calls.push({ id: config.id, password });
      return next(config);
    },
  });
  return {
    db,
    repo,
    devices,
    service,
    clock,
    settings,
    calls,
    /** What the next collections give. */
    give(value: ServerSample | ((config: ServerConfig) => ServerSample | Promise<ServerSample>)) {
      next = typeof value === 'function' ? value : () => value;
    },
    advance(ms: number) {
      clock.now += ms;
    },
    at: () => new Date(clock.now).toISOString(),
    count: (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n,
  };
}

describe('servers: config', () => {
  it('adds by address with defaults, never lists the password, and refuses the same address twice', () => {
    const t = setup();
    const saved = t.service.save({
      address: '127.0.0.1',
      smbShare: 'pedago',
      smbUser: 'parc',
      smbPassword: 's3cret',
    });
    expect(saved).toEqual({
      id: saved.id,
      deviceId: null,
      name: '127.0.0.1',
      address: '127.0.0.1',
      snmp: true,
      snmpPort: 161,
      smbShare: 'pedago',
      smbUser: 'parc',
      smbPasswordSet: true,
      smbPort: 445,
      local: false,
      services: ['smbd'],
    });
    expect(JSON.stringify(t.service.list())).not.toContain('s3cret');
    expect(() => t.service.save({ address: '127.0.0.1' })).toThrow(InputError);
    expect(t.service.list()).toHaveLength(1);
  });

  it('adds from an inventory device: its address and name', () => {
    const t = setup();
    const scan = createScansRepo(t.db).create(['x'], 1, START);
    const { id } = t.devices.recordNetwork(
      {
        ip: '127.0.0.50',
        type: 'server',
        vendor: null,
        model: null,
        serial: null,
        mac: null,
        hostName: 'scribe',
        workgroup: null,
        os: null,
        openPorts: [445],
        sources: ['network'],
      },
      scan,
      START,
    );
    const saved = t.service.save({ deviceId: id });
    expect(saved).toMatchObject({ deviceId: id, address: '127.0.0.50', name: 'scribe' });
    expect(() => t.service.save({ deviceId: 9999 })).toThrow(NotFoundError);
  });

  it('refuses input without address or device, and a malformed address', () => {
    const t = setup();
    expect(() => t.service.save({})).toThrow(InputError);
    expect(() => t.service.save({ address: 'http://x/' })).toThrow(/address/);
    expect(() => t.service.save({ address: '127.0.0.1', snmpPort: 0 })).toThrow(InputError);
  });

  it('updates: an absent password is kept, an empty one removes it', async () => {
    const t = setup();
    const { id } = t.service.save({ address: '127.0.0.1', smbUser: 'parc', smbPassword: 'pw1' });
    expect(t.service.save({ id, address: '127.0.0.1', smbUser: 'parc', name: 'Scribe' })).toMatchObject({
      name: 'Scribe',
      smbPasswordSet: true,
    });
    await t.service.poll(id);
    expect(t.calls.at(-1)).toEqual({ id, password: 'pw1' });
    expect(t.service.save({ id, address: '127.0.0.1', smbPassword: '' }).smbPasswordSet).toBe(false);
    await t.service.poll(id);
    expect(t.calls.at(-1)).toEqual({ id, password: null });
    expect(() => t.service.save({ id: 77, address: '127.0.0.9' })).toThrow(NotFoundError);
  });

  it('seals the password at rest with the secret box, and opens it for the collector only', () => {
    const db = openDatabase(':memory:');
    const cipher = {
      encrypt: (plain: string) => Buffer.from([...plain].reverse().join('')),
      decrypt: (sealed: Buffer) => [...sealed.toString()].reverse().join(''),
    };
    const repo = createServersRepo(db, createSecretBox(cipher));
    const config = repo.insert(
      {
        deviceId: null,
        name: 's',
        address: '127.0.0.1',
        snmp: true,
        snmpPort: 161,
        smbShare: null,
        smbUser: 'u',
        smbPort: 445,
        local: false,
        services: [],
      },
      'lycee-ro',
      START,
    );
    const stored = db.prepare('SELECT smb_password AS p FROM servers').get() as { p: string };
    expect(stored.p.startsWith('os1:')).toBe(true);
    expect(stored.p).not.toContain('lycee-ro');
    expect(repo.password(config.id)).toBe('lycee-ro');
    // The CLI (no cipher) cannot open it: a clear error, not the sealed text.
    expect(() => createServersRepo(db).password(config.id)).toThrow(/desktop app/);
  });

  it('seals passwords saved by the CLI when the app starts', () => {
    const db = openDatabase(':memory:');
    const plain = createServersRepo(db);
    const { id } = plain.insert(
      {
        deviceId: null,
        name: 's',
        address: '127.0.0.1',
        snmp: true,
        snmpPort: 161,
        smbShare: null,
        smbUser: 'u',
        smbPort: 445,
        local: false,
        services: [],
      },
      'pw',
      START,
    );
    const box = createSecretBox({
      encrypt: (p) => Buffer.from(p.toUpperCase()),
      decrypt: (b) => b.toString().toLowerCase(),
    });
    const sealing = createServersRepo(db, box);
    expect(sealing.sealStored()).toBe(1);
    expect(sealing.sealStored()).toBe(0);
    expect(sealing.password(id)).toBe('pw');
  });

  it('removes a server with its history', async () => {
    const t = setup();
    const { id } = t.service.save({ address: '127.0.0.1' });
    await t.service.poll();
    expect(t.count('server_samples')).toBe(1);
    t.service.remove(id);
    expect(t.service.list()).toEqual([]);
    expect(t.count('server_samples')).toBe(0);
    expect(t.count('server_points')).toBe(0);
    expect(t.count('server_hourly')).toBe(0);
    expect(() => t.service.remove(id)).toThrow(NotFoundError);
  });
});

describe('servers: poll and status', () => {
  it('stores a sample stamped with the clock and reports it with health ok', async () => {
    const t = setup();
    const { id } = t.service.save({ address: '127.0.0.1', name: 'Scribe' });
    expect(t.service.status(id).state).toBe('unknown');
    expect(await t.service.poll()).toEqual({ polled: 1, failed: 0, failures: [] });
    const status = t.service.status(id);
    expect(status).toMatchObject({
      id,
      name: 'Scribe',
      ip: '127.0.0.1',
      state: 'ok',
      sampledAt: START,
      uptimeSeconds: 86_400,
      cpuPercent: 12,
      load: { load1: 0.5, load5: 0.4, load15: 0.3 },
      memory: { totalBytes: 8 * 2 ** 30, availableBytes: 6 * 2 ** 30 },
      smb: { reachable: true, dialect: '3.1.1', listMs: 42, entries: 7, error: null },
      services: [{ name: 'smbd', running: true }],
      alerts: [],
    });
    expect(status.volumes).toEqual([
      {
        mount: '/',
        sizeBytes: 100e9,
        usedBytes: 40e9,
        percent: 40,
        source: 'ucd-dsk',
        fullInDays: null,
        state: 'ok',
      },
      {
        mount: '/srv/pedago',
        sizeBytes: 2e12,
        usedBytes: 1.2e12,
        percent: 60,
        source: 'ucd-dsk',
        fullInDays: null,
        state: 'ok',
      },
    ]);
    expect(() => t.service.status(99)).toThrow(NotFoundError);
    await expect(t.service.poll(99)).rejects.toThrow(NotFoundError);
  });

  it('a failing server does not stop the others; it is unknown with the reason', async () => {
    const t = setup();
    const a = t.service.save({ address: '127.0.0.1', name: 'a' });
    const b = t.service.save({ address: '127.0.0.2', name: 'b' });
    t.give((config) => {
      if (config.id === a.id) throw new Error('SNMP: request timed out');
      return sample();
    });
    expect(await t.service.poll()).toEqual({
      polled: 1,
      failed: 1,
      failures: [{ id: a.id, name: 'a', error: 'SNMP: request timed out' }],
    });
    expect(t.service.status(a.id)).toMatchObject({ state: 'unknown', problems: ['SNMP: request timed out'] });
    expect(t.service.status(b.id).state).toBe('ok');
  });

  it('gives up a collection that never ends, without blocking the next poll', async () => {
    const t = setup({ collectTimeoutMs: 20 });
    const { id } = t.service.save({ address: '127.0.0.1' });
    t.give(() => new Promise<ServerSample>(() => undefined));
    const result = await t.service.poll();
    expect(result.failures).toEqual([{ id, name: '127.0.0.1', error: 'no answer within 0 s' }]);
    t.give(sample());
    expect(await t.service.poll()).toMatchObject({ polled: 1, failed: 0 });
  });

  it('never runs two polls at once: one asked during another waits for it', async () => {
    const t = setup();
    t.service.save({ address: '127.0.0.1' });
    let inFlight = 0;
    let most = 0;
    const releases: Array<() => void> = [];
    t.give(async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise<void>((resolve) => releases.push(resolve));
      inFlight--;
      return sample();
    });
    const first = t.service.poll();
    const second = t.service.poll();
    expect(t.service.busy()).toBe(true);
    await new Promise((r) => setTimeout(r, 5));
    expect(releases).toHaveLength(1); // the second has not started
    releases[0]();
    await first;
    await new Promise((r) => setTimeout(r, 5));
    expect(releases).toHaveLength(2);
    releases[1]();
    await second;
    expect(most).toBe(1);
    expect(t.service.busy()).toBe(false);
  });

  it('a server that never answered anything is unknown; a critical alert wins', () => {
    expect(serverHealth(null, [])).toBe('unknown');
    expect(serverHealth(sample(), [])).toBe('ok');
    const alert = {
      id: 1,
      serverId: 1,
      code: 'smb-unreachable' as const,
      subject: null,
      severity: 'critical' as const,
      startedAt: START,
      endedAt: null,
      lastValue: null,
      lastAt: START,
    };
    expect(serverHealth(null, [alert])).toBe('critical');
    expect(serverHealth(sample(), [{ ...alert, severity: 'warning' }])).toBe('warning');
  });
});

describe('servers: alerts', () => {
  it('opens one volume alert per condition, keeps it while it holds, closes it 2 points under (hysteresis)', async () => {
    const t = setup();
    const { id } = t.service.save({ address: '127.0.0.1' });
    const pollAt = async (percent: number) => {
      t.give(sample({ volumes: pedagoAt(percent) }));
      await t.service.poll();
      const at = t.at();
      t.advance(5 * MINUTE_MS);
      return at;
    };
    await pollAt(80);
    const opened = await pollAt(85); // warning opens at the threshold
    await pollAt(90);
    await pollAt(84); // under 85 but not under 83: still open
    let status = t.service.status(id);
    expect(status.state).toBe('warning');
    expect(status.alerts).toEqual([
      {
        id: expect.any(Number),
        serverId: id,
        code: 'volume-warning',
        subject: '/srv/pedago',
        severity: 'warning',
        startedAt: opened,
        endedAt: null,
        lastValue: 84,
        lastAt: expect.any(String),
      },
    ]);
    expect(status.volumes[1].state).toBe('warning');
    const critical = await pollAt(95);
    status = t.service.status(id);
    expect(status.state).toBe('critical');
    expect(status.alerts.map((a) => [a.code, a.severity, a.startedAt])).toEqual([
      ['volume-critical', 'critical', critical],
      ['volume-warning', 'warning', opened],
    ]);
    expect(status.volumes[1].state).toBe('critical');
    await pollAt(93.5); // not under 93: critical stays
    expect(t.service.status(id).alerts).toHaveLength(2);
    const criticalEnds = await pollAt(92.9);
    expect(t.service.status(id).alerts.map((a) => a.code)).toEqual(['volume-warning']);
    const warningEnds = await pollAt(82.9);
    expect(t.service.status(id)).toMatchObject({ state: 'ok', alerts: [] });

    const history = t.service.history(id, 1).alerts;
    expect(history.map((a) => [a.code, a.startedAt, a.endedAt, a.lastValue])).toEqual([
      ['volume-warning', opened, warningEnds, 82.9],
      ['volume-critical', critical, criticalEnds, 92.9],
    ]);
    // One row per condition: no duplicate opened while it held.
    expect(t.count('server_alerts')).toBe(2);
  });

  it('follows the thresholds in the settings', async () => {
    const t = setup();
    const { id } = t.service.save({ address: '127.0.0.1' });
    t.settings.serverVolumeWarning = 50;
    t.give(sample({ volumes: pedagoAt(55) }));
    await t.service.poll();
    expect(t.service.status(id).alerts.map((a) => a.code)).toEqual(['volume-warning']);
  });

  it('SMB unreachable turns the server red within one poll, and clears when it answers again', async () => {
    const t = setup();
    const { id } = t.service.save({ address: '127.0.0.1' });
    await t.service.poll();
    t.advance(5 * MINUTE_MS);
    t.give(sample({ smb: { reachable: false, dialect: null, listing: null, error: 'connection refused' } }));
    await t.service.poll();
    const down = t.at();
    expect(t.service.status(id)).toMatchObject({
      state: 'critical',
      smb: { reachable: false, error: 'connection refused' },
      alerts: [{ code: 'smb-unreachable', severity: 'critical', startedAt: down, endedAt: null }],
    });
    t.advance(5 * MINUTE_MS);
    await t.service.poll(); // still down: the same alert
    t.advance(5 * MINUTE_MS);
    t.give(sample());
    await t.service.poll();
    expect(t.service.status(id)).toMatchObject({ state: 'ok', alerts: [] });
    expect(t.service.history(id).alerts).toEqual([
      expect.objectContaining({ code: 'smb-unreachable', startedAt: down, endedAt: t.at() }),
    ]);
  });

  it('a failed listing with the right server up is a warning of its own', async () => {
    const t = setup();
    const { id } = t.service.save({ address: '127.0.0.1', smbShare: 'pedago', smbUser: 'parc' });
    t.give(
      sample({
        smb: {
          reachable: true,
          dialect: '3.1.1',
          listing: { ok: false, ms: 12, entries: null, error: 'logon failure' },
          error: null,
        },
      }),
    );
    await t.service.poll();
    expect(t.service.status(id)).toMatchObject({
      state: 'warning',
      smb: { reachable: true, listMs: null, error: 'logon failure' },
      alerts: [{ code: 'smb-listing-failed', severity: 'warning' }],
    });
  });

  it('a watched service not running is critical until it runs again', async () => {
    const t = setup();
    const { id } = t.service.save({ address: '127.0.0.1', services: ['smbd', 'winbindd'] });
    t.give(
      sample({
        services: [
          { name: 'smbd', running: true },
          { name: 'winbindd', running: false },
        ],
      }),
    );
    await t.service.poll();
    expect(t.service.status(id).alerts).toMatchObject([
      { code: 'service-stopped', subject: 'winbindd', severity: 'critical' },
    ]);
    // SNMP did not answer this time: nothing known of the services, the alert stays.
    t.advance(5 * MINUTE_MS);
    t.give(sample({ services: [], volumes: [], problems: ['SNMP: timeout'] }));
    await t.service.poll();
    expect(t.service.status(id).alerts.map((a) => a.subject)).toEqual(['winbindd']);
    t.advance(5 * MINUTE_MS);
    t.give(
      sample({
        services: [
          { name: 'smbd', running: true },
          { name: 'winbindd', running: true },
        ],
      }),
    );
    await t.service.poll();
    expect(t.service.status(id).alerts).toEqual([]);
  });

  it('sustained load: 3 samples in a row over, and clears after 3 calm ones', async () => {
    const t = setup();
    const { id } = t.service.save({ address: '127.0.0.1' });
    const pollWith = async (over: Partial<ServerSample>) => {
      t.give(sample(over));
      await t.service.poll();
      t.advance(5 * MINUTE_MS);
      return t.service.status(id).alerts.map((a) => a.code);
    };
    // load1 > 2 × 4 processors twice, then a dip: no alert.
    expect(await pollWith({ load: [9, 5, 3] })).toEqual([]);
    expect(await pollWith({ load: [9, 5, 3] })).toEqual([]);
    expect(await pollWith({ load: [7, 5, 3] })).toEqual([]);
    // CPU over 90 % three times in a row: one alert.
    expect(await pollWith({ cpuPercent: 95 })).toEqual([]);
    expect(await pollWith({ cpuPercent: 96 })).toEqual([]);
    expect(await pollWith({ cpuPercent: 97 })).toEqual(['sustained-load']);
    expect(await pollWith({ cpuPercent: 99 })).toEqual(['sustained-load']);
    // Calm twice, high once, calm three times: closes only then.
    expect(await pollWith({ cpuPercent: 20 })).toEqual(['sustained-load']);
    expect(await pollWith({ cpuPercent: 20 })).toEqual(['sustained-load']);
    expect(await pollWith({ cpuPercent: 20, load: [9, 9, 9] })).toEqual(['sustained-load']);
    expect(await pollWith({ cpuPercent: 20 })).toEqual(['sustained-load']);
    expect(await pollWith({ cpuPercent: 20 })).toEqual(['sustained-load']);
    expect(await pollWith({ cpuPercent: 20 })).toEqual([]);
    expect(t.count('server_alerts')).toBe(1);
  });

  it('load1 over 2 × processors for 3 samples alerts; unknown processors count only CPU', async () => {
    const t = setup();
    const { id } = t.service.save({ address: '127.0.0.1' });
    for (let i = 0; i < 3; i++) {
      t.give(sample({ load: [8.5, 6, 4] }));
      await t.service.poll();
      t.advance(5 * MINUTE_MS);
    }
    expect(t.service.status(id).alerts.map((a) => [a.code, a.lastValue])).toEqual([['sustained-load', 12]]);

    const u = setup();
    const other = u.service.save({ address: '127.0.0.1' });
    for (let i = 0; i < 3; i++) {
      u.give(sample({ load: [50, 50, 50], cpuCount: null }));
      await u.service.poll();
      u.advance(5 * MINUTE_MS);
    }
    expect(u.service.status(other.id).alerts).toEqual([]);
  });

  it('a volume that disappears closes its alert; no volume at all (SNMP down) keeps it', async () => {
    const t = setup();
    const { id } = t.service.save({ address: '127.0.0.1' });
    t.give(sample({ volumes: pedagoAt(97) }));
    await t.service.poll();
    expect(t.service.status(id).alerts).toHaveLength(2);
    t.advance(5 * MINUTE_MS);
    t.give(sample({ volumes: [] }));
    await t.service.poll();
    expect(t.service.status(id).alerts).toHaveLength(2);
    t.advance(5 * MINUTE_MS);
    t.give(sample({ volumes: pedagoAt(97).slice(0, 1) }));
    await t.service.poll();
    expect(t.service.status(id).alerts).toEqual([]);
  });
});

describe('servers: forecast, history and retention', () => {
  it('30 days growing 1 %/day to 60 % now: the volume is full in 40 days (±1)', async () => {
    const t = setup();
    const { id } = t.service.save({ address: '127.0.0.1' });
    const start = t.clock.now;
    const end = start + 30 * DAY_MS;
    t.give(() => sample({ volumes: pedagoAt(60 - (end - t.clock.now) / DAY_MS) }));
    for (; t.clock.now <= end; t.advance(30 * MINUTE_MS)) await t.service.poll();
    t.clock.now = end;
    const volume = t.service.status(id).volumes.find((v) => v.mount === '/srv/pedago');
    expect(volume?.fullInDays).toBeGreaterThanOrEqual(39);
    expect(volume?.fullInDays).toBeLessThanOrEqual(41);
    // The root volume never moved: no forecast.
    expect(t.service.status(id).volumes[0].fullInDays).toBeNull();
  });

  it('no forecast with under 3 days of data', async () => {
    const t = setup();
    const { id } = t.service.save({ address: '127.0.0.1' });
    for (let i = 0; i < 48; i++) {
      t.give(sample({ volumes: pedagoAt(50 + i) }));
      await t.service.poll();
      t.advance(HOUR_MS);
    }
    expect(t.service.status(id).volumes[1].fullInDays).toBeNull();
  });

  it('keeps raw samples 7 days, hourly averages 90 days, daily beyond: bounded row counts', async () => {
    const t = setup();
    const { id } = t.service.save({ address: '127.0.0.1' });
    // 120 days, one poll an hour; 5 series a sample (cpu, load1, memory, 2 volumes).
    for (let i = 0; i < 120 * 24; i++) {
      await t.service.poll();
      t.advance(HOUR_MS);
    }
    const series = 5;
    // Raw: the samples of the last 7 days (168 hours, the one exactly 7 days old included).
    expect(t.count('server_samples')).toBe(7 * 24 + 1);
    expect(t.count('server_points')).toBe((7 * 24 + 1) * series);
    expect(t.count('server_hourly')).toBe((90 * 24 + 1) * series);
    expect(t.count('server_daily')).toBe(120 * series);
    // Averages are right: each hour holds one sample of 12 % CPU, each day 24.
    const day = t.db
      .prepare("SELECT samples, total / samples AS avg FROM server_daily WHERE series = 'cpu' LIMIT 1")
      .get();
    expect(day).toEqual({ samples: 24, avg: 12 });

    const week = t.service.history(id, 7);
    expect(week.resolution).toBe('raw');
    expect(week.cpu).toHaveLength(7 * 24);
    const quarter = t.service.history(id, 90);
    expect(quarter.resolution).toBe('hour');
    expect(quarter.cpu).toHaveLength(500);
    expect(quarter.cpu.every((p) => p.value === 12)).toBe(true);
    const year = t.service.history(id, 365);
    expect(year.resolution).toBe('day');
    expect(year.cpu).toHaveLength(120);
    expect(year.volumes.map((v) => v.mount)).toEqual(['/', '/srv/pedago']);
  }, 60_000);

  it('gives the series for charts: cpu, load1, memory used %, each volume %', async () => {
    const t = setup();
    const { id } = t.service.save({ address: '127.0.0.1' });
    await t.service.poll();
    t.advance(5 * MINUTE_MS);
    t.give(sample({ cpuPercent: 30, load: [1.5, 1, 1], volumes: pedagoAt(61) }));
    await t.service.poll();
    const history = t.service.history(id, 1);
    expect(history).toEqual({
      days: 1,
      resolution: 'raw',
      cpu: [
        { at: START, value: 12 },
        { at: t.at(), value: 30 },
      ],
      load: [
        { at: START, value: 0.5 },
        { at: t.at(), value: 1.5 },
      ],
      memory: [
        { at: START, value: 25 },
        { at: t.at(), value: 25 },
      ],
      volumes: [
        {
          mount: '/',
          points: [
            { at: START, value: 40 },
            { at: t.at(), value: 40 },
          ],
        },
        {
          mount: '/srv/pedago',
          points: [
            { at: START, value: 60 },
            { at: t.at(), value: 61 },
          ],
        },
      ],
      alerts: [],
    });
    expect(() => t.service.history(99)).toThrow(NotFoundError);
  });
});
