/**
 * Issue 9 part 2, the terminal: `parc devices`, `parc printers` and `parc projectors` tables
 * carry no control character a device put in its text (no escape sequence, no CR or LF that
 * would forge a line), and their `--json` output stays valid JSON holding the text unchanged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProjectors } from '../../../electron/cli/format';
import { runCli } from '../../../electron/cli/run';
import { openDatabase } from '../../../electron/engine/db/database';
import { createPrintersRepo } from '../../../electron/engine/db/repositories/printers-repo';
import type { Device } from '../../../shared/domain/device';
import type { PrinterSummary } from '../../../shared/domain/printer';
import type { ProjectorSummary } from '../../../shared/domain/projector-summary';
import { HOSTILE, hostileDeviceFields, hostileText } from '../../fixtures/hostile-text';
import { insertDevices, READING, SEEN, type SeedDevice } from '../export/seed';

/** C0 and C1 control characters but the line feed that ends each line, and the bidi controls that reorder text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const DEVICES: readonly SeedDevice[] = [
  { id: 1, ip: '127.66.0.20', type: 'printer', ...hostileDeviceFields(0) },
  { id: 2, ip: '127.66.0.2', type: 'switch', ...hostileDeviceFields(9) },
  { id: 3, ip: '127.66.0.100', type: 'computer', ...hostileDeviceFields(13) },
  // Every control-laden string in the table's NAME column.
  { id: 4, ip: '127.66.0.4', type: 'other', sysName: HOSTILE.escape, model: HOSTILE.crLed },
  { id: 5, ip: '127.66.0.5', type: 'other', sysName: HOSTILE.nul, model: HOSTILE.tabLed },
  { id: 6, ip: '127.66.0.6', type: 'other', sysName: 'a\nb\r\nc\u0085d', vendor: '\u009b31mC1' },
];

let dir: string;
let db: string;

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--db', db], {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
  });
  return { code, out: out.join(''), err: err.join('') };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parc-cli-hostile-'));
  db = join(dir, 'parc.db');
  const handle = openDatabase(db);
  try {
    insertDevices(handle, DEVICES);
    createPrintersRepo(handle).record(
      1,
      {
        ...READING,
        supplies: READING.supplies.map((s, i) => ({
          ...s,
          description: [HOSTILE.escape, HOSTILE.crLed, HOSTILE.nul][i] ?? hostileText(i),
          partNumber: HOSTILE.tabLed,
        })),
      },
      SEEN,
    );
  } finally {
    handle.close();
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parc devices', () => {
  it('prints one line per device, none with a control character', async () => {
    const { code, out } = await run(['devices']);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(DEVICES.length + 1);
    for (const line of lines) expect(line, JSON.stringify(line)).not.toMatch(CONTROL);
    expect(out).not.toContain('\u001b[');
    // The text is still there, its control characters replaced by spaces.
    expect(out).toContain('EVIL [2J [31mROUGE [0m');
    expect(out).toContain('IMP B12 <b>gras</b>');
  });

  it('--json is valid JSON that holds every text as the device sent it', async () => {
    const { code, out } = await run(['devices', '--json']);
    expect(code).toBe(0);
    const { devices } = JSON.parse(out) as { devices: Device[] };
    const byId = new Map(devices.map((d) => [d.id, d]));
    for (const seeded of DEVICES) {
      expect(byId.get(seeded.id)).toMatchObject({
        sysName: seeded.sysName ?? null,
        model: seeded.model ?? null,
        sysDescr: seeded.sysDescr ?? null,
      });
    }
    // JSON.stringify escapes C0 controls (ESC, CR, NUL…) as \uXXXX; C1 stay raw, as JSON allows.
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(out).toContain('"EVIL\\u001b[2J');
  });
});

describe('parc printers', () => {
  it('prints supplies without control characters, and valid JSON with --json', async () => {
    const table = await run(['printers']);
    expect(table.code).toBe(0);
    for (const line of table.out.split('\n')) expect(line, JSON.stringify(line)).not.toMatch(CONTROL);
    expect(table.out.split('\n')).toHaveLength(1 + READING.supplies.length + 1);

    const json = await run(['printers', '--json']);
    const { printers } = JSON.parse(json.out) as { printers: PrinterSummary[] };
    expect(printers[0].supplies.map((s) => s.description)).toEqual([
      HOSTILE.escape,
      HOSTILE.crLed,
      HOSTILE.nul,
    ]);
  });
});

describe('formatProjectors', () => {
  it('keeps PJLink names, rooms and lamp models on their line, without control characters', () => {
    const projector: ProjectorSummary = {
      deviceId: 9,
      ip: '127.66.0.104',
      type: 'projector',
      room: HOSTILE.crLed,
      name: 'VP\r\nFAKE LINE\u001b[2K',
      vendor: HOSTILE.nul,
      model: HOSTILE.tabLed,
      serial: null,
      state: 'on',
      power: 'on',
      errors: { fan: 'ok', lamp: 'ok', temperature: 'ok', cover: 'ok', filter: 'ok', other: 'ok' },
      lamps: [{ hours: 1200, on: true, ratedHours: 6000, percentUsed: 20 }],
      filterHours: null,
      lampModel: HOSTILE.escape,
      filterModel: null,
      source: 'pjlink',
      readAt: SEEN,
      lastSeen: SEEN,
      hoursPerDay: null,
      ratedByUser: false,
      alerts: [],
    };
    const text = formatProjectors([projector]);
    const lines = text.split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line, JSON.stringify(line)).not.toMatch(CONTROL);
    expect(lines[0]).toContain('VP  FAKE LINE [2K');
  });
});
