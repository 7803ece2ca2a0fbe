import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/engine/db/database';
import { createDevicesRepo } from '../../../electron/engine/db/repositories/devices-repo';
import { createProjectorsRepo } from '../../../electron/engine/db/repositories/projectors-repo';
import { createScansRepo } from '../../../electron/engine/db/repositories/scans-repo';
import { NotFoundError } from '../../../electron/engine/errors';
import { DEFAULT_RATED_LAMP_HOURS, ratedLampHours } from '../../../electron/engine/projectors/lamp-life';
import {
  createProjectorsService,
  hoursPerDay,
  projectorAlerts,
} from '../../../electron/engine/projectors/service';
import type { PjlinkStatus } from '../../../shared/domain/projector';
import type { ProjectorReading } from '../../../shared/domain/projector-summary';

const reading = (over: Partial<ProjectorReading> = {}): ProjectorReading => ({
  source: 'pjlink',
  power: 'on',
  errors: { fan: 'ok', lamp: 'ok', temperature: 'ok', cover: 'ok', filter: 'ok', other: 'ok' },
  lamps: [{ hours: 1000, on: true }],
  filterHours: null,
  name: 'VP-B12',
  lampModel: null,
  filterModel: null,
  softwareVersion: null,
  ...over,
});

const status = (over: Partial<PjlinkStatus> = {}): PjlinkStatus => ({
  pjlinkClass: 1,
  power: 'on',
  input: '31',
  avMute: null,
  errors: { fan: 'ok', lamp: 'ok', temperature: 'ok', cover: 'ok', filter: 'ok', other: 'ok' },
  lamps: [{ hours: 5520, on: true }],
  name: 'VP-B12',
  manufacturer: 'EPSON',
  product: 'EB-695Wi',
  otherInfo: null,
  serial: null,
  softwareVersion: null,
  lampModel: null,
  filterModel: null,
  filterHours: null,
  authenticated: false,
  unavailable: [],
  ...over,
});

describe('projector alerts', () => {
  it('flags a lamp from 90 % of its rated life, critical from 100 %', () => {
    expect(projectorAlerts(reading({ lamps: [{ hours: 3599, on: true }] }), 4000)).toEqual([]);
    expect(projectorAlerts(reading({ lamps: [{ hours: 3600, on: true }] }), 4000)).toEqual([
      { code: 'lamp-end', severity: 'warning', part: null },
    ]);
    expect(projectorAlerts(reading({ lamps: [{ hours: 4100, on: true }] }), 4000)).toEqual([
      { code: 'lamp-end', severity: 'critical', part: null },
    ]);
  });

  it('turns ERST warnings and errors into filter-due and pjlink-error alerts', () => {
    const errors = {
      fan: 'error',
      lamp: 'ok',
      temperature: 'warning',
      cover: 'ok',
      filter: 'warning',
      other: 'ok',
    } as const;
    expect(projectorAlerts(reading({ errors }), 4000)).toEqual([
      { code: 'pjlink-error', severity: 'critical', part: 'fan' },
      { code: 'pjlink-error', severity: 'warning', part: 'temperature' },
      { code: 'filter-due', severity: 'warning', part: null },
    ]);
  });
});

describe('lamp use per day and rated life', () => {
  it('averages lamp hours per day over the readings, null under a day or after a lamp change', () => {
    const at = (day: number, hours: number) => ({
      readAt: new Date(Date.UTC(2026, 10, 1 + day)).toISOString(),
      reading: reading({ lamps: [{ hours, on: true }] }),
    });
    expect(hoursPerDay([at(0, 1000), at(10, 1050)])).toBe(5);
    expect(hoursPerDay([at(0, 1000)])).toBeNull();
    expect(hoursPerDay([at(0, 3000), at(10, 20)])).toBeNull();
  });

  it('knows some models and falls back to the default', () => {
    expect(ratedLampHours('Epson', 'EB-695Wi')).toBe(6000);
    expect(ratedLampHours('NEC', 'ME402X')).toBe(DEFAULT_RATED_LAMP_HOURS);
  });
});

describe('projectors service', () => {
  const setup = () => {
    const db = openDatabase(':memory:');
    const devices = createDevicesRepo(db);
    const scan = createScansRepo(db).create(['10.0.0.0/24'], 254, '2026-11-29T08:00:00.000Z');
    let now = '2026-11-29T08:00:00.000Z';
    const service = createProjectorsService({
      devices,
      projectors: createProjectorsRepo(db),
      now: () => now,
    });
    const add = (ip: string, model: string) =>
      devices.recordNetwork(
        {
          ip,
          type: 'projector',
          vendor: 'Epson',
          model,
          serial: null,
          mac: null,
          hostName: null,
          workgroup: null,
          os: null,
          openPorts: [4352],
          sources: ['network', 'pjlink'],
        },
        scan,
        now,
      ).id;
    return { service, devices, add, setNow: (t: string) => (now = t) };
  };

  it('lists the projector whose lamp is at 92 % first, with its state and gauge', () => {
    const { service, add } = setup();
    const calm = add('10.0.0.20', 'EB-695Wi');
    const old = add('10.0.0.30', 'EB-695Wi');
    service.recordPjlink(calm, status({ lamps: [{ hours: 100, on: false }], power: 'off' }));
    service.recordPjlink(old, status());
    const [first, second] = service.list();
    expect(first).toMatchObject({
      deviceId: old,
      state: 'on',
      name: 'VP-B12',
      lamps: [{ hours: 5520, on: true, ratedHours: 6000, percentUsed: 92 }],
      alerts: [{ code: 'lamp-end', severity: 'warning', part: null }],
      source: 'pjlink',
    });
    expect(second).toMatchObject({ deviceId: calm, state: 'standby', alerts: [] });
  });

  it("says unreachable when seen on the network without a status, and uses the referent's rated life", () => {
    const { service, add } = setup();
    const id = add('10.0.0.40', 'EB-695Wi');
    expect(service.list()[0].state).toBe('unreachable');
    service.recordPjlink(id, status());
    const edited = service.setRatedLampHours(id, 10_000);
    expect(edited).toMatchObject({
      ratedByUser: true,
      lamps: [{ ratedHours: 10_000, percentUsed: 55.2 }],
      alerts: [],
    });
    expect(service.setRatedLampHours(id, null).lamps[0].ratedHours).toBe(6000);
    expect(() => service.setRatedLampHours(999, 5000)).toThrow(NotFoundError);
  });

  it('keeps the last known lamp hours and lamp alert when a projector in standby answers LAMP with ERR3', () => {
    const { service, add } = setup();
    const id = add('10.0.0.45', 'EB-695Wi');
    service.recordPjlink(id, status({ lampModel: 'ELPLP92' }));
    service.recordPjlink(id, status({ power: 'off', lamps: [], unavailable: ['LAMP'] }));
    expect(service.list()[0]).toMatchObject({
      state: 'standby',
      lamps: [{ hours: 5520, on: null, percentUsed: 92 }],
      lampModel: 'ELPLP92',
      alerts: [{ code: 'lamp-end', severity: 'warning', part: null }],
    });
  });

  it('lists projectors without alerts by address, .15 before .106', () => {
    const { service, add } = setup();
    for (const ip of ['10.0.0.106', '10.0.0.15'])
      service.recordPjlink(add(ip, 'EB-695Wi'), status({ lamps: [] }));
    expect(service.list().map((p) => p.ip)).toEqual(['10.0.0.15', '10.0.0.106']);
  });

  it('a projector that greets, then closes before saying anything, is unreachable', () => {
    const { service, add } = setup();
    const id = add('10.0.0.46', 'EB-695Wi');
    service.recordPjlink(
      id,
      status({ power: null, errors: null, lamps: [], unavailable: ['POWR', 'ERST', 'LAMP'] }),
    );
    expect(service.list()[0].state).toBe('unreachable');
  });

  it('stores SNMP lamp hours as a reading without power', () => {
    const { service, add } = setup();
    const id = add('10.0.0.50', 'EB-4770W');
    service.recordSnmp(id, { lampHours: 79, filterHours: null });
    expect(service.list()[0]).toMatchObject({
      source: 'snmp',
      power: null,
      lamps: [{ hours: 79, on: null }],
    });
  });

  it('poll re-reads PJLink devices, trying the passwords while the projector says auth', async () => {
    const db = openDatabase(':memory:');
    const devices = createDevicesRepo(db);
    const scan = createScansRepo(db).create(['x'], 1, 't');
    const { id } = devices.recordNetwork(
      {
        ip: '10.0.0.60',
        type: 'projector',
        vendor: null,
        model: null,
        serial: null,
        mac: null,
        hostName: null,
        workgroup: null,
        os: null,
        openPorts: [],
        sources: ['network', 'pjlink'],
      },
      scan,
      '2026-11-29T08:00:00.000Z',
    );
    const tried: (string | undefined)[] = [];
    const service = createProjectorsService({
      devices,
      projectors: createProjectorsRepo(db),
      now: () => '2026-11-29T08:00:00.000Z',
      query: async (_ip, options) => {
        tried.push(options?.password);
        if (options?.password !== 'right') throw Object.assign(new Error('auth'), { kind: 'auth' });
        return status();
      },
    });
    expect(await service.poll({ timeoutMs: 100, passwords: ['wrong', 'right'] })).toEqual({
      read: 1,
      failed: 0,
    });
    expect(tried).toEqual([undefined, 'wrong', 'right']);
    expect(service.list().find((p) => p.deviceId === id)?.lamps[0]?.hours).toBe(5520);
  });
});
