import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/engine/db/database';
import {
  createDevicesRepo,
  identityOf,
  type DeviceObservation,
} from '../../../../electron/engine/db/repositories/devices-repo';
import { createScansRepo } from '../../../../electron/engine/db/repositories/scans-repo';

const observation = (over: Partial<DeviceObservation> = {}): DeviceObservation => ({
  ip: '10.0.0.10',
  type: 'printer',
  vendor: 'HP',
  model: 'LaserJet M402',
  serial: 'VNB3X12345',
  firmware: '2409',
  mac: '00:11:22:33:44:55',
  credentialKey: 'k1',
  system: {
    sysDescr: 'HP ETHERNET MULTI-ENVIRONMENT',
    sysObjectID: '1.3.6.1.4.1.11.2.3.9.1',
    sysUpTime: 360_000,
    sysContact: null,
    sysName: 'IMP-CDI',
    sysLocation: 'CDI',
    sysServices: 72,
  },
  ...over,
});

describe('devices repository', () => {
  let db: Db;
  let repo: ReturnType<typeof createDevicesRepo>;
  let scan1: number;
  let scan2: number;

  beforeEach(() => {
    db = openDatabase(':memory:');
    repo = createDevicesRepo(db);
    const scans = createScansRepo(db);
    scan1 = scans.create(['10.0.0.0/24'], 254, '2026-01-01T00:00:00.000Z');
    scan2 = scans.create(['10.0.0.0/24'], 254, '2026-01-02T00:00:00.000Z');
  });

  it('stores a new device with uptime in seconds and the raw system group', () => {
    const { id, created } = repo.record(observation(), scan1, '2026-01-01T00:00:01.000Z');
    expect(created).toBe(true);
    const device = repo.get(id);
    expect(device).toMatchObject({
      ip: '10.0.0.10',
      type: 'printer',
      serial: 'VNB3X12345',
      sysName: 'IMP-CDI',
      uptimeSeconds: 3600,
      firstSeen: '2026-01-01T00:00:01.000Z',
      lastSeen: '2026-01-01T00:00:01.000Z',
      missing: false,
      room: null,
    });
    const raw = db
      .prepare<[number], { raw_system: string }>('SELECT raw_system FROM devices WHERE id = ?')
      .get(id);
    expect(JSON.parse(raw?.raw_system ?? '{}').sysObjectID).toBe('1.3.6.1.4.1.11.2.3.9.1');
  });

  it('keeps two devices sharing a serial apart when one scan sees them at two addresses under two names', () => {
    // Some JetDirect cards all report the placeholder serial AAA0A00000.
    const named = (sysName: string) => ({ ...observation().system, sysName });
    const a = observation({ serial: 'AAA0A00000', mac: '94:57:a5:00:00:01', system: named('IMP-CDI') });
    const b = observation({ serial: 'AAA0A00000', mac: null, ip: '10.0.0.11', system: named('IMP-SDP') });
    const first = [
      repo.record(a, scan1, '2026-01-01T00:00:01.000Z'),
      repo.record(b, scan1, '2026-01-01T00:00:02.000Z'),
    ];
    expect(first.map((r) => r.created)).toEqual([true, true]);
    // The next scan meets them in the other order: each stays with its own MAC and address.
    const again = [
      repo.record(b, scan2, '2026-01-02T00:00:01.000Z'),
      repo.record(a, scan2, '2026-01-02T00:00:02.000Z'),
    ];
    expect(again).toEqual([
      { id: first[1].id, created: false },
      { id: first[0].id, created: false },
    ]);
    expect(repo.list().map((d) => [d.ip, d.sysName])).toEqual([
      ['10.0.0.10', 'IMP-CDI'],
      ['10.0.0.11', 'IMP-SDP'],
    ]);
  });

  it('keeps one device answering at two addresses under one name (wired and Wi-Fi)', () => {
    const wired = repo.record(observation(), scan1, '2026-01-01T00:00:01.000Z');
    const wifi = repo.record(
      observation({ ip: '10.0.1.10', mac: '00:11:22:33:44:66' }),
      scan1,
      '2026-01-01T00:00:02.000Z',
    );
    expect(wifi).toEqual({ id: wired.id, created: false });
  });

  it('follows a device whose network card was replaced: same serial, new MAC, next scan', () => {
    const { id } = repo.record(observation(), scan1, '2026-01-01T00:00:01.000Z');
    const again = repo.record(observation({ mac: '00:11:22:33:44:99' }), scan2, '2026-01-02T00:00:01.000Z');
    expect(again).toEqual({ id, created: false });
  });

  it('updates rather than duplicates: same serial at a new address keeps id, first seen and room', () => {
    const { id } = repo.record(observation(), scan1, '2026-01-01T00:00:01.000Z');
    repo.edit({ id, room: 'CDI', notes: 'Toner rangé au local B' });
    const again = repo.record(observation({ ip: '10.0.0.99' }), scan2, '2026-01-02T00:00:01.000Z');
    expect(again).toEqual({ id, created: false });
    expect(repo.list()).toHaveLength(1);
    expect(repo.get(id)).toMatchObject({
      ip: '10.0.0.99',
      firstSeen: '2026-01-01T00:00:01.000Z',
      lastSeen: '2026-01-02T00:00:01.000Z',
      room: 'CDI',
      notes: 'Toner rangé au local B',
    });
  });

  it('matches by MAC without a serial, then by sysName at the same IP', () => {
    const a = repo.record(observation({ serial: null }), scan1, 't1');
    expect(repo.record(observation({ serial: null, ip: '10.0.0.11' }), scan2, 't2')).toEqual({
      id: a.id,
      created: false,
    });
    const b = repo.record(observation({ serial: null, mac: null, ip: '10.0.0.50' }), scan1, 't1');
    expect(repo.record(observation({ serial: null, mac: null, ip: '10.0.0.50' }), scan2, 't2').id).toBe(b.id);
    expect(repo.record(observation({ serial: null, mac: null, ip: '10.0.0.51' }), scan2, 't2').created).toBe(
      true,
    );
  });

  it('marks devices of scanned addresses not seen as missing, and only those', () => {
    const seen = repo.record(observation(), scan1, 't1');
    const gone = repo.record(observation({ serial: 'OTHER', mac: null, ip: '10.0.0.20' }), scan1, 't1');
    const elsewhere = repo.record(observation({ serial: 'FAR', mac: null, ip: '10.9.0.20' }), scan1, 't1');
    repo.record(observation(), scan2, 't2');
    const missing = repo.markMissing('t2', (ip) => ip.startsWith('10.0.0.'), ['snmp', 'network', 'pjlink']);
    expect(missing).toBe(1);
    expect(repo.get(gone.id)?.missing).toBe(true);
    expect(repo.get(seen.id)?.missing).toBe(false);
    expect(repo.get(elsewhere.id)?.missing).toBe(false);
    // Seen again: no longer missing.
    repo.record(observation({ serial: 'OTHER', mac: null, ip: '10.0.0.20' }), scan2, 't3');
    expect(repo.get(gone.id)?.missing).toBe(false);
  });

  it('lists by type, sorted by IP numerically', () => {
    repo.record(observation({ ip: '10.0.0.100', serial: 'A', mac: null }), scan1, 't');
    repo.record(observation({ ip: '10.0.0.9', serial: 'B', mac: null }), scan1, 't');
    repo.record(observation({ ip: '10.0.0.20', serial: 'C', mac: null, type: 'switch' }), scan1, 't');
    expect(repo.list().map((d) => d.ip)).toEqual(['10.0.0.9', '10.0.0.20', '10.0.0.100']);
    expect(repo.list('switch').map((d) => d.serial)).toEqual(['C']);
  });

  it('clears room and notes with empty text and returns undefined for an unknown id', () => {
    const { id } = repo.record(observation(), scan1, 't');
    repo.edit({ id, room: 'B12', notes: 'x' });
    expect(repo.edit({ id, room: '  ' })).toMatchObject({ room: null, notes: 'x' });
    expect(repo.edit({ id, assetTag: ' INV-0042 ' })).toMatchObject({ assetTag: 'INV-0042', notes: 'x' });
    expect(repo.edit({ id, assetTag: '' })?.assetTag).toBeNull();
    expect(repo.edit({ id: 999, room: 'A' })).toBeUndefined();
  });

  it('remembers the credential key per address', () => {
    repo.record(observation(), scan1, 't');
    expect(repo.credentialKeysByIp().get('10.0.0.10')).toBe('k1');
  });

  it('builds identities from serial, else MAC, else sysName@IP', () => {
    expect(identityOf(observation())).toBe('serial:VNB3X12345');
    expect(identityOf(observation({ serial: null }))).toBe('mac:00:11:22:33:44:55');
    expect(identityOf(observation({ serial: null, mac: null }))).toBe('name:IMP-CDI@10.0.0.10');
  });
});
