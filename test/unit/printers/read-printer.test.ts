import { describe, expect, it } from 'vitest';
import { PROFILES } from '../../../electron/engine/identify/profiles';
import { printerOptions, readPrinter } from '../../../electron/engine/printers/read-printer';
import { readPageCounters } from '../../../electron/engine/printers/page-counters';
import type { SnmpSession } from '../../../electron/engine/snmp/session';
import { fakeNetwork, type FakeHost } from '../../helpers/fake-session';

const SUPPLY = '1.3.6.1.2.1.43.11.1.1';
const HR_PRINTER = '1.3.6.1.2.1.25.3.5.1';

/** A session on one fake agent, counting the requests it sends. */
function sessionOn(objects: FakeHost['objects']): { session: SnmpSession; requests: () => number } {
  const { factory } = fakeNetwork({ '127.0.0.1': { communities: ['public'], objects } });
  const inner = factory(
    '127.0.0.1',
    { kind: 'community', version: '2c', community: 'public' },
    { port: 161, timeoutMs: 100, retries: 0 },
  );
  let count = 0;
  const counted =
    <A extends unknown[], R>(f: (...args: A) => R) =>
    (...args: A) => {
      count++;
      return f(...args);
    };
  const session: SnmpSession = {
    version: inner.version,
    get: counted(inner.get),
    getNext: counted(inner.getNext),
    getBulk: counted(inner.getBulk),
    close: inner.close,
  };
  return { session, requests: () => count };
}

/** prtMarkerSuppliesTable cells of one row: `{ 5: 3, 6: 'Black Toner' }` → OIDs under `row`. */
const supplyRow = (row: string, cells: Record<number, string | number | Buffer>) =>
  Object.fromEntries(Object.entries(cells).map(([column, value]) => [`${SUPPLY}.${column}.${row}`, value]));

const blankSupply = {
  index: 1,
  deviceIndex: 1,
  kind: 'toner',
  color: null,
  description: null,
  partNumber: null,
  unit: null,
  maxCapacity: null,
  level: null,
  percent: null,
  state: 'unknown',
  daysLeft: null,
};

describe('readPrinter, the cases of issue 3', () => {
  it('Brother: toner −3 over −2 is some-remaining without percent; the drum is 96 %', async () => {
    const { session } = sessionOn({
      ...supplyRow('1.1', { 4: 3, 5: 3, 6: 'Black Toner Cartridge', 7: 7, 8: -2, 9: -3 }),
      ...supplyRow('1.2', { 4: 3, 5: 9, 6: 'Drum Unit', 7: 7, 8: 12000, 9: 11501 }),
    });
    const { supplies } = await readPrinter(session);
    expect(supplies).toEqual([
      {
        ...blankSupply,
        color: 'black',
        description: 'Black Toner Cartridge',
        unit: 'impressions',
        maxCapacity: -2,
        level: -3,
        state: 'some-remaining',
      },
      {
        ...blankSupply,
        index: 2,
        kind: 'drum',
        description: 'Drum Unit',
        unit: 'impressions',
        maxCapacity: 12000,
        level: 11501,
        percent: 96,
        state: 'ok',
      },
    ]);
  });

  it('Canon colour laser: black 51 %, cyan 4 % low, the −2/−2 waste box unknown', async () => {
    const { session } = sessionOn({
      ...supplyRow('1.1', { 3: 1, 4: 3, 5: 3, 6: 'Black Toner', 7: 19, 8: 100, 9: 51 }),
      ...supplyRow('1.2', { 3: 2, 4: 3, 5: 3, 6: 'Cyan Toner', 7: 19, 8: 100, 9: 4 }),
      ...supplyRow('1.3', { 3: 0, 4: 4, 5: 4, 6: 'Waste Toner Box', 7: 19, 8: -2, 9: -2 }),
      '1.3.6.1.2.1.43.12.1.1.4.1.1': 'black',
      '1.3.6.1.2.1.43.12.1.1.4.1.2': 'cyan',
    });
    const { supplies } = await readPrinter(session);
    expect(supplies.map((s) => [s.kind, s.color, s.percent, s.state])).toEqual([
      ['toner', 'black', 51, 'ok'],
      ['toner', 'cyan', 4, 'low'],
      ['waste-toner', null, null, 'unknown'],
    ]);
  });

  it('HP OfficeJet: inks under hrDeviceIndex 0 in tenths of ml, colour from the description', async () => {
    const { session } = sessionOn({
      ...supplyRow('0.1', { 3: 0, 4: 3, 5: 6, 6: 'black ink cartridge', 7: 15, 8: 651, 9: 326 }),
      ...supplyRow('0.2', { 3: 0, 4: 3, 5: 6, 6: 'yellow ink cartridge', 7: 15, 8: 230, 9: 23 }),
    });
    const { supplies } = await readPrinter(session);
    expect(supplies).toEqual([
      {
        ...blankSupply,
        deviceIndex: 0,
        kind: 'ink',
        color: 'black',
        description: 'black ink cartridge',
        unit: 'tenths-of-milliliters',
        maxCapacity: 651,
        level: 326,
        percent: 50,
        state: 'ok',
      },
      {
        ...blankSupply,
        index: 2,
        deviceIndex: 0,
        kind: 'ink',
        color: 'yellow',
        description: 'yellow ink cartridge',
        unit: 'tenths-of-milliliters',
        maxCapacity: 230,
        level: 23,
        percent: 10,
        state: 'low',
      },
    ]);
  });

  it('decodes a Latin-1 and a UTF-8 CJK description', async () => {
    const { session } = sessionOn({
      ...supplyRow('1.1', { 5: 9, 6: Buffer.from("Unit\xe9 d'imagerie", 'latin1'), 8: 100, 9: 80 }),
      ...supplyRow('1.2', { 5: 3, 6: Buffer.from('トナー カートリッジ', 'utf8'), 8: 100, 9: 30 }),
    });
    const { supplies } = await readPrinter(session);
    expect(supplies.map((s) => s.description)).toEqual(["Unité d'imagerie", 'トナー カートリッジ']);
  });

  it('decodes in the character set of the current localization', async () => {
    // A Latin-1 "é" alone would pass for Latin-1 anyway: a UTF-16BE declaration proves the lookup.
    const { session } = sessionOn({
      '1.3.6.1.2.1.43.5.1.1.2.1': 2,
      '1.3.6.1.2.1.43.7.1.1.4.1.2': 1013,
      ...supplyRow('1.1', {
        5: 3,
        6: Buffer.from([0x00, 0x4e, 0x00, 0x6f, 0x00, 0x69, 0x00, 0x72]),
        8: 100,
        9: 30,
      }),
    });
    const { supplies } = await readPrinter(session);
    expect(supplies[0].description).toBe('Noir');
  });

  it('reports a bit of the second octet of hrPrinterDetectedErrorState', async () => {
    const { session } = sessionOn({
      [`${HR_PRINTER}.1.1`]: 3,
      [`${HR_PRINTER}.2.1`]: Buffer.from([0x00, 0x40]),
      '1.3.6.1.2.1.25.3.2.1.5.1': 2,
    });
    const reading = await readPrinter(session);
    expect(reading.errors).toEqual(['output-tray-missing']);
    expect(reading.status).toBe('error');
  });
});

describe('readPrinter, the rest of a reading', () => {
  const objects: FakeHost['objects'] = {
    // hrDeviceIndex 2 is the printer; the hrDeviceTable also has a network interface at 1.
    '1.3.6.1.2.1.25.3.2.1.5.1': 5,
    '1.3.6.1.2.1.25.3.2.1.5.2': 2,
    [`${HR_PRINTER}.1.2`]: 4,
    [`${HR_PRINTER}.2.2`]: Buffer.from([0x20]),
    '1.3.6.1.2.1.43.5.1.1.2.2': 1,
    '1.3.6.1.2.1.43.7.1.1.4.2.1': 4,
    ...supplyRow('2.1', { 3: 1, 4: 3, 5: 3, 6: 'Black Toner TN-2420', 7: 7, 8: 3000, 9: 150 }),
    '1.3.6.1.2.1.43.12.1.1.4.2.1': 'black',
    '1.3.6.1.2.1.43.10.2.1.4.2.1': 48213,
    '1.3.6.1.2.1.43.8.2.1.9.2.1': 250,
    '1.3.6.1.2.1.43.8.2.1.10.2.1': -3,
    '1.3.6.1.2.1.43.8.2.1.12.2.1': 'Plain',
    '1.3.6.1.2.1.43.8.2.1.13.2.1': 'Tray 1',
    '1.3.6.1.2.1.43.8.2.1.9.2.2': 100,
    '1.3.6.1.2.1.43.8.2.1.10.2.2': 0,
    '1.3.6.1.2.1.43.8.2.1.13.2.2': Buffer.from('Bac manuel \xe0 feuilles', 'latin1'),
    '1.3.6.1.2.1.43.18.1.1.2.2.7': 4,
    '1.3.6.1.2.1.43.18.1.1.4.2.7': 11,
    '1.3.6.1.2.1.43.18.1.1.7.2.7': 1104,
    '1.3.6.1.2.1.43.18.1.1.8.2.7': 'Toner bas',
    '1.3.6.1.2.1.43.16.5.1.2.2.1': Buffer.from('Prête', 'latin1'),
    '1.3.6.1.2.1.43.16.5.1.2.2.2': '',
    '1.3.6.1.2.1.43.16.5.1.2.2.3': 'Toner bas',
    '1.3.6.1.4.1.99999.1.0': 40000,
    '1.3.6.1.4.1.99999.2.0': 8000,
    '1.3.6.1.4.1.99999.3.0': 213,
  };

  it('reads status, trays, alerts, display and counters in three requests (GETBULK walks of every column at once, one GET)', async () => {
    const { session, requests } = sessionOn(objects);
    const reading = await readPrinter(session, {
      pageCounters: {
        mono: ['1.3.6.1.4.1.99999.1.0'],
        color: ['1.3.6.1.4.1.99999.2.0', '1.3.6.1.4.1.99999.3.0'],
      },
    });
    expect(reading).toEqual({
      status: 'warning',
      errors: ['low-toner'],
      alerts: [{ index: 7, severity: 'warning', group: 11, code: 1104, description: 'Toner bas' }],
      display: 'Prête\nToner bas',
      pageCount: { total: 48213, mono: 40000, color: 8213 },
      supplies: [
        {
          ...blankSupply,
          deviceIndex: 2,
          color: 'black',
          description: 'Black Toner TN-2420',
          partNumber: 'TN-2420',
          unit: 'impressions',
          maxCapacity: 3000,
          level: 150,
          percent: 5,
          state: 'low',
        },
      ],
      trays: [
        {
          index: 1,
          name: 'Tray 1',
          media: 'Plain',
          level: -3,
          maxCapacity: 250,
          percent: null,
          state: 'some-remaining',
        },
        {
          index: 2,
          name: 'Bac manuel à feuilles',
          media: null,
          level: 0,
          maxCapacity: 100,
          percent: 0,
          state: 'empty',
        },
      ],
    });
    expect(requests()).toBe(3);
  });

  it('gives empty lists and nulls for a device without Printer-MIB', async () => {
    const { session } = sessionOn({ '1.3.6.1.2.1.1.5.0': 'pc-cdi' });
    expect(await readPrinter(session)).toEqual({
      status: 'unknown',
      errors: [],
      alerts: [],
      display: null,
      pageCount: { total: null, mono: null, color: null },
      supplies: [],
      trays: [],
    });
  });
});

describe('readPageCounters', () => {
  it('sums scalars and counter-table rows by type (Ricoh profile)', async () => {
    const ricoh = PROFILES.find((profile) => profile.id === 'ricoh-printer');
    const table = '1.3.6.1.4.1.367.3.2.1.2.19.5.1';
    const rows: [number, number][] = [
      [10, 9000],
      [200, 3000],
      [201, 2000],
      [202, 600],
      [203, 400],
      [400, 6000],
      [401, 5000],
      [402, 1000],
      [871, 77],
    ];
    const { session } = sessionOn(
      Object.fromEntries(
        rows.flatMap(([type, value], i) => [
          [`${table}.2.${i + 1}`, type],
          [`${table}.9.${i + 1}`, value],
        ]),
      ),
    );
    expect(await readPageCounters(session, ricoh?.printer?.pageCounters ?? {})).toEqual({
      mono: 7000,
      color: 2000,
      print: 6000,
      copy: 3000,
      scan: 77,
    });
  });

  it('gives null for counters whose OIDs do not answer', async () => {
    const { session } = sessionOn({ '1.3.6.1.4.1.99999.1.0': 12 });
    expect(
      await readPageCounters(session, { mono: ['1.3.6.1.4.1.99999.1.0'], color: ['1.3.6.1.4.1.99999.9.0'] }),
    ).toEqual({ mono: 12, color: null, print: null, copy: null, scan: null });
  });
});

describe('printerOptions', () => {
  it('takes the mono and colour counters and part numbers of a profile', () => {
    const sharp = PROFILES.find((profile) => profile.id === 'sharp-printer') ?? null;
    expect(printerOptions(sharp)).toEqual({
      pageCounters: {
        mono: ['1.3.6.1.4.1.2385.1.1.19.2.1.3.5.4.61'],
        color: ['1.3.6.1.4.1.2385.1.1.19.2.1.3.5.4.63'],
      },
      partNumbers: undefined,
      thresholds: undefined,
    });
    expect(printerOptions(null)).toEqual({
      pageCounters: undefined,
      partNumbers: undefined,
      thresholds: undefined,
    });
  });
});
