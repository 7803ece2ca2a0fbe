/**
 * Issue 7's acceptance on real device recordings: after `parc scan 127.20.0.0/24` of
 * ../shared/lab (the built CLI in a child process, as a user runs it), every format is
 * produced; the CSV reads back, the XLSX holds a row per device, and every GLPI document
 * validates against ../shared/schemas/glpi-inventory.schema.json.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { neutralise } from '../../electron/engine/export/neutralise';
import { ExportDocument } from '../../shared/domain/export';
import type { Device } from '../../shared/domain/device';
import { loadGlpiValidator } from '../unit/export/glpi-schema';
import { loadLab } from './lab';

const run = promisify(execFile);
const lab = loadLab();
const glpi = loadGlpiValidator();
const skip = 'skip' in lab ? lab.skip : 'skip' in glpi ? glpi.skip : null;
const PARC = resolve(__dirname, '../../bin/parc.js');

describe.skipIf(skip !== null)(`lab exports of 127.20.0.0/24${skip ? ` — ${skip}` : ''}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'parc-lab-export-'));
  const db = join(dir, 'parc.db');
  const parc = (...args: string[]) =>
    run(process.execPath, [PARC, ...args, '--db', db], { maxBuffer: 64 * 1024 * 1024 });
  let devices: Device[] = [];

  beforeAll(async () => {
    await parc('scan', '127.20.0.0/24', '-c', 'public', '-c', 'lycee-ro');
    devices = (JSON.parse((await parc('devices', '--json')).stdout) as { devices: Device[] }).devices;
    for (const [format, out] of [
      ['csv', 'inventaire.csv'],
      ['xlsx', 'inventaire.xlsx'],
      ['json', 'inventaire.json'],
      ['glpi', 'glpi'],
    ]) {
      const { stderr } = await parc('export', '--format', format, '--out', join(dir, out));
      expect(stderr).toContain(`export: ${devices.length} devices written as ${format}`);
    }
  });

  it('found devices to export', () => expect(devices.length).toBeGreaterThan(20));

  it('the CSV reads back with one row per device and the same serials', () => {
    const rows = parse(readFileSync(join(dir, 'inventaire.csv')), {
      bom: true,
      delimiter: ';',
      columns: true,
    }) as Record<string, string>[];
    expect(rows.map((r) => r.IP)).toEqual(devices.map((d) => d.ip));
    expect(rows.map((r) => r['N° de série'] || null)).toEqual(
      devices.map((d) => (d.serial === null ? null : neutralise(d.serial))),
    );
  });

  it('the XLSX has its sheets and one row per device', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.readFile(join(dir, 'inventaire.xlsx'));
    const sheets = ['Ordinateurs', 'Imprimantes', 'Réseau', 'TNI', 'Serveur', 'Autres'];
    const rows = sheets.reduce((n, s) => n + workbook.getWorksheet(s)!.actualRowCount - 1, 0);
    expect(rows).toBe(devices.length);
    const printers = workbook.getWorksheet('Imprimantes')!;
    expect(printers.actualRowCount - 1).toBe(devices.filter((d) => d.type === 'printer').length);
    const header = printers.getRow(1).values as unknown[];
    const total = header.indexOf('Pages (total)');
    const counters = printers
      .getColumn(total)
      .values.slice(2)
      .filter((v) => typeof v === 'number');
    expect(counters.length).toBeGreaterThan(0);
  });

  it('the JSON document matches its schema', () => {
    const doc = ExportDocument.parse(JSON.parse(readFileSync(join(dir, 'inventaire.json'), 'utf8')));
    expect(doc.devices).toHaveLength(devices.length);
    expect(doc.printers.length).toBeGreaterThan(0);
  });

  it('every GLPI document validates against the GLPI inventory schema', () => {
    if (!('validate' in glpi)) return;
    const files = readdirSync(join(dir, 'glpi'));
    expect(files).toHaveLength(devices.length);
    for (const file of files) {
      const doc = JSON.parse(readFileSync(join(dir, 'glpi', file), 'utf8'));
      expect(glpi.validate(doc), `${file}: ${JSON.stringify(glpi.validate.errors)}`).toBe(true);
    }
  });
});
