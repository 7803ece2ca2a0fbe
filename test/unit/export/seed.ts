/**
 * A small real-looking inventory written straight into a database file, for export and import
 * tests (and the export bench): devices of every family with rooms, notes, asset tags, a
 * printer reading, a formula in a sysLocation, and a community stored in the credentials.
 */
import { openDatabase, type Db } from '../../../electron/engine/db/database';
import { createCredentialsRepo } from '../../../electron/engine/db/repositories/credentials-repo';
import { createPrintersRepo } from '../../../electron/engine/db/repositories/printers-repo';
import type { DeviceType } from '../../../shared/domain/device';
import type { PrinterReading, Supply } from '../../../shared/domain/printer';

export const SECRET_COMMUNITY = 'tres-secret-42';
export const FORMULA = '=HYPERLINK("http://example.invalid","x")';
export const SEEN = '2026-03-02T08:15:00.000Z';

export interface SeedDevice {
  id: number;
  ip: string;
  type: DeviceType;
  sysName?: string | null;
  serial?: string | null;
  mac?: string | null;
  vendor?: string | null;
  model?: string | null;
  sysDescr?: string | null;
  sysLocation?: string | null;
  firmware?: string | null;
  uptimeSeconds?: number | null;
  room?: string | null;
  notes?: string | null;
  assetTag?: string | null;
  missing?: boolean;
}

/** The devices of the small inventory (ids fixed so tests can name them). */
export const DEVICES: readonly SeedDevice[] = [
  {
    id: 1,
    ip: '10.0.0.10',
    type: 'printer',
    sysName: 'IMP-B12',
    serial: 'SN-B12-0001',
    mac: 'aa:bb:cc:00:00:10',
    vendor: 'HP',
    model: 'LaserJet M507',
    sysLocation: FORMULA,
    firmware: '2409048_052887',
    uptimeSeconds: 90061,
    room: 'B12',
    assetTag: 'INV-2024-017',
  },
  {
    id: 2,
    ip: '10.0.0.2',
    type: 'switch',
    sysName: 'SW-CDI',
    serial: 'FOC1234X0AB',
    mac: 'aa:bb:cc:00:00:02',
    vendor: 'Cisco',
    model: 'WS-C2960X-24',
    sysDescr: 'Cisco IOS Software, C2960X',
    room: 'CDI',
    notes: '-à vérifier',
  },
  {
    id: 3,
    ip: '10.0.0.50',
    type: 'computer',
    sysName: 'PC-B12-01',
    mac: 'aa:bb:cc:00:00:50',
    sysLocation: 'Salle B12',
  },
  {
    id: 4,
    ip: '10.0.0.60',
    type: 'projector',
    sysName: 'VP-B14',
    serial: 'X4JF012345',
    room: 'B14',
    missing: true,
  },
  {
    id: 5,
    ip: '10.0.0.5',
    type: 'server',
    sysName: 'SCRIBE',
    vendor: 'Dell',
    room: 'Serveur',
    uptimeSeconds: 59,
  },
  { id: 6, ip: '10.0.0.70', type: 'computer', sysName: 'PC-PROF' },
  { id: 7, ip: '10.0.0.71', type: 'computer', sysName: 'PC-PROF' },
];

const supply = (index: number, s: Partial<Supply> & Pick<Supply, 'kind' | 'state'>): Supply => ({
  index,
  deviceIndex: 1,
  color: null,
  description: null,
  partNumber: null,
  unit: 'percent',
  maxCapacity: 100,
  level: s.percent ?? -2,
  percent: null,
  daysLeft: null,
  ...s,
});

/** The reading of printer 1: counters, black toner at 45 %, cyan low at 4 %, a waste box of unknown level. */
export const READING: PrinterReading = {
  status: 'idle',
  errors: [],
  alerts: [],
  display: null,
  pageCount: { total: 12345, mono: 12000, color: 345 },
  supplies: [
    supply(1, {
      kind: 'toner',
      color: 'black',
      percent: 45,
      state: 'ok',
      description: 'Black Cartridge HP 89A',
      partNumber: 'CF289A',
    }),
    supply(2, {
      kind: 'toner',
      color: 'cyan',
      percent: 4,
      state: 'low',
      description: 'Cyan Cartridge',
      partNumber: 'W2011A',
    }),
    supply(3, { kind: 'waste-toner', state: 'unknown', description: "=cmd|' /C calc'!A0" }),
  ],
  trays: [],
};

/** Inserts devices (all columns the scan would fill, plus room, notes and asset tag). */
export function insertDevices(db: Db, devices: readonly SeedDevice[]): void {
  const insert = db.prepare(`
    INSERT INTO devices (id, identity, ip, type, vendor, model, serial, mac, sys_name, sys_descr, sys_object_id,
      sys_location, sys_contact, firmware, uptime_seconds, credential_key, first_seen, last_seen, missing, room, notes, asset_tag)
    VALUES (@id, @identity, @ip, @type, @vendor, @model, @serial, @mac, @sysName, @sysDescr, NULL,
      @sysLocation, NULL, @firmware, @uptimeSeconds, 'keyed-hash-not-a-secret', @seen, @seen, @missing, @room, @notes, @assetTag)`);
  db.transaction(() => {
    for (const d of devices) {
      insert.run({
        vendor: null,
        model: null,
        serial: null,
        mac: null,
        sysName: null,
        sysDescr: null,
        sysLocation: null,
        firmware: null,
        uptimeSeconds: null,
        room: null,
        notes: null,
        assetTag: null,
        ...d,
        identity: `name:${d.sysName ?? ''}@${d.ip}`,
        missing: d.missing ? 1 : 0,
        seen: SEEN,
      });
    }
  })();
}

/** Writes the small inventory, printer 1's reading and a stored community into the database at `path`. */
export function seedInventory(path: string): void {
  const db = openDatabase(path);
  try {
    insertDevices(db, DEVICES);
    createPrintersRepo(db).record(1, READING, SEEN);
    createCredentialsRepo(db).add({ kind: 'community', version: '2c', community: SECRET_COMMUNITY });
  } finally {
    db.close();
  }
}

const TYPES: readonly DeviceType[] = [
  'computer',
  'computer',
  'computer',
  'computer',
  'printer',
  'switch',
  'access-point',
  'projector',
  'interactive-display',
  'server',
];

/** Writes `count` generated devices (a lycée's mix, one in ten a printer with a reading) for the bench. */
export function seedGenerated(path: string, count: number): void {
  const db = openDatabase(path);
  try {
    const devices: SeedDevice[] = Array.from({ length: count }, (_, i) => {
      const type = TYPES[i % TYPES.length];
      const hex = (i + 1).toString(16).padStart(6, '0');
      return {
        id: i + 1,
        ip: `10.${Math.floor(i / 65536) + 1}.${Math.floor(i / 256) % 256}.${i % 256}`,
        type,
        sysName: `${type.toUpperCase()}-${i + 1}`,
        serial: `SN${hex.toUpperCase()}`,
        mac: `02:00:00:${hex.slice(0, 2)}:${hex.slice(2, 4)}:${hex.slice(4, 6)}`,
        vendor: 'Vendor',
        model: `Model ${i % 7}`,
        sysDescr: `Generated ${type} number ${i + 1}`,
        sysLocation: `Bâtiment ${String.fromCharCode(65 + (i % 5))}`,
        room: `${String.fromCharCode(65 + (i % 5))}${i % 30}`,
        notes: i % 3 === 0 ? 'contrôlé en septembre' : null,
      };
    });
    insertDevices(db, devices);
    const printers = createPrintersRepo(db);
    for (const d of devices) if (d.type === 'printer') printers.record(d.id, READING, SEEN);
  } finally {
    db.close();
  }
}
