import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../../electron/engine';
import { NotFoundError } from '../../../../electron/engine/errors';
import { openDatabase, type Db } from '../../../../electron/engine/db/database';
import {
  createDevicesRepo,
  sortByIp,
  type DeviceObservation,
} from '../../../../electron/engine/db/repositories/devices-repo';
import { createScansRepo } from '../../../../electron/engine/db/repositories/scans-repo';
import { compareIp } from '../../../../shared/domain/ip-order';
import { DeviceSummary } from '../../../../shared/ipc/contract';
import { DEVICES, seedInventory } from '../../export/seed';

const observation = (
  ip: string,
  serial: string,
  over: Partial<DeviceObservation> = {},
): DeviceObservation => ({
  ip,
  type: 'printer',
  vendor: 'HP',
  model: 'LaserJet M402',
  serial,
  firmware: '2409',
  mac: null,
  credentialKey: 'k1',
  system: {
    sysDescr: 'HP ETHERNET MULTI-ENVIRONMENT',
    sysObjectID: '1.3.6.1.4.1.11.2.3.9.1',
    sysUpTime: 360_000,
    sysContact: 'tice@lycee.example',
    sysName: `IMP-${serial}`,
    sysLocation: 'CDI',
    sysServices: 72,
  },
  ...over,
});

describe('devices repository: the devices table rows (listSummaries)', () => {
  let db: Db;
  let repo: ReturnType<typeof createDevicesRepo>;

  beforeEach(() => {
    db = openDatabase(':memory:');
    repo = createDevicesRepo(db);
    const scan = createScansRepo(db).create(['10.0.0.0/24'], 254, '2026-01-01T00:00:00.000Z');
    const at = '2026-01-01T00:00:01.000Z';
    repo.record(observation('10.0.0.10', 'A'), scan, at);
    repo.record(observation('10.0.0.9', 'B', { mac: '00:11:22:33:44:55' }), scan, at);
    repo.record(observation('10.0.0.100', 'C', { type: 'switch', vendor: 'Cisco' }), scan, at);
    repo.record(observation('9.255.255.1', 'D', { type: 'switch' }), scan, at);
    const { id } = repo.record(observation('10.0.0.9', 'E'), scan, at);
    repo.edit({ id, room: 'B12', notes: 'près de la fenêtre' });
  });

  it('gives every device once, the table fields only, sorted by IP numerically then id', () => {
    const rows = repo.listSummaries();
    expect(rows.map((r) => [r.ip, r.serial])).toEqual([
      ['9.255.255.1', 'D'],
      ['10.0.0.9', 'B'],
      ['10.0.0.9', 'E'],
      ['10.0.0.10', 'A'],
      ['10.0.0.100', 'C'],
    ]);
    expect(rows[2]).toEqual({
      id: rows[2]!.id,
      ip: '10.0.0.9',
      type: 'printer',
      vendor: 'HP',
      model: 'LaserJet M402',
      serial: 'E',
      mac: null,
      sysName: 'IMP-E',
      hostName: null,
      room: 'B12',
      lastSeen: '2026-01-01T00:00:01.000Z',
      missing: false,
    });
    expect(rows[1]!.mac).toBe('00:11:22:33:44:55');
  });

  it('is exactly the table projection of list(), in the same order, and filters by type', () => {
    expect(repo.listSummaries()).toEqual(repo.list().map((device) => DeviceSummary.parse(device)));
    expect(repo.listSummaries('switch').map((r) => r.serial)).toEqual(['D', 'C']);
    expect(repo.listSummaries('ups')).toEqual([]);
  });

  it('says a missing device is missing', () => {
    const scan = createScansRepo(db).create(['10.0.0.0/24'], 254, '2026-01-02T00:00:00.000Z');
    repo.record(observation('10.0.0.10', 'A'), scan, '2026-01-02T00:00:01.000Z');
    repo.markMissing('2026-01-02T00:00:00.000Z', (ip) => ip.startsWith('10.'), ['snmp']);
    const missing = repo
      .listSummaries()
      .filter((r) => r.missing)
      .map((r) => r.serial);
    expect(missing).toEqual(['B', 'E', 'C']);
  });
});

describe('sortByIp', () => {
  it('orders as compareIp then id, without changing its input', () => {
    const items = [
      { id: 3, ip: '10.0.0.10' },
      { id: 1, ip: 'imprimante.lycee' },
      { id: 2, ip: '10.0.0.9' },
      { id: 5, ip: '10.0.0.9' },
      { id: 4, ip: '2.0.0.1' },
    ];
    const before = [...items];
    const sorted = sortByIp(items);
    expect(sorted.map((i) => i.id)).toEqual([4, 2, 5, 3, 1]);
    expect(items).toEqual(before);
    const expected = [...items].sort((a, b) => compareIp(a.ip, b.ip) || a.id - b.id);
    expect(sorted).toEqual(expected);
  });
});

describe('engine.inventory: listSummaries and get', () => {
  it('gives the table rows of the seeded inventory and one whole device, NotFoundError otherwise', () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'parc-summaries-')), 'parc.db');
    seedInventory(dbPath);
    const engine = createEngine({ dbPath });
    try {
      const rows = engine.inventory.listSummaries();
      expect(rows).toEqual(engine.inventory.list().map((device) => DeviceSummary.parse(device)));
      expect(rows.map((r) => r.ip)).toEqual(DEVICES.map((d) => d.ip).sort(compareIp));
      expect(engine.inventory.listSummaries({ type: 'computer' }).map((r) => r.id)).toEqual([3, 6, 7]);
      expect(engine.inventory.get(2)).toMatchObject({
        id: 2,
        sysDescr: 'Cisco IOS Software, C2960X',
        notes: '-à vérifier',
      });
      expect(() => engine.inventory.get(999)).toThrow(NotFoundError);
    } finally {
      engine.close();
    }
  });
});
