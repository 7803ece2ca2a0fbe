/**
 * Issue 3's acceptance on real printer recordings: after a scan of ../shared/lab,
 * `parc printers --json` gives for every supply of every lab printer the level, capacity and
 * percent or state that RFC 3805 gives from the raw values (read here straight from the agents).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { walk } from '../../electron/engine/snmp/read';
import { createNetSnmpSession } from '../../electron/engine/snmp/session';
import { varbindNumber } from '../../electron/engine/snmp/values';
import type { PrinterSummary } from '../../shared/domain/printer';
import { loadLab, type LabDevice } from './lab';

const run = promisify(execFile);
const lab = loadLab();
const PARC = resolve(__dirname, '../../bin/parc.js');
const SUPPLIES = '1.3.6.1.2.1.43.11.1.1';

/** The raw prtMarkerSuppliesTable of one lab printer: row suffix `hrDeviceIndex.index` → columns. */
async function rawSupplies(device: LabDevice): Promise<Map<string, Map<number, number | null>>> {
  const session = createNetSnmpSession(
    device.ip,
    { kind: 'community', version: '2c', community: device.community },
    { port: device.port, timeoutMs: 2000, retries: 1 },
  );
  try {
    const { varbinds } = await walk(session, SUPPLIES, { maxRows: 2000 });
    const rows = new Map<string, Map<number, number | null>>();
    for (const vb of varbinds) {
      const [column, ...index] = vb.oid.slice(SUPPLIES.length + 1).split('.');
      const key = index.join('.');
      if (!rows.has(key)) rows.set(key, new Map());
      rows.get(key)?.set(Number(column), varbindNumber(vb));
    }
    return rows;
  } finally {
    session.close();
  }
}

/** RFC 3805 from the raw numbers: the special levels, else level / capacity (a receptacle: how full). */
function expected(level: number, max: number, receptacle: boolean, unitPercent: boolean) {
  if (level === -3) return { state: 'some-remaining', percent: null };
  if (level === -2) return { state: 'unknown', percent: null };
  if (level === -1) return { state: 'unlimited', percent: null };
  const capacity = max > 0 ? max : unitPercent ? 100 : null;
  if (capacity === null || level < 0) return { state: 'unknown', percent: null };
  const left = Math.min(100, (level / capacity) * 100);
  return { state: null, percent: receptacle ? 100 - left : left };
}

describe.skipIf('skip' in lab)(`lab printers${'skip' in lab ? ` — ${lab.skip}` : ''}`, () => {
  const printers =
    'devices' in lab ? lab.devices.filter((d) => d.role === 'device' && d.type === 'printer') : [];
  let read: PrinterSummary[] = [];

  beforeAll(async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'parc-lab-printers-')), 'parc.db');
    await run(process.execPath, [PARC, 'scan', '127.20.0.100-127.20.0.119', '-c', 'public', '--db', db]);
    const { stdout } = await run(process.execPath, [PARC, 'printers', '--json', '--db', db], {
      maxBuffer: 64 * 1024 * 1024,
    });
    read = (JSON.parse(stdout) as { printers: PrinterSummary[] }).printers;
  });

  it('lists every lab printer', () => {
    expect(read.map((p) => p.ip).sort()).toEqual(printers.map((p) => p.ip).sort());
  });

  it('gives every supply the level, capacity and percent or state of RFC 3805', async () => {
    let checked = 0;
    const wrong: string[] = [];
    for (const device of printers) {
      const raw = await rawSupplies(device);
      const ours = read.find((p) => p.ip === device.ip);
      expect(ours?.supplies.length, device.name).toBe(raw.size);
      for (const [key, columns] of raw) {
        const supply = ours?.supplies.find((s) => `${s.deviceIndex}.${s.index}` === key);
        const level = columns.get(9) ?? NaN;
        const max = columns.get(8) ?? NaN;
        // A receptacle (level = space left): class 4, or without a class column a waste type
        // (wasteToner 4, wasteInk 8, wasteWater 24, wastePaper 26), or without either a
        // "waste" description (a Xerox AltaLink serves only the description).
        const cls = columns.get(4);
        const type = columns.get(5);
        const descr = ours?.supplies.find((s) => `${s.deviceIndex}.${s.index}` === key)?.description ?? '';
        const receptacle =
          cls === 4 ||
          (cls === undefined && type !== undefined && [4, 8, 24, 26].includes(type ?? 0)) ||
          (cls === undefined && type === undefined && /waste|usag|rebut/i.test(descr));
        const want = expected(level, max, receptacle, columns.get(7) === 19);
        const percentOk =
          want.percent === null
            ? supply?.percent === null
            : Math.abs((supply?.percent ?? -99) - want.percent) < 1;
        const stateOk = want.state === null || supply?.state === want.state;
        if (!supply || supply.level !== level || supply.maxCapacity !== max || !percentOk || !stateOk) {
          wrong.push(`${device.name} ${key}: raw ${level}/${max} → ${supply?.percent} ${supply?.state}`);
        }
        checked++;
      }
    }
    console.info(`lab: ${checked - wrong.length}/${checked} supplies read as RFC 3805 says`);
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(40);
  });
});

if ('skip' in lab) console.warn(`\n*** ${lab.skip} ***\n`);
