import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/engine/db/database';
import { createCredentialsRepo } from '../../../electron/engine/db/repositories/credentials-repo';
import { createDevicesRepo } from '../../../electron/engine/db/repositories/devices-repo';
import { createPrintersRepo } from '../../../electron/engine/db/repositories/printers-repo';
import { createScansRepo } from '../../../electron/engine/db/repositories/scans-repo';
import { silentLogger } from '../../../electron/engine/log';
import { createPrintersService } from '../../../electron/engine/printers/service';
import { SETTINGS_DEFAULTS, type Settings } from '../../../shared/domain/settings';
import type { PrinterReading, Supply } from '../../../shared/domain/printer';
import { fakeNetwork } from '../../helpers/fake-session';

const DAY = 86_400_000;
const supply = (over: Partial<Supply>): Supply => ({
  index: 1,
  deviceIndex: 1,
  kind: 'toner',
  color: 'cyan',
  description: 'Cyan Toner TN-247C',
  partNumber: 'TN-247C',
  unit: 'percent',
  maxCapacity: 100,
  level: 50,
  percent: 50,
  state: 'ok',
  daysLeft: null,
  ...over,
});
const reading = (supplies: Supply[], total: number): PrinterReading => ({
  status: 'idle',
  errors: [],
  alerts: [],
  display: null,
  pageCount: { total, mono: null, color: null },
  supplies,
  trays: [],
});

function setup() {
  const db = openDatabase(':memory:');
  const devices = createDevicesRepo(db);
  const printers = createPrintersRepo(db);
  let clock = Date.parse('2026-10-01T00:00:00.000Z');
  const settings: Settings = { ...SETTINGS_DEFAULTS, targets: [] };
  const service = createPrintersService({
    devices,
    printers,
    credentials: createCredentialsRepo(db),
    settings: () => settings,
    scanCredentials: () => [],
    openSession: fakeNetwork({}).factory,
    logger: silentLogger,
    now: () => new Date(clock).toISOString(),
    maxRequestsPerSecond: 0,
  });
  const scanId = createScansRepo(db).create(['10.0.0.0/24'], 254, 't');
  const system = {
    sysDescr: 'Brother HL',
    sysObjectID: '1.3.6.1.4.1.2435.2.3.9.1',
    sysUpTime: 1,
    sysContact: null,
    sysName: 'IMP-B12',
    sysLocation: null,
    sysServices: null,
  };
  const add = (ip: string, serial: string) =>
    devices.record(
      {
        ip,
        type: 'printer',
        vendor: 'Brother',
        model: 'HL-L8260CDW',
        serial,
        firmware: null,
        mac: null,
        system,
        credentialKey: null,
      },
      scanId,
      't',
    ).id;
  const readAt = (deviceId: number, r: PrinterReading, day: number) =>
    printers.record(deviceId, r, new Date(Date.parse('2026-10-01T00:00:00.000Z') + day * DAY).toISOString());
  return {
    service,
    add,
    readAt,
    system,
    printers,
    setClock: (day: number) => (clock = Date.parse('2026-10-01T00:00:00.000Z') + day * DAY),
  };
}

describe('printers service', () => {
  it('forecasts days left from the history and puts soon-empty supplies on the order list', () => {
    const { service, add, readAt } = setup();
    const id = add('10.0.0.5', 'E1');
    readAt(id, reading([supply({ level: 60, percent: 60 })], 1000), 0);
    readAt(id, reading([supply({ level: 40, percent: 40 })], 1400), 10);
    readAt(id, reading([supply({ level: 20, percent: 20 })], 1800), 20);
    const { printers, toOrder } = service.list();
    // 2 points a day, 20 % left: 10 days.
    expect(printers[0].supplies[0].daysLeft).toBe(10);
    expect(printers[0].pagesPerMonth).toBe(1200);
    expect(toOrder).toEqual([
      expect.objectContaining({
        deviceId: id,
        supplyKey: '1.1',
        partNumber: 'TN-247C',
        daysLeft: 10,
        printer: 'IMP-B12',
      }),
    ]);
  });

  it('forgets the history before a replacement the TOS agent recorded', () => {
    const { service, add, readAt, setClock } = setup();
    const id = add('10.0.0.5', 'E1');
    readAt(id, reading([supply({ level: 60, percent: 60 })], 1000), 0);
    readAt(id, reading([supply({ level: 40, percent: 40 })], 1400), 10);
    setClock(11);
    service.replace(id, '1.1');
    readAt(id, reading([supply({ level: 35, percent: 35 })], 1500), 12);
    expect(service.list().printers[0].supplies[0].daysLeft).toBeNull();
  });

  it('lists printers most urgent first: errors, then empty, then low, then the rest', () => {
    const { service, add, readAt } = setup();
    const fine = add('10.0.0.1', 'A');
    const low = add('10.0.0.2', 'B');
    const jammed = add('10.0.0.3', 'C');
    const empty = add('10.0.0.4', 'D');
    readAt(fine, reading([supply({ percent: 80, level: 80 })], 1), 0);
    readAt(low, reading([supply({ percent: 4, level: 4, state: 'low' })], 1), 0);
    readAt(jammed, { ...reading([supply({})], 1), errors: ['jammed'], status: 'error' }, 0);
    readAt(empty, reading([supply({ percent: 0, level: 0, state: 'empty' })], 1), 0);
    expect(service.list().printers.map((p) => p.deviceId)).toEqual([jammed, empty, low, fine]);
    expect(service.list().toOrder.map((s) => s.deviceId)).toEqual([empty, low]);
  });

  it('never puts some-remaining or unknown supplies on the order list', () => {
    const { service, add, readAt } = setup();
    const id = add('10.0.0.5', 'E1');
    readAt(
      id,
      reading(
        [
          supply({ level: -3, percent: null, state: 'some-remaining' }),
          supply({ index: 2, level: -2, percent: null, state: 'unknown' }),
        ],
        1,
      ),
      0,
    );
    expect(service.list().toOrder).toEqual([]);
  });
});

describe('readAndStore', () => {
  it('records a detected replacement when a level jumps up, once, and not after the agent said so', async () => {
    const { service, add, setClock, system, printers } = setup();
    const id = add('127.0.0.60', 'E1');
    const objects: Record<string, string | number> = {
      '1.3.6.1.2.1.43.11.1.1.4.1.1': 3, // consumed
      '1.3.6.1.2.1.43.11.1.1.5.1.1': 3, // toner
      '1.3.6.1.2.1.43.11.1.1.6.1.1': 'Cyan Toner',
      '1.3.6.1.2.1.43.11.1.1.7.1.1': 19, // percent
      '1.3.6.1.2.1.43.11.1.1.8.1.1': 100,
      '1.3.6.1.2.1.43.11.1.1.9.1.1': 8,
    };
    const session = fakeNetwork({ '127.0.0.60': { communities: ['public'], objects } }).factory(
      '127.0.0.60',
      { kind: 'community', version: '2c', community: 'public' },
      { port: 161, timeoutMs: 100, retries: 0 },
    );
    const replacements = () => printers.lastReplacement(id, '1.1');
    setClock(0);
    await service.readAndStore(id, session, system);
    objects['1.3.6.1.2.1.43.11.1.1.9.1.1'] = 97; // a new cartridge
    setClock(1);
    await service.readAndStore(id, session, system);
    expect(replacements()).toBe('2026-10-02T00:00:00.000Z');
    setClock(2);
    await service.readAndStore(id, session, system); // 97 again: nothing new
    expect(replacements()).toBe('2026-10-02T00:00:00.000Z');

    // The agent records it first: the jump that follows is not counted twice.
    objects['1.3.6.1.2.1.43.11.1.1.9.1.1'] = 5;
    setClock(3);
    await service.readAndStore(id, session, system);
    setClock(4);
    service.replace(id, '1.1');
    objects['1.3.6.1.2.1.43.11.1.1.9.1.1'] = 99;
    setClock(5);
    await service.readAndStore(id, session, system);
    expect(replacements()).toBe('2026-10-05T00:00:00.000Z');
  });
});
