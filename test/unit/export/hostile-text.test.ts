/**
 * Issue 9 part 2, exports: devices whose every text field is hostile (markup, formulas, path
 * traversal, control and bidi characters) exported as CSV, split CSV, XLSX, JSON and GLPI.
 * No spreadsheet cell may start a formula, JSON stays valid and keeps the text as it is, and no
 * device text ever becomes a path (GLPI, split CSV, self-inventory and default export names).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Workbook, ValueType } from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/engine/db/database';
import { createPrintersRepo } from '../../../electron/engine/db/repositories/printers-repo';
import { createEngine } from '../../../electron/engine/index';
import { inventoryFileName, writeInventoryFile } from '../../../electron/engine/inventory/files';
import type { Engine } from '../../../electron/engine/types';
import { exportFileName } from '../../../electron/ipc/export-names';
import { ExportDocument } from '../../../shared/domain/export';
import {
  HOSTILE,
  HOSTILE_TEXTS,
  hostileDeviceFields,
  hostileText,
  startsLikeFormula,
} from '../../fixtures/hostile-text';
import { pcDocument } from '../inventory/documents';
import { insertDevices, READING, SEEN, type SeedDevice } from './seed';

/** Four devices, each field a different hostile string (offsets cover all of them). */
const DEVICES: readonly SeedDevice[] = [
  { id: 1, ip: '127.66.0.20', type: 'printer', uptimeSeconds: 3600, ...hostileDeviceFields(0) },
  { id: 2, ip: '127.66.0.2', type: 'switch', ...hostileDeviceFields(4) },
  { id: 3, ip: '127.66.0.100', type: 'computer', ...hostileDeviceFields(8) },
  { id: 4, ip: '127.66.0.104', type: 'projector', ...hostileDeviceFields(12) },
  { id: 5, ip: '127.66.0.5', type: 'server', ...hostileDeviceFields(16) },
];

/** The exported texts the devices carry (every hostile string at least once). */
const TEXTS_STORED = DEVICES.flatMap(fieldsOf);

function fieldsOf(device: SeedDevice): string[] {
  return [device.sysName, device.sysDescr, device.sysLocation, device.vendor, device.model, device.serial]
    .concat([device.firmware, device.room, device.notes, device.assetTag])
    .filter((v): v is string => typeof v === 'string');
}

let dir: string;
let engine: Engine;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parc-hostile-'));
  const dbPath = join(dir, 'parc.db');
  const db = openDatabase(dbPath);
  try {
    insertDevices(db, DEVICES);
    createPrintersRepo(db).record(
      1,
      {
        ...READING,
        display: HOSTILE.svg,
        supplies: READING.supplies.map((s, i) => ({
          ...s,
          description: hostileText(i + 6),
          partNumber: hostileText(i + 9),
        })),
      },
      SEEN,
    );
  } finally {
    db.close();
  }
  engine = createEngine({ dbPath });
});

afterAll(() => {
  engine.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the hostile inventory', () => {
  it('holds every hostile string in some device field', () => {
    for (const text of HOSTILE_TEXTS) expect(TEXTS_STORED, JSON.stringify(text.slice(0, 40))).toContain(text);
  });
});

describe('CSV', () => {
  it('starts no cell with = + - @ tab or CR, and keeps each text after its quote', async () => {
    const path = join(dir, 'inventaire.csv');
    await engine.exports.write('csv', path);
    const rows = parse(readFileSync(path), { bom: true, delimiter: ';', relaxQuotes: false }) as string[][];
    expect(rows).toHaveLength(DEVICES.length + 1);
    const cells = rows.flat();
    for (const cell of cells) expect(startsLikeFormula(cell), JSON.stringify(cell.slice(0, 40))).toBe(false);
    // Data, not code: each text comes back as it was, a formula with one leading quote.
    for (const text of TEXTS_STORED) {
      const inert = startsLikeFormula(text) ? `'${text}` : text;
      expect(cells, JSON.stringify(text.slice(0, 40))).toContain(inert);
    }
  });

  it('--split names its files by type only, never by a device text', async () => {
    const folder = join(dir, 'split');
    const result = await engine.exports.write('csv', folder, { split: true });
    expect(readdirSync(folder).sort()).toEqual(
      ['computer.csv', 'printer.csv', 'projector.csv', 'server.csv', 'switch.csv'].sort(),
    );
    for (const file of result.files) expect(resolve(file).startsWith(`${resolve(folder)}/`)).toBe(true);
  });
});

describe('XLSX', () => {
  it('has no formula, no hyperlink and no text cell that starts a formula, in any sheet', async () => {
    const path = join(dir, 'inventaire.xlsx');
    await engine.exports.write('xlsx', path);
    const workbook = new Workbook();
    await workbook.xlsx.readFile(path);
    const strings: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect([ValueType.Formula, ValueType.SharedString, ValueType.Hyperlink]).not.toContain(cell.type);
          if (typeof cell.value === 'string') strings.push(cell.value);
        }),
      ),
    );
    for (const cell of strings)
      expect(startsLikeFormula(cell), JSON.stringify(cell.slice(0, 40))).toBe(false);
    expect(strings).toContain(`'${HOSTILE.hyperlink}`);
    expect(strings).toContain(`'${HOSTILE.dde}`);
    expect(strings).toContain(HOSTILE.imgOnerror);
    // No sheet is named after a device.
    const sheetNames: string[] = [];
    workbook.eachSheet((sheet) => sheetNames.push(sheet.name));
    for (const name of sheetNames) for (const text of HOSTILE_TEXTS) expect(name).not.toBe(text);
  });
});

describe('JSON', () => {
  it('is valid against ExportDocument and keeps every text exactly (NUL, bidi, markup included)', async () => {
    const path = join(dir, 'inventaire.json');
    await engine.exports.write('json', path);
    const raw = readFileSync(path, 'utf8');
    const doc = ExportDocument.parse(JSON.parse(raw));
    const byId = new Map(doc.devices.map((d) => [d.id, d]));
    for (const device of DEVICES) {
      expect(byId.get(device.id)).toMatchObject({
        sysName: device.sysName,
        sysDescr: device.sysDescr,
        sysLocation: device.sysLocation,
        notes: device.notes,
      });
    }
    // Escaped as JSON requires: no raw control character in the file.
    // eslint-disable-next-line no-control-regex
    expect(raw).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
});

describe('GLPI', () => {
  it('writes one file per device, named by id and a slug of letters, digits and dashes, inside the folder', async () => {
    const folder = join(dir, 'glpi');
    const result = await engine.exports.write('glpi', folder);
    const files = readdirSync(folder).sort();
    expect(files).toHaveLength(DEVICES.length);
    for (const file of files) expect(file).toMatch(/^[1-5]-[A-Za-z0-9-]{1,60}\.json$/);
    for (const file of result.files) expect(resolve(file).startsWith(`${resolve(folder)}/`)).toBe(true);
    for (const file of files) {
      const doc = JSON.parse(readFileSync(join(folder, file), 'utf8')) as { deviceid: string };
      expect(doc.deviceid).toMatch(/^[A-Za-z0-9-]+$/);
    }
    const printer = JSON.parse(
      readFileSync(
        join(
          folder,
          files.find((f) => f.startsWith('1-'))!,
        ),
        'utf8',
      ),
    );
    // GLPI gets the text as data: the room (else sysLocation), unchanged.
    expect(printer.content.network_device.location).toBe(DEVICES[0].room);
  });
});

describe('names of files', () => {
  it('self-inventory file names from hostile host names and serials stay in their folder', async () => {
    const folder = join(dir, 'inventaires');
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder);
    for (const text of [
      HOSTILE.traversal,
      HOSTILE.windowsTraversal,
      HOSTILE.nul,
      HOSTILE.script,
      '..',
      '.',
    ]) {
      const doc = pcDocument(1, {
        hostName: text,
        system: { ...pcDocument(1).system!, serial: HOSTILE.traversal },
      });
      const name = inventoryFileName(doc);
      // eslint-disable-next-line no-control-regex
      expect(name, JSON.stringify(text)).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]/);
      expect(name.startsWith('.'), name).toBe(false);
      const written = await writeInventoryFile(doc, folder);
      expect(resolve(written)).toBe(join(resolve(folder), name));
    }
    expect(readdirSync(folder).every((f) => !f.startsWith('.'))).toBe(true);
  });

  it('default export names come from the format and the day only', () => {
    const day = new Date(2026, 10, 29, 12);
    expect(exportFileName('csv', day)).toBe('parc-inventaire-2026-11-29.csv');
    expect(exportFileName('csv', day, true)).toBe('parc-inventaire-2026-11-29');
    expect(exportFileName('xlsx', day)).toBe('parc-inventaire-2026-11-29.xlsx');
    expect(exportFileName('json', day)).toBe('parc-inventaire-2026-11-29.json');
    expect(exportFileName('glpi', day)).toBe('parc-glpi-2026-11-29');
    expect(basename(exportFileName('glpi', day))).toBe(exportFileName('glpi', day));
  });
});
