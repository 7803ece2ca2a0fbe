import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/engine/db/database';
import { createDevicesRepo } from '../../../electron/engine/db/repositories/devices-repo';
import { createPrinterHistoryRepo } from '../../../electron/engine/db/repositories/printer-history-repo';
import { createPrintersRepo } from '../../../electron/engine/db/repositories/printers-repo';
import { createScansRepo } from '../../../electron/engine/db/repositories/scans-repo';
import { NotFoundError } from '../../../electron/engine/errors';
import { createPrinterHistoryService } from '../../../electron/engine/printers/history';
import { HISTORY_MAX_POINTS, type PrinterReading, type Supply } from '../../../shared/domain/printer';

const DAY = 86_400_000;
const START = Date.parse('2026-01-01T00:00:00.000Z');
const iso = (day: number) => new Date(START + day * DAY).toISOString();

const supply = (over: Partial<Supply>): Supply => ({
  index: 1,
  deviceIndex: 1,
  kind: 'toner',
  color: 'cyan',
  description: 'Cyan Toner',
  partNumber: null,
  unit: 'percent',
  maxCapacity: 100,
  level: 50,
  percent: 50,
  state: 'ok',
  daysLeft: null,
  ...over,
});
const reading = (supplies: Supply[], total: number | null): PrinterReading => ({
  status: 'idle',
  errors: [],
  alerts: [],
  display: null,
  pageCount: { total, mono: null, color: null },
  supplies,
  trays: [],
});

function setup(nowDay: number) {
  const db = openDatabase(':memory:');
  const devices = createDevicesRepo(db);
  const printers = createPrintersRepo(db);
  const service = createPrinterHistoryService({
    devices,
    history: createPrinterHistoryRepo(db),
    now: () => iso(nowDay),
  });
  const scanId = createScansRepo(db).create(['10.0.0.0/24'], 254, 't');
  const add = (ip: string, type: 'printer' | 'switch' = 'printer') =>
    devices.record(
      {
        ip,
        type,
        vendor: 'Canon',
        model: 'iR C3226i',
        serial: ip,
        firmware: null,
        mac: null,
        system: {
          sysDescr: 'Canon',
          sysObjectID: '1.3.6.1.4.1.1602.4.7',
          sysUpTime: 1,
          sysContact: null,
          sysName: `IMP-${ip}`,
          sysLocation: null,
          sysServices: null,
        },
        credentialKey: null,
      },
      scanId,
      't',
    ).id;
  return { service, printers, add };
}

describe('printer history', () => {
  it('gives each supply of the last reading its points, replacements and the page counter', () => {
    const { service, printers, add } = setup(30);
    const id = add('10.0.0.5');
    const black = (percent: number | null) =>
      supply({ index: 2, color: 'black', description: 'Black Toner', percent, level: percent ?? -3 });
    printers.record(id, reading([supply({ percent: 80 }), black(90)], 1000), iso(1));
    printers.record(id, reading([supply({ percent: 50 }), black(null)], 1500), iso(10));
    printers.recordReplacement(id, '1.1', iso(15), 'manual');
    printers.record(id, reading([supply({ percent: 100 }), black(70)], null), iso(16));
    printers.recordReplacement(id, '1.2', iso(16), 'detected');

    expect(service.history(id)).toEqual({
      supplies: [
        {
          supplyKey: '1.1',
          kind: 'toner',
          color: 'cyan',
          description: 'Cyan Toner',
          points: [
            { at: iso(1), percent: 80 },
            { at: iso(10), percent: 50 },
            { at: iso(16), percent: 100 },
          ],
          replacements: [{ at: iso(15), source: 'manual' }],
        },
        {
          supplyKey: '1.2',
          kind: 'toner',
          color: 'black',
          description: 'Black Toner',
          points: [
            { at: iso(1), percent: 90 },
            { at: iso(10), percent: null },
            { at: iso(16), percent: 70 },
          ],
          replacements: [{ at: iso(16), source: 'detected' }],
        },
      ],
      pages: [
        { at: iso(1), total: 1000 },
        { at: iso(10), total: 1500 },
        { at: iso(16), total: null },
      ],
    });
  });

  it('keeps only the requested days (90 by default, 365 at most)', () => {
    const { service, printers, add } = setup(400);
    const id = add('10.0.0.5');
    for (const day of [0, 100, 300, 350, 399]) printers.record(id, reading([supply({})], day), iso(day));
    printers.recordReplacement(id, '1.1', iso(100), 'manual');
    const at = (days?: number) => service.history(id, days).pages.map((p) => p.total);
    expect(at()).toEqual([350, 399]);
    expect(at(60)).toEqual([350, 399]);
    expect(at(10)).toEqual([399]);
    expect(at(365)).toEqual([100, 300, 350, 399]);
    expect(at(10_000)).toEqual([100, 300, 350, 399]);
    expect(service.history(id).supplies[0]!.replacements).toEqual([]);
    expect(service.history(id, 365).supplies[0]!.replacements).toHaveLength(1);
  });

  it('downsamples a long series evenly to at most 500 points, first and last kept', () => {
    const { service, printers, add } = setup(365);
    const id = add('10.0.0.5');
    const count = 2000;
    for (let i = 0; i < count; i++) {
      const percent = 100 - Math.floor((i * 100) / count);
      printers.record(id, reading([supply({ percent })], i), new Date(START + i * 3_600_000).toISOString());
    }
    const history = service.history(id, 365);
    const points = history.supplies[0]!.points;
    expect(points).toHaveLength(HISTORY_MAX_POINTS);
    expect(points[0]).toEqual({ at: new Date(START).toISOString(), percent: 100 });
    expect(points.at(-1)!.at).toBe(new Date(START + (count - 1) * 3_600_000).toISOString());
    expect(history.pages).toHaveLength(HISTORY_MAX_POINTS);
    const totals = history.pages.map((p) => p.total!);
    expect(totals[0]).toBe(0);
    expect(totals.at(-1)).toBe(count - 1);
    // Evenly spread: every step is 3 or 4 readings apart (2000 / 500 ≈ 4).
    const steps = totals.slice(1).map((t, i) => t - totals[i]!);
    expect(Math.min(...steps)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...steps)).toBeLessThanOrEqual(5);
    expect(points.map((p) => p.at)).toEqual([...points.map((p) => p.at)].sort());
  });

  it('answers an empty history for a printer never read', () => {
    const { service, add } = setup(1);
    expect(service.history(add('10.0.0.5'))).toEqual({ supplies: [], pages: [] });
  });

  it('throws NotFoundError for an unknown id or a device that is not a printer', () => {
    const { service, add } = setup(1);
    expect(() => service.history(999)).toThrow(NotFoundError);
    const sw = add('10.0.0.6', 'switch');
    expect(() => service.history(sw)).toThrow(NotFoundError);
  });
});
