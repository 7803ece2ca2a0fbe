/**
 * Issue 7 through the command line (`runCli`) on a seeded database: every format, read back
 * with a CSV library and exceljs; formula neutralisation; no secret; --force; import of rooms
 * (plan, cancel, apply) and the round trip export → edit one cell → import.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { Workbook, ValueType } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { ExportDocument, RoomImportPlan } from '../../shared/domain/export';
import { DEVICES, FORMULA, SECRET_COMMUNITY, seedInventory } from '../unit/export/seed';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'parc-export-'));
  const db = join(dir, 'parc.db');
  seedInventory(db);
  const out: string[] = [];
  const err: string[] = [];
  const run = async (args: string[]) => {
    out.length = 0;
    err.length = 0;
    return runCli([...args, '--db', db], { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  };
  let checks = 0;
  /** The devices as the database holds them now (through a JSON export). */
  const devicesJson = async () => {
    const path = join(dir, `check-${++checks}.json`);
    await run(['export', '--format', 'json', '--out', path]);
    const doc = ExportDocument.parse(JSON.parse(readFileSync(path, 'utf8')));
    return new Map(doc.devices.map((d) => [d.id, d]));
  };
  return { dir, db, run, out, err, stdout: () => out.join(''), stderr: () => err.join(''), devicesJson };
}

const readCsv = (path: string) =>
  parse(readFileSync(path), { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];

describe('parc export --format csv', () => {
  it('writes a CSV French Excel opens right, one row per device, that reads back', async () => {
    const t = setup();
    const path = join(t.dir, 'inventaire.csv');
    expect(await t.run(['export', '--format', 'csv', '--out', path])).toBe(0);
    expect(t.stderr()).toBe(`export: 7 devices written as csv to ${path}\n`);
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toMatch(/^\uFEFFType;Catégorie;Nom;IP;MAC;/);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const rows = readCsv(path);
    expect(rows.map((r) => r.IP)).toEqual([
      '10.0.0.2',
      '10.0.0.5',
      '10.0.0.10',
      '10.0.0.50',
      '10.0.0.60',
      '10.0.0.70',
      '10.0.0.71',
    ]);
    expect(rows[2]).toMatchObject({
      Type: 'printer',
      Catégorie: 'Imprimante',
      Nom: 'IMP-B12',
      'N° de série': 'SN-B12-0001',
      Salle: 'B12',
      "N° d'inventaire": 'INV-2024-017',
      'Emplacement (SNMP)': `'${FORMULA}`,
      Absent: 'non',
      'Vu la dernière fois (UTC)': '2026-03-02T08:15:00Z',
    });
    expect(rows[0].Notes).toBe("'-à vérifier");
    expect(rows[4]).toMatchObject({ Catégorie: 'Vidéoprojecteur', Absent: 'oui' });
  });

  it('--type keeps only those types; --split writes one file per type in a folder', async () => {
    const t = setup();
    const path = join(t.dir, 'pc.csv');
    expect(
      await t.run(['export', '--format', 'csv', '--type', 'computer', '--type', 'server', '--out', path]),
    ).toBe(0);
    expect(readCsv(path).map((r) => r.Type)).toEqual(['server', 'computer', 'computer', 'computer']);
    const folder = join(t.dir, 'par-type');
    expect(await t.run(['export', '--format', 'csv', '--split', '--out', folder])).toBe(0);
    expect(readdirSync(folder).sort()).toEqual([
      'computer.csv',
      'printer.csv',
      'projector.csv',
      'server.csv',
      'switch.csv',
    ]);
    expect(readCsv(join(folder, 'computer.csv'))).toHaveLength(3);
  });
});

describe('parc export --format xlsx', () => {
  it('holds the sheets, a frozen header, an auto-filter, real numbers and dates, one row per device', async () => {
    const t = setup();
    const path = join(t.dir, 'inventaire.xlsx');
    expect(await t.run(['export', '--format', 'xlsx', '--out', path])).toBe(0);
    const workbook = new Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Synthèse',
      'Ordinateurs',
      'Imprimantes',
      'Consommables',
      'Réseau',
      'TNI',
      'Serveur',
      'Autres',
    ]);
    const deviceSheets = ['Ordinateurs', 'Imprimantes', 'Réseau', 'TNI', 'Serveur', 'Autres'];
    const rows = deviceSheets.reduce((n, name) => n + workbook.getWorksheet(name)!.actualRowCount - 1, 0);
    expect(rows).toBe(DEVICES.length);
    for (const name of [...deviceSheets, 'Consommables']) {
      const sheet = workbook.getWorksheet(name)!;
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(10);
    }

    const printers = workbook.getWorksheet('Imprimantes')!;
    const header = (printers.getRow(1).values as unknown[]).slice(1) as string[];
    const cell = (title: string) => printers.getRow(2).getCell(header.indexOf(title) + 1);
    expect(cell('Nom').value).toBe('IMP-B12');
    expect(cell('Emplacement (SNMP)').value).toBe(`'${FORMULA}`);
    expect(cell('Emplacement (SNMP)').type).toBe(ValueType.String);
    expect(cell('Pages (total)').value).toBe(12345);
    expect(cell('Pages (total)').type).toBe(ValueType.Number);
    expect(cell('Toner noir (niveau)').value).toBe(0.45);
    expect(cell('Toner noir (niveau)').numFmt).toBe('0%');
    expect(cell('Collecteur de toner usagé (niveau)').value).toBe('Inconnu');
    expect(cell('Vu la dernière fois (UTC)').type).toBe(ValueType.Date);
    expect((cell('Vu la dernière fois (UTC)').value as Date).toISOString()).toBe('2026-03-02T08:15:00.000Z');

    const order = workbook.getWorksheet('Consommables')!;
    expect(order.getRow(2).getCell(1).value).toBe('IMP-B12');
    expect(order.getRow(2).getCell(4).value).toBe('Toner cyan');
    expect(order.getRow(2).getCell(6).value).toBe('W2011A');

    const summary = workbook.getWorksheet('Synthèse')!;
    const pairs = new Map<unknown, unknown>();
    summary.eachRow((row) => pairs.set(row.getCell(1).value, row.getCell(2).value));
    expect(pairs.get('Établissement')).toBe('—');
    expect(pairs.get('Appareils')).toBe(7);
    expect(pairs.get('Ordinateur')).toBe(3);
    expect(pairs.get('B12')).toBe(1);
    expect(pairs.get("Date de l'export (UTC)")).toBeInstanceOf(Date);
  });
});

describe('parc export --format json and glpi', () => {
  it('JSON: the whole inventory, asset tags and printer readings, valid against the published schema', async () => {
    const t = setup();
    const path = join(t.dir, 'inventaire.json');
    expect(await t.run(['export', '--format', 'json', '--out', path])).toBe(0);
    const doc = ExportDocument.parse(JSON.parse(readFileSync(path, 'utf8')));
    expect(doc.schemaVersion).toBe(1);
    expect(doc.devices).toHaveLength(7);
    expect(doc.devices.find((d) => d.id === 1)).toMatchObject({
      room: 'B12',
      assetTag: 'INV-2024-017',
      sysLocation: FORMULA,
    });
    expect(doc.printers).toEqual([
      expect.objectContaining({ deviceId: 1, readAt: '2026-03-02T08:15:00.000Z' }),
    ]);
    expect(doc.printers[0].reading.pageCount.total).toBe(12345);
  });

  it('GLPI: one document per device in a folder', async () => {
    const t = setup();
    const folder = join(t.dir, 'glpi');
    expect(await t.run(['export', '--format', 'glpi', '--out', folder])).toBe(0);
    const files = readdirSync(folder).sort();
    expect(files).toHaveLength(7);
    const printer = JSON.parse(readFileSync(join(folder, '1-IMP-B12.json'), 'utf8'));
    expect(printer).toMatchObject({
      itemtype: 'Printer',
      action: 'netinventory',
      content: { pagecounters: { total: 12345 } },
    });
  });
});

describe('no secret in any export', () => {
  it('the stored community appears in no file of any format', async () => {
    const t = setup();
    const paths = ['a.csv', 'a.xlsx', 'a.json', 'glpi'].map((p) => join(t.dir, p));
    for (const [format, path] of [
      ['csv', paths[0]],
      ['xlsx', paths[1]],
      ['json', paths[2]],
      ['glpi', paths[3]],
    ]) {
      expect(await t.run(['export', '--format', format, '--out', path])).toBe(0);
    }
    const workbook = new Workbook();
    await workbook.xlsx.readFile(paths[1]);
    const xlsxText: string[] = [];
    workbook.eachSheet((s) => s.eachRow((r) => xlsxText.push(JSON.stringify(r.values))));
    const all = [
      readFileSync(paths[0], 'utf8'),
      readFileSync(paths[2], 'utf8'),
      xlsxText.join('\n'),
      ...readdirSync(paths[3]).map((f) => readFileSync(join(paths[3], f), 'utf8')),
    ].join('\n');
    expect(all).toContain('IMP-B12');
    expect(all).not.toContain(SECRET_COMMUNITY);
    expect(all).not.toContain('keyed-hash-not-a-secret');
  });
});

describe('parc export: bad input and safety', () => {
  it.each([
    [['--format', 'pdf', '--out', 'x.pdf'], 'Unknown export format "pdf"'],
    [['--format', 'csv', '--out', 'x.csv', '--type', 'toaster'], 'Unknown device type "toaster"'],
    [['--format', 'json', '--split', '--out', 'x'], '--split only applies to the csv format'],
    [['--format', 'csv', '--out', 'missing-folder/x.csv'], 'does not exist'],
  ])('exit 2 for %j', async (args, message) => {
    const t = setup();
    const fixed = args.map((a) => (a.includes('x') && !a.startsWith('-') ? join(t.dir, a) : a));
    expect(await t.run(['export', ...fixed])).toBe(2);
    expect(t.stderr()).toContain(message);
    expect(t.stderr().trim().split('\n')).toHaveLength(1);
    expect(readdirSync(t.dir)).toEqual(
      ['parc.db', 'parc.db-shm', 'parc.db-wal'].filter((f) => readdirSync(t.dir).includes(f)),
    );
  });

  it('never overwrites without --force, and replaces with it', async () => {
    const t = setup();
    const path = join(t.dir, 'inventaire.csv');
    writeFileSync(path, 'précieux');
    expect(await t.run(['export', '--format', 'csv', '--out', path])).toBe(2);
    expect(t.stderr()).toBe(`parc: ${path} already exists: use --force to replace it.\n`);
    expect(readFileSync(path, 'utf8')).toBe('précieux');
    expect(await t.run(['export', '--format', 'csv', '--out', path, '--force'])).toBe(0);
    expect(readCsv(path)).toHaveLength(7);
    expect(readdirSync(t.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('parc export without --format is exit 2', async () => {
    const t = setup();
    expect(await t.run(['export', '--out', join(t.dir, 'x.csv')])).toBe(2);
  });
});

describe('parc import rooms', () => {
  /** A CSV as a référent writes it: French header with accents, some rows that match nothing. */
  const sheet = stringify(
    [
      ['N° de série', 'Adresse MAC', 'Nom', 'Salle', "N° d'inventaire"],
      ['SN-B12-0001', '', '', 'B14', 'INV-2024-017'],
      ['', 'AA-BB-CC-00-00-50', '', 'Salle des profs', 'INV-2025-001'],
      ['', '', 'PC-PROF', 'B01', ''],
      ['INCONNU-99', '', 'IMP-FANTOME', 'B02', ''],
    ],
    { delimiter: ';', bom: true, record_delimiter: 'windows' },
  );

  it('plans without changing anything, then applies in one go', async () => {
    const t = setup();
    const file = join(t.dir, 'salles.csv');
    writeFileSync(file, sheet);
    const before = await t.devicesJson();
    expect(await t.run(['import', 'rooms', file, '--json'])).toBe(0);
    const plan = RoomImportPlan.parse(JSON.parse(t.stdout()));
    expect(plan.columns).toEqual(['room', 'assetTag']);
    expect(plan.matched.map((m) => [m.deviceId, m.matchedBy, m.changes])).toEqual([
      [1, 'serial', [{ field: 'room', from: 'B12', to: 'B14' }]],
      [
        3,
        'mac',
        [
          { field: 'room', from: null, to: 'Salle des profs' },
          { field: 'assetTag', from: null, to: 'INV-2025-001' },
        ],
      ],
    ]);
    expect(plan.ambiguous).toEqual([
      expect.objectContaining({ row: { sheet: null, line: 4 }, deviceIds: [6, 7] }),
    ]);
    expect(plan.unmatched).toEqual([
      { row: { sheet: null, line: 5 }, reason: 'no device with serial "INCONNU-99", name "IMP-FANTOME"' },
    ]);
    expect(t.stderr()).toContain('nothing changed (3 changes planned; add --apply');
    expect(await t.devicesJson()).toEqual(before);

    expect(await t.run(['import', 'rooms', file])).toBe(0);
    expect(t.stdout()).toContain('salles.csv: 4 rows, 2 matched (2 with changes), 1 unmatched, 1 ambiguous');
    expect(t.stdout()).toContain('change  line 2: IMP-B12 (by serial) room "B12" → "B14"');

    expect(await t.run(['import', 'rooms', file, '--apply'])).toBe(0);
    expect(t.stderr()).toBe('import: 3 fields changed on 2 devices\n');
    const after = await t.devicesJson();
    expect(after.get(1)).toMatchObject({ room: 'B14', assetTag: 'INV-2024-017' });
    expect(after.get(3)).toMatchObject({ room: 'Salle des profs', assetTag: 'INV-2025-001' });
    for (const id of [2, 4, 5, 6, 7]) expect(after.get(id)).toEqual(before.get(id));
  });

  it('a file that is not a sheet of rooms is exit 2', async () => {
    const t = setup();
    const file = join(t.dir, 'autre.csv');
    writeFileSync(file, 'a;b\r\n1;2\r\n');
    expect(await t.run(['import', 'rooms', file])).toBe(2);
    expect(t.stderr()).toContain('has no sheet with an identifier column');
    expect(await t.run(['import', 'rooms', join(t.dir, 'absent.csv')])).toBe(2);
    expect(await t.run(['import', 'rooms', join(t.dir, 'salles.ods')])).toBe(2);
  });
});

describe('round trip: export, edit one cell, import changes only that', () => {
  it('CSV', async () => {
    const t = setup();
    const path = join(t.dir, 'inventaire.csv');
    await t.run(['export', '--format', 'csv', '--out', path]);
    const before = await t.devicesJson();
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace(';B12;INV-2024-017;', ';B12 bis;INV-2024-017;'));
    expect(await t.run(['import', 'rooms', path, '--apply'])).toBe(0);
    expect(t.stdout()).toContain('7 rows, 7 matched (1 with changes), 0 unmatched, 0 ambiguous');
    expect(t.stderr()).toBe('import: 1 fields changed on 1 devices\n');
    const after = await t.devicesJson();
    expect(after.get(1)).toEqual({ ...before.get(1), room: 'B12 bis' });
    for (const id of [2, 3, 4, 5, 6, 7]) expect(after.get(id)).toEqual(before.get(id));
  });

  it('XLSX', async () => {
    const t = setup();
    const path = join(t.dir, 'inventaire.xlsx');
    await t.run(['export', '--format', 'xlsx', '--out', path]);
    const before = await t.devicesJson();
    const workbook = new Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('Réseau')!;
    const notes = (sheet.getRow(1).values as unknown[]).indexOf('Notes');
    sheet.getRow(2).getCell(notes).value = 'baie de brassage 1';
    await workbook.xlsx.writeFile(path);
    expect(await t.run(['import', 'rooms', path, '--apply'])).toBe(0);
    expect(t.stdout()).toContain(
      'change  Réseau line 2: SW-CDI (by serial) notes "-à vérifier" → "baie de brassage 1"',
    );
    expect(t.stderr()).toBe('import: 1 fields changed on 1 devices\n');
    const after = await t.devicesJson();
    expect(after.get(2)).toEqual({ ...before.get(2), notes: 'baie de brassage 1' });
    for (const id of [1, 3, 4, 5, 6, 7]) expect(after.get(id)).toEqual(before.get(id));
  });
});
