import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILES } from '../../../electron/engine/identify/profiles';
import { printerOptions, readPrinter } from '../../../electron/engine/printers/read-printer';
import { createNetSnmpSession } from '../../../electron/engine/snmp/session';
import { fixturePath } from '../../simulator/fixtures';
import { parseSnmprec, startSimulator, type Simulator } from '../../simulator/simulator';

/** An inkjet with its supplies under hrDeviceIndex 0, a Latin-1 description and a second-octet error bit. */
const INKJET = parseSnmprec(
  [
    '1.3.6.1.2.1.25.3.5.1.1.0|2|3',
    '1.3.6.1.2.1.25.3.5.1.2.0|4x|0040',
    '1.3.6.1.2.1.43.11.1.1.3.0.1|2|0',
    '1.3.6.1.2.1.43.11.1.1.3.0.2|2|0',
    '1.3.6.1.2.1.43.11.1.1.5.0.1|2|6',
    '1.3.6.1.2.1.43.11.1.1.5.0.2|2|9',
    '1.3.6.1.2.1.43.11.1.1.6.0.1|4|black ink cartridge',
    `1.3.6.1.2.1.43.11.1.1.6.0.2|4x|${Buffer.from("Unit\xe9 d'imagerie", 'latin1').toString('hex')}`,
    '1.3.6.1.2.1.43.11.1.1.7.0.1|2|15',
    '1.3.6.1.2.1.43.11.1.1.7.0.2|2|7',
    '1.3.6.1.2.1.43.11.1.1.8.0.1|2|651',
    '1.3.6.1.2.1.43.11.1.1.8.0.2|2|-2',
    '1.3.6.1.2.1.43.11.1.1.9.0.1|2|326',
    '1.3.6.1.2.1.43.11.1.1.9.0.2|2|-3',
  ].join('\n'),
);

let sim: Simulator;
const open = (address: string, version: '1' | '2c') =>
  createNetSnmpSession(
    address,
    { kind: 'community', version, community: 'public' },
    {
      port: sim.port,
      timeoutMs: 1000,
      retries: 1,
    },
  );

beforeAll(async () => {
  sim = await startSimulator({
    devices: [
      { address: '127.79.3.1', records: fixturePath('printer-hp-laserjet') },
      { address: '127.79.3.2', records: INKJET },
    ],
  });
});
afterAll(() => sim.stop());

describe('readPrinter over UDP', () => {
  it.each(['1', '2c'] as const)('reads the HP colour LaserJet fixture (SNMPv%s)', async (version) => {
    const session = open('127.79.3.1', version);
    const hp = PROFILES.find((profile) => profile.id === 'hp-jetdirect') ?? null;
    const reading = await readPrinter(session, printerOptions(hp)).finally(() => session.close());
    expect(reading.status).toBe('warning');
    expect(reading.errors).toEqual(['low-toner']);
    expect(reading.pageCount.total).toBe(48213);
    expect(reading.supplies.map((s) => [s.color, s.partNumber, s.percent, s.state])).toEqual([
      ['black', 'W2030A', 64, 'ok'],
      ['cyan', 'W2031A', 35, 'ok'],
      ['magenta', 'W2033A', 82, 'ok'],
      ['yellow', 'W2032A', 8, 'low'],
    ]);
    expect(reading.trays.map((t) => [t.name, t.media, t.percent, t.state])).toEqual([
      ['Tray 1', 'Plain', null, 'some-remaining'],
      ['Tray 2', 'Plain', null, 'some-remaining'],
      ['Tray 3', 'Plain', 0, 'empty'],
    ]);
  });

  it('reads supplies under hrDeviceIndex 0, Latin-1 text and every error octet', async () => {
    const session = open('127.79.3.2', '2c');
    const reading = await readPrinter(session).finally(() => session.close());
    expect(reading.errors).toEqual(['output-tray-missing']);
    expect(
      reading.supplies.map((s) => [s.deviceIndex, s.kind, s.color, s.description, s.percent, s.state]),
    ).toEqual([
      [0, 'ink', 'black', 'black ink cartridge', 50, 'ok'],
      [0, 'drum', null, "Unité d'imagerie", null, 'some-remaining'],
    ]);
  });
});
