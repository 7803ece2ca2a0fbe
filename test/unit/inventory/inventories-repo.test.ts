import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/engine/db/database';
import { MIGRATIONS } from '../../../electron/engine/db/migrations';
import { createDevicesRepo, type DevicesRepo } from '../../../electron/engine/db/repositories/devices-repo';
import {
  createInventoriesRepo,
  type InventoriesRepo,
} from '../../../electron/engine/db/repositories/inventories-repo';
import { createScansRepo } from '../../../electron/engine/db/repositories/scans-repo';
import { SelfInventory, usableDmiText } from '../../../shared/domain/inventory';
import { pcDocument } from './documents';

const NOW = '2026-03-10T10:00:00.000Z';
let counter = 0;
/** A fresh file reference (a new sha256 each time unless given). */
const file = (sha = `sha-${++counter}`) => ({ sha256: sha, fileName: `${sha}.json`, now: NOW });

describe('migration 0007 (self-inventories)', () => {
  it('creates inventory_files and self_inventories', () => {
    const db = openDatabase(':memory:');
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['inventory_files', 'self_inventories']));
    expect(MIGRATIONS.find((m) => m.version === 7)?.name).toBe('self-inventories');
    const columns = db
      .prepare<[], { name: string }>('PRAGMA table_info(inventory_files)')
      .all()
      .map((c) => c.name);
    expect(columns).toEqual(['sha256', 'file_name', 'imported_at', 'device_id']);
  });
});

describe('usableDmiText', () => {
  it.each([
    ['To be filled by O.E.M.', null],
    ['  default STRING ', null],
    ['System Serial Number', null],
    ['0', null],
    ['', null],
    ['00000000', null],
    ['5CG1234XYZ', '5CG1234XYZ'],
  ])('%j → %j', (raw, value) => expect(usableDmiText(raw)).toBe(value));
});

describe('inventories repository', () => {
  let db: Db;
  let repo: InventoriesRepo;
  let devices: DevicesRepo;

  beforeEach(() => {
    db = openDatabase(':memory:');
    repo = createInventoriesRepo(db);
    devices = createDevicesRepo(db);
  });

  /** A host that only the agentless probes saw. */
  const networkHost = (over: Partial<Parameters<DevicesRepo['recordNetwork']>[0]> = {}) => {
    const scanId = createScansRepo(db).create(['10.12.0.0/16'], 65536, '2026-03-01T00:00:00.000Z');
    return devices.recordNetwork(
      {
        ip: '10.12.0.99',
        type: 'other',
        vendor: null,
        model: null,
        serial: null,
        mac: null,
        hostName: 'PC-1',
        workgroup: 'LYCEE',
        os: 'Windows',
        openPorts: [135, 445],
        sources: ['network'],
        ...over,
      },
      scanId,
      '2026-03-01T00:00:00.000Z',
    ).id;
  };

  it('creates a computer from a new machine, with the exact OS and the self-inventory source', () => {
    expect(repo.importDocument(pcDocument(1), file())).toBe('created');
    const [device] = devices.list();
    expect(device).toMatchObject({
      ip: '10.12.0.1',
      type: 'computer',
      vendor: 'Dell Inc.',
      model: 'OptiPlex 7090',
      serial: 'SN00001',
      mac: '00:1b:21:00:00:01',
      hostName: 'PC-1',
      os: 'Windows 11 Pro 10.0.22631',
      sources: ['self-inventory'],
      inventoriedAt: '2026-03-02T08:00:00.000Z',
      lastSeen: '2026-03-02T08:00:00.000Z',
      missing: false,
    });
    expect(repo.get(device.id)).toEqual(pcDocument(1));
    expect(db.prepare('SELECT identity FROM devices').pluck().get()).toBe('serial:SN00001');
  });

  it('skips a file whose sha256 was imported, whatever its content', () => {
    repo.importDocument(pcDocument(1), file('same'));
    expect(repo.importDocument(pcDocument(2), file('same'))).toBe('already-imported');
    expect(devices.list()).toHaveLength(1);
    expect(repo.isImported('same')).toBe(true);
  });

  it('matches a device found by the network scan by host name, case-insensitively, and keeps its room', () => {
    const id = networkHost({ hostName: 'pc-1' });
    devices.edit({ id, room: 'B12', notes: 'près de la fenêtre' });
    expect(repo.importDocument(pcDocument(1), file())).toBe('updated');
    expect(devices.list()).toHaveLength(1);
    expect(devices.get(id)).toMatchObject({
      type: 'computer',
      serial: 'SN00001',
      mac: '00:1b:21:00:00:01',
      ip: '10.12.0.1',
      os: 'Windows 11 Pro 10.0.22631',
      workgroup: 'LYCEE',
      openPorts: [135, 445],
      sources: ['network', 'self-inventory'],
      room: 'B12',
      notes: 'près de la fenêtre',
      lastSeen: '2026-03-02T08:00:00.000Z',
    });
    // A later network scan keeps the exact OS over its guess.
    networkHost({ hostName: 'PC-1', ip: '10.12.0.1', mac: '00:1b:21:00:00:01' });
    expect(devices.get(id)?.os).toBe('Windows 11 Pro 10.0.22631');
  });

  it('matches by serial first, and ignores placeholder serials and virtual MACs', () => {
    const bySerial = networkHost({ hostName: 'OTHER-NAME', serial: 'SN00001', mac: '00:1b:21:ff:ff:ff' });
    expect(repo.importDocument(pcDocument(1), file())).toBe('updated');
    // The stored MAC was not one of this PC's: the document's replaces it.
    expect(devices.get(bySerial)).toMatchObject({ hostName: 'PC-1', mac: '00:1b:21:00:00:01' });

    // A placeholder serial must not tie two PCs: PC-2 and PC-3 both say "To be filled by O.E.M.".
    const oem = (i: number): SelfInventory => {
      const base = pcDocument(i);
      return { ...base, system: { ...base.system!, serial: 'To be filled by O.E.M.' } };
    };
    expect(repo.importDocument(oem(2), file())).toBe('created');
    expect(repo.importDocument(oem(3), file())).toBe('created');
    // Both also share a virtual (Hyper-V) MAC, which matches nothing either.
    expect(devices.list().map((d) => d.mac)).toEqual([
      '00:1b:21:00:00:01',
      '00:1b:21:00:00:02',
      '00:1b:21:00:00:03',
    ]);
    expect(db.prepare('SELECT identity FROM devices WHERE id = 3').pluck().get()).toBe(
      'mac:00:1b:21:00:00:03',
    );
    // With no usable serial, the physical MAC finds the device again.
    expect(repo.importDocument({ ...oem(3), collectedAt: '2026-03-05T08:00:00.000Z' }, file())).toBe(
      'updated',
    );
    expect(devices.list()).toHaveLength(3);
  });

  it('does not match by host name a device with another serial (a re-imaged PC keeps the name)', () => {
    networkHost({ hostName: 'PC-1', serial: 'OLD-BOARD' });
    expect(repo.importDocument(pcDocument(1), file())).toBe('created');
    expect(devices.list()).toHaveLength(2);
  });

  it('an older document does not overwrite a newer one; the same content is unchanged', () => {
    repo.importDocument(pcDocument(1, { collectedAt: '2026-03-04T08:00:00.000Z' }), file());
    const older = pcDocument(1, { collectedAt: '2026-03-01T08:00:00.000Z', memory: { totalBytes: 1 } });
    expect(repo.importDocument(older, file())).toBe('unchanged');
    const [device] = devices.list();
    expect(repo.get(device.id)?.memory?.totalBytes).toBe(17_179_869_184);
    expect(device.inventoriedAt).toBe('2026-03-04T08:00:00.000Z');
    // The same document in other bytes (another file): unchanged, but recorded as imported.
    expect(
      repo.importDocument(pcDocument(1, { collectedAt: '2026-03-04T08:00:00.000Z' }), file('copy')),
    ).toBe('unchanged');
    expect(repo.isImported('copy')).toBe(true);
    // A newer one updates.
    const newer = pcDocument(1, { collectedAt: '2026-03-06T08:00:00.000Z', hostName: 'PC-1-CDI' });
    expect(repo.importDocument(newer, file())).toBe('updated');
    expect(devices.get(device.id)).toMatchObject({
      hostName: 'PC-1-CDI',
      inventoriedAt: '2026-03-06T08:00:00.000Z',
    });
  });

  it('a document without serial, MAC or host name, or named like several devices, is unmatched and not recorded', () => {
    const anonymous = pcDocument(1, { hostName: null, system: null, network: [] });
    expect(repo.importDocument(anonymous, file('anon'))).toBe('unmatched');
    expect(repo.isImported('anon')).toBe(false);

    networkHost({ hostName: 'SALLE-INFO', ip: '10.12.0.50' });
    networkHost({ hostName: 'salle-info', ip: '10.12.0.51' });
    const sameName = pcDocument(9, { hostName: 'Salle-Info', system: null, network: null });
    expect(repo.importDocument(sameName, file())).toBe('unmatched');
    // With its own serial it is a machine of its own.
    expect(repo.importDocument(pcDocument(9, { hostName: 'Salle-Info' }), file())).toBe('created');
    expect(devices.list()).toHaveLength(3);
  });

  it('a device of a known type keeps it; a newer sighting by a scan keeps its last_seen and IP', () => {
    const id = networkHost({
      hostName: 'SRV-PEDA',
      type: 'server',
      ip: '10.12.0.2',
      mac: '00:1b:21:00:00:01',
    });
    db.prepare("UPDATE devices SET last_seen = '2026-03-10T00:00:00.000Z' WHERE id = ?").run(id);
    expect(repo.importDocument(pcDocument(1), file())).toBe('updated');
    expect(devices.get(id)).toMatchObject({
      type: 'server',
      ip: '10.12.0.2',
      lastSeen: '2026-03-10T00:00:00.000Z',
      inventoriedAt: '2026-03-02T08:00:00.000Z',
    });
  });
});

describe('interactive boards plugged into a PC by USB', () => {
  it('become interactive-display devices at the PC, in its room, once per board', () => {
    const db = openDatabase(':memory:');
    const repo = createInventoriesRepo(db);
    const devices = createDevicesRepo(db);
    const board = {
      vendorId: 0x0b8c,
      productId: 0x00c3,
      name: 'SMART Board',
      manufacturer: 'SMART Technologies',
      interactiveBoard: { vendor: 'SMART Technologies', model: null },
    };
    const doc = pcDocument(7, { usb: [board] });
    expect(repo.importDocument(doc, file())).toBe('created');
    const pc = devices.list().find((d) => d.type === 'computer');
    devices.edit({ id: pc?.id as number, room: 'B12' });
    expect(repo.importDocument({ ...doc, collectedAt: '2026-03-04T08:00:00.000Z' }, file())).toBe('updated');
    const boards = devices.list().filter((d) => d.type === 'interactive-display');
    expect(boards).toHaveLength(1);
    expect(boards[0]).toMatchObject({
      ip: pc?.ip,
      room: 'B12',
      vendor: 'SMART Technologies',
      hostName: 'PC-7',
      sources: ['usb'],
      lastSeen: '2026-03-04T08:00:00.000Z',
    });
  });
});

describe('inventories from PCs with a wrong clock or a partial collection', () => {
  it('a document dated in the future counts as collected at import, so the next one still updates', () => {
    const db = openDatabase(':memory:');
    const repo = createInventoriesRepo(db);
    expect(repo.importDocument(pcDocument(5, { collectedAt: '2099-01-01T00:00:00.000Z' }), file())).toBe(
      'created',
    );
    const pc = createDevicesRepo(db).list()[0];
    expect(pc.lastSeen).toBe(NOW);
    const later = { ...file(), now: '2026-03-11T10:00:00.000Z' };
    const fixed = pcDocument(5, {
      collectedAt: '2026-03-11T09:00:00.000Z',
      memory: { totalBytes: 8 * 2 ** 30 },
    });
    expect(repo.importDocument(fixed, later)).toBe('updated');
    expect(repo.get(pc.id)?.memory?.totalBytes).toBe(8 * 2 ** 30);
  });

  it('keeps the sections a later collection could not read, and names only what is still missing', () => {
    const db = openDatabase(':memory:');
    const repo = createInventoriesRepo(db);
    repo.importDocument(pcDocument(6), file());
    const partial = pcDocument(6, {
      collectedAt: '2026-03-02T09:00:00.000Z',
      bios: null,
      battery: null,
      incomplete: ['bios', 'battery'],
    });
    expect(repo.importDocument(partial, file())).toBe('updated');
    const id = createDevicesRepo(db).list()[0].id;
    expect(repo.get(id)).toMatchObject({ bios: pcDocument(6).bios, incomplete: [] });
  });

  it('reads MACs written in upper case or with dashes', () => {
    const doc = pcDocument(8);
    const raw = JSON.parse(JSON.stringify(doc)) as { network: { mac: string }[] };
    raw.network[0].mac = 'F8-B1-56-12-34-56';
    expect(SelfInventory.parse(raw).network?.[0].mac).toBe('f8:b1:56:12:34:56');
  });
});
