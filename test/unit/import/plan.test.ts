import { describe, expect, it } from 'vitest';
import { columnOf } from '../../../electron/engine/import/headers';
import { normaliseMac, planRoomImport } from '../../../electron/engine/import/plan';
import type { Table } from '../../../electron/engine/import/read-table';
import type { ExportedDevice } from '../../../shared/domain/export';

const base: Omit<ExportedDevice, 'id' | 'ip' | 'serial' | 'mac' | 'sysName' | 'room'> = {
  type: 'printer',
  vendor: null,
  model: null,
  sysDescr: null,
  sysObjectID: null,
  sysLocation: null,
  sysContact: null,
  firmware: null,
  uptimeSeconds: null,
  firstSeen: 't',
  lastSeen: 't',
  missing: false,
  notes: null,
  assetTag: null,
  hostName: null,
  workgroup: null,
  os: null,
  openPorts: [],
  sources: ['snmp'],
  inventoriedAt: null,
};
const DEVICES: ExportedDevice[] = [
  {
    ...base,
    id: 1,
    ip: '10.0.0.10',
    serial: 'SN-B12-0001',
    mac: 'aa:bb:cc:00:00:10',
    sysName: 'IMP-B12',
    room: 'B12',
  },
  { ...base, id: 2, ip: '10.0.0.2', serial: null, mac: 'aa:bb:cc:00:00:02', sysName: 'SW-CDI', room: null },
  { ...base, id: 3, ip: '10.0.0.3', serial: null, mac: null, sysName: 'PC-PROF', room: null },
  { ...base, id: 4, ip: '10.0.0.4', serial: null, mac: null, sysName: 'pc-prof', room: null },
  {
    ...base,
    id: 5,
    ip: '10.0.0.5',
    serial: null,
    mac: null,
    sysName: 'SCRIBE',
    room: 'Serveur',
    notes: '=1+1',
  },
];

const table = (header: string[], ...rows: string[][]): Table => ({
  sheet: null,
  header,
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
});

describe('columnOf', () => {
  it.each([
    ['Salle', 'room'],
    ['  ROOM ', 'room'],
    ['Pièce', 'room'],
    ["N° d'inventaire", 'assetTag'],
    ['Numéro d’inventaire', 'assetTag'],
    ['Asset tag', 'assetTag'],
    ['Notes', 'notes'],
    ['Remarques', 'notes'],
    ['N° de série', 'serial'],
    ['Numéro de série', 'serial'],
    ['Serial number', 'serial'],
    ['Adresse MAC', 'mac'],
    ['Adresse IP', 'ip'],
    ['Nom', 'name'],
    ['Name', 'name'],
    ['Modèle', null],
    ['Emplacement (SNMP)', null],
  ])('%j → %s', (header, column) => expect(columnOf(header)).toBe(column));
});

describe('normaliseMac', () => {
  it.each([
    ['AA-BB-CC-00-00-10', 'aa:bb:cc:00:00:10'],
    ['aabb.cc00.0010', 'aa:bb:cc:00:00:10'],
    ['AABBCC000010', 'aa:bb:cc:00:00:10'],
    ['not a mac', null],
  ])('%j → %s', (text, mac) => expect(normaliseMac(text)).toBe(mac));
});

describe('planRoomImport', () => {
  it('matches by serial, then MAC, then IP, then name, and lists only the fields that differ', () => {
    const plan = planRoomImport(
      'salles.csv',
      [
        table(
          ['N° de série', 'Adresse MAC', 'IP', 'Nom', 'Salle', 'Notes'],
          ['sn-b12-0001', '', '', '', 'B12', ''],
          ['', 'AA-BB-CC-00-00-02', '', '', 'CDI', 'baie 1'],
          ['', '', '10.0.0.3', 'whatever', 'Salle des profs', ''],
          ['', '', '', 'scribe', 'Serveur', "'=1+1"],
        ),
      ],
      DEVICES,
    );
    expect(plan.columns).toEqual(['room', 'notes']);
    expect(plan.rowCount).toBe(4);
    expect(plan.unmatched).toEqual([]);
    expect(plan.ambiguous).toEqual([]);
    expect(plan.matched.map((m) => [m.deviceId, m.matchedBy, m.changes])).toEqual([
      [1, 'serial', []],
      [
        2,
        'mac',
        [
          { field: 'room', from: null, to: 'CDI' },
          { field: 'notes', from: null, to: 'baie 1' },
        ],
      ],
      [3, 'ip', [{ field: 'room', from: null, to: 'Salle des profs' }]],
      [5, 'name', []],
    ]);
  });

  it('a serial that matches nothing falls back to the next identifier', () => {
    const plan = planRoomImport(
      'f',
      [table(['Serial', 'IP', 'Room'], ['OTHER', '10.0.0.2', 'CDI'])],
      DEVICES,
    );
    expect(plan.matched[0]).toMatchObject({ deviceId: 2, matchedBy: 'ip' });
  });

  it('reports unmatched rows, ambiguous names and a device given twice', () => {
    const plan = planRoomImport(
      'f',
      [
        table(
          ['Nom', 'Salle'],
          ['PC-PROF', 'B01'],
          ['IMP-INCONNUE', 'B02'],
          ['', 'B03'],
          ['IMP-B12', 'B12'],
          ['imp-b12', 'B13'],
        ),
      ],
      DEVICES,
    );
    expect(plan.ambiguous).toEqual([
      {
        row: { sheet: null, line: 2 },
        matchedBy: 'name',
        deviceIds: [3, 4],
        reason: '2 devices have name "PC-PROF"',
      },
      {
        row: { sheet: null, line: 6 },
        matchedBy: 'name',
        deviceIds: [1],
        reason: 'the same device as line 5',
      },
    ]);
    expect(plan.unmatched).toEqual([
      { row: { sheet: null, line: 3 }, reason: 'no device with name "IMP-INCONNUE"' },
      { row: { sheet: null, line: 4 }, reason: 'no serial number, MAC, IP or name' },
    ]);
    expect(plan.matched).toHaveLength(1);
  });

  it('refuses a room longer than 100 characters', () => {
    const plan = planRoomImport('f', [table(['IP', 'Salle'], ['10.0.0.2', 'x'.repeat(101)])], DEVICES);
    expect(plan.unmatched[0].reason).toBe('room longer than 100 characters');
  });

  it('skips tables without an identifier or an editable column', () => {
    const plan = planRoomImport(
      'f',
      [table(['Type', 'Nombre'], ['Imprimante', '3']), table(['Imprimante', 'Salle'], ['IMP-B12', 'B12'])],
      DEVICES,
    );
    expect(plan).toMatchObject({ columns: [], rowCount: 0 });
  });
});
