import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PjlinkStatus } from '../../../shared/domain/projector';
import { isPjlinkDevice, PjlinkError, queryPjlink } from '../../../electron/engine/probes/pjlink/client';
import { startPjlinkSimulator, type PjlinkSimProjector, type PjlinkSimulator } from '../../simulator/pjlink';

// Nothing else uses 127.79.0.0/16; one port for every simulated projector.
const PORT = 14352;
const PASSWORD = 'S204-tni!';

/** A lamp projector of a classroom, class 1 (values as an Epson EB-695Wi answers). */
const EB695: Omit<PjlinkSimProjector, 'address'> = {
  port: PORT,
  pjlinkClass: 1,
  power: 'on',
  input: '32',
  avMute: '30',
  lamps: [{ hours: 4012, on: true }],
  errors: '000000',
  name: 'EB695Wi-S204',
  manufacturer: 'EPSON',
  product: 'EB-695Wi',
  otherInfo: '',
};

/** The same model with class 2 firmware. */
const EB695_CLASS2: Omit<PjlinkSimProjector, 'address'> = {
  ...EB695,
  pjlinkClass: 2,
  name: 'EB695Wi-B12',
  errors: '000010',
  lamps: [{ hours: 2875, on: true }],
  avMute: '11',
  serial: 'X4Q8740123L',
  softwareVersion: '1.04',
  filterHours: 2875,
  lampModel: 'ELPLP91',
  filterModel: 'ELPAF50',
};

const AT = {
  class1: '127.79.0.1',
  class1Password: '127.79.0.2',
  class2: '127.79.0.3',
  laser: '127.79.0.4',
  silent: '127.79.0.5',
  closeInStandby: '127.79.0.6',
  err3InStandby: '127.79.0.7',
  lowercase: '127.79.0.8',
  garbage: '127.79.0.9',
  stall: '127.79.0.10',
  nothing: '127.79.0.250',
} as const;

let simulator: PjlinkSimulator;

beforeAll(async () => {
  simulator = await startPjlinkSimulator({
    projectors: [
      { ...EB695, address: AT.class1 },
      { ...EB695, address: AT.class1Password, password: PASSWORD },
      { ...EB695_CLASS2, address: AT.class2, password: PASSWORD },
      {
        ...EB695_CLASS2,
        address: AT.laser,
        manufacturer: 'EPSON',
        product: 'EB-L210SF',
        name: 'EBL210SF-CDI',
        lamps: [],
        filterHours: undefined,
        lampModel: undefined,
        filterModel: undefined,
      },
      { ...EB695, address: AT.silent, fault: 'silent' },
      { ...EB695, address: AT.closeInStandby, power: 'off', fault: 'close-in-standby' },
      { ...EB695, address: AT.err3InStandby, power: 'off', fault: 'err3-in-standby' },
      { ...EB695_CLASS2, address: AT.lowercase, password: PASSWORD, fault: 'lowercase-padded' },
      { ...EB695, address: AT.garbage, fault: 'garbage-greeting' },
      { ...EB695, address: AT.stall, fault: 'stall-after-greeting' },
    ],
  });
});

afterAll(async () => {
  await simulator.stop();
});

/** The class 1 commands, in the order they are asked. */
const CLASS1_COMMANDS = ['CLSS', 'POWR', 'INPT', 'AVMT', 'ERST', 'LAMP', 'NAME', 'INF1', 'INF2', 'INFO'];

async function rejection(promise: Promise<unknown>): Promise<PjlinkError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof PjlinkError)) throw new Error(`expected a PjlinkError, got ${String(error)}`);
  return error;
}

describe('queryPjlink, class 1', () => {
  it('reads every class 1 field without authentication', async () => {
    const status = await queryPjlink(AT.class1, { port: PORT });
    expect(PjlinkStatus.parse(status)).toEqual({
      pjlinkClass: 1,
      power: 'on',
      input: '32',
      avMute: { video: false, audio: false },
      errors: { fan: 'ok', lamp: 'ok', temperature: 'ok', cover: 'ok', filter: 'ok', other: 'ok' },
      lamps: [{ hours: 4012, on: true }],
      name: 'EB695Wi-S204',
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
    });
    expect(isPjlinkDevice(status)).toBe(true);
  });

  it('asks CLSS first, then the class 1 commands, and no class 2 command', () => {
    expect(simulator.commands(AT.class1)).toEqual(CLASS1_COMMANDS.map((command) => `%1${command} ?`));
  });

  it('authenticates with the right password', async () => {
    const status = await queryPjlink(AT.class1Password, { port: PORT, password: PASSWORD });
    expect(status).toMatchObject({
      authenticated: true,
      power: 'on',
      name: 'EB695Wi-S204',
      lamps: [{ hours: 4012, on: true }],
      unavailable: [],
    });
  });

  it('throws kind auth on a wrong password, without the password in the message', async () => {
    const error = await rejection(queryPjlink(AT.class1Password, { port: PORT, password: 'wrong-password' }));
    expect(error.kind).toBe('auth');
    expect(error.greeted).toBe(true);
    expect(error.message).toMatch(/ERRA/);
    expect(error.message).not.toContain('wrong-password');
    expect(isPjlinkDevice(error)).toBe(true);
  });

  it('throws kind auth when a password is needed and none is given, sending nothing', async () => {
    const before = simulator.commands(AT.class1Password).length;
    const connections = simulator.connections(AT.class1Password);
    const error = await rejection(queryPjlink(AT.class1Password, { port: PORT }));
    expect(error.kind).toBe('auth');
    expect(error.message).toMatch(/needs a PJLink password/);
    expect(isPjlinkDevice(error)).toBe(true);
    expect(simulator.connections(AT.class1Password)).toBe(connections + 1);
    expect(simulator.commands(AT.class1Password)).toHaveLength(before);
  });
});

describe('queryPjlink, class 2', () => {
  it('reads serial, software version, filter and replacement models', async () => {
    const status = await queryPjlink(AT.class2, { port: PORT, password: PASSWORD });
    expect(PjlinkStatus.parse(status)).toEqual({
      pjlinkClass: 2,
      power: 'on',
      input: '32',
      avMute: { video: true, audio: false },
      errors: { fan: 'ok', lamp: 'ok', temperature: 'ok', cover: 'ok', filter: 'warning', other: 'ok' },
      lamps: [{ hours: 2875, on: true }],
      name: 'EB695Wi-B12',
      manufacturer: 'EPSON',
      product: 'EB-695Wi',
      otherInfo: null,
      serial: 'X4Q8740123L',
      softwareVersion: '1.04',
      lampModel: 'ELPLP91',
      filterModel: 'ELPAF50',
      filterHours: 2875,
      authenticated: true,
      unavailable: [],
    });
    expect(simulator.commands(AT.class2).slice(-5)).toEqual([
      '%2SNUM ?',
      '%2SVER ?',
      '%2FILT ?',
      '%2RLMP ?',
      '%2RFIL ?',
    ]);
  });

  it('lists LAMP and FILT as unavailable on a laser projector without filter', async () => {
    const status = await queryPjlink(AT.laser, { port: PORT, password: PASSWORD });
    expect(status).toMatchObject({
      pjlinkClass: 2,
      product: 'EB-L210SF',
      lamps: [],
      filterHours: null,
      lampModel: null,
      filterModel: null,
      serial: 'X4Q8740123L',
      unavailable: ['LAMP', 'FILT'],
    });
  });
});

describe('queryPjlink, misbehaving devices', () => {
  it('throws kind timeout when a device accepts the connection but never greets', async () => {
    const error = await rejection(queryPjlink(AT.silent, { port: PORT, timeoutMs: 300 }));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/greeting/);
    expect(isPjlinkDevice(error)).toBe(false);
  }, 3000);

  it('keeps what a standby projector answered before it closed the connection', async () => {
    const status = await queryPjlink(AT.closeInStandby, { port: PORT });
    expect(status).toMatchObject({
      pjlinkClass: 1,
      power: 'off',
      input: null,
      avMute: null,
      errors: null,
      lamps: [],
      name: null,
      manufacturer: null,
      unavailable: ['INPT', 'AVMT', 'ERST', 'LAMP', 'NAME', 'INF1', 'INF2', 'INFO'],
    });
    // The connection closed on INPT: nothing more was sent.
    expect(simulator.commands(AT.closeInStandby)).toEqual(['%1CLSS ?', '%1POWR ?', '%1INPT ?']);
  });

  it('lists the commands answered ERR3 in standby and reads the others', async () => {
    const status = await queryPjlink(AT.err3InStandby, { port: PORT });
    expect(status).toMatchObject({
      power: 'off',
      input: null,
      avMute: null,
      lamps: [],
      errors: { fan: 'ok', lamp: 'ok', temperature: 'ok', cover: 'ok', filter: 'ok', other: 'ok' },
      name: 'EB695Wi-S204',
      product: 'EB-695Wi',
      unavailable: ['INPT', 'AVMT', 'LAMP'],
    });
  });

  it('reads lower-case padded answers, authentication included', async () => {
    const status = await queryPjlink(AT.lowercase, { port: PORT, password: PASSWORD });
    expect(status).toMatchObject({
      pjlinkClass: 2,
      authenticated: true,
      power: 'on',
      avMute: { video: true, audio: false },
      lamps: [{ hours: 2875, on: true }],
      name: 'eb695wi-b12',
      manufacturer: 'epson',
      serial: 'x4q8740123l',
      filterHours: 2875,
      lampModel: 'elplp91',
      unavailable: [],
    });
  });

  it('throws kind protocol when the greeting is not PJLink', async () => {
    const error = await rejection(queryPjlink(AT.garbage, { port: PORT }));
    expect(error.kind).toBe('protocol');
    expect(error.greeted).toBe(false);
    expect(isPjlinkDevice(error)).toBe(false);
  });

  it('throws kind refused when nothing listens', async () => {
    const error = await rejection(queryPjlink(AT.nothing, { port: PORT, timeoutMs: 300 }));
    expect(error.kind).toBe('refused');
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(isPjlinkDevice(error)).toBe(false);
  }, 3000);

  it('resolves with every command unavailable when a projector greets then stalls, within its bound', async () => {
    const status = await queryPjlink(AT.stall, { port: PORT, timeoutMs: 100 });
    expect(status.power).toBeNull();
    expect(status.pjlinkClass).toBe(1);
    expect(status.unavailable).toEqual(CLASS1_COMMANDS);
    // 10 exchanges of 100 ms fit the 10 × 100 ms bound; nothing beyond it.
    expect(simulator.commands(AT.stall).length).toBeLessThanOrEqual(CLASS1_COMMANDS.length);
  }, 3000);

  it('rejects with the abort reason when the signal aborts', async () => {
    const controller = new AbortController();
    const query = queryPjlink(AT.silent, { port: PORT, timeoutMs: 10_000, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('scan cancelled')), 50);
    await expect(query).rejects.toThrow('scan cancelled');
  }, 3000);
});
