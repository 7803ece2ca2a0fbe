/**
 * Agents that lie or break (issue 9, part 1), over real UDP against Parc's simulator: one scan of
 * 127.77.9.0/27 where each fault mode has a host, beside healthy hosts. Each broken host ends up in one of
 * three documented outcomes, the healthy ones are all found and right, the scan ends (bounded by its
 * timeouts and walk bounds) and nothing reaches `uncaughtException`.
 *
 * Outcomes, by fault:
 * - reported (a ScanProblem, not stored): garbage, stall-after-first, truncated, malformed-ber;
 * - stored with a warning (a ScanProblem "walk … cut at N rows…", the rows read kept): growing-subtree;
 * - stored with sane values: v1-only, loop, the three exceptions (an empty identity: type `other`, no
 *   vendor), wrong-types (numbers that are not numbers read as unknown), odd-strings (text cleaned and cut),
 *   wrong-source (an answer from another port of the same address is accepted: the 32-bit random request-id
 *   ties it to its request, and multi-homed agents answer that way);
 * - not a device: silent, and wrong-request-id (net-snmp drops answers that match no request, so the host
 *   looks silent; telling it apart needs session.ts, see the report of issue 9).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine';
import { MAX_TEXT_CHARS } from '../../electron/engine/snmp/values';
import type { Device } from '../../shared/domain/device';
import type { ScanProblem, ScanSummary } from '../../shared/domain/scan';
import type { PrinterSummary } from '../../shared/domain/printer';
import { fixturePath, loadExpected } from '../simulator/fixtures';
import { FAULT_MODES, startSimulator, type FaultMode, type Simulator } from '../simulator/simulator';

/** Healthy hosts: each must be found exactly as its golden file says. */
const HEALTHY = [
  { address: '127.77.9.3', fixture: 'ups-apc' },
  { address: '127.77.9.4', fixture: 'nas-synology' },
  { address: '127.77.9.5', fixture: 'ap-ubiquiti' },
] as const;

/** One host per fault; fixtures of stored hosts are distinct so that no two merge into one device. */
const FAULTY: Readonly<Record<FaultMode, { readonly address: string; readonly fixture: string }>> = {
  silent: { address: '127.77.9.10', fixture: 'printer-hp-laserjet' },
  garbage: { address: '127.77.9.11', fixture: 'printer-hp-laserjet' },
  'v1-only': { address: '127.77.9.12', fixture: 'projector-epson' },
  loop: { address: '127.77.9.13', fixture: 'server-linux' },
  'stall-after-first': { address: '127.77.9.14', fixture: 'printer-hp-laserjet' },
  'growing-subtree': { address: '127.77.9.15', fixture: 'switch-cisco' },
  'end-of-mib': { address: '127.77.9.16', fixture: 'printer-hp-laserjet' },
  'no-such-object': { address: '127.77.9.17', fixture: 'printer-hp-laserjet' },
  'no-such-instance': { address: '127.77.9.18', fixture: 'printer-hp-laserjet' },
  'wrong-types': { address: '127.77.9.19', fixture: 'printer-hp-laserjet' },
  'odd-strings': { address: '127.77.9.20', fixture: 'printer-canon-color' },
  'wrong-request-id': { address: '127.77.9.21', fixture: 'printer-hp-laserjet' },
  'wrong-source': { address: '127.77.9.22', fixture: 'printer-generic-netsnmp' },
  truncated: { address: '127.77.9.23', fixture: 'printer-hp-laserjet' },
  'malformed-ber': { address: '127.77.9.24', fixture: 'printer-hp-laserjet' },
};

/** The reason a reported host gets (`answered, then:` when the probe itself got a valid answer). */
const REPORTED: Partial<Readonly<Record<FaultMode, RegExp>>> = {
  garbage: /^answers that are not valid SNMP$/,
  'stall-after-first': /^answered, then: no answer \(timeout\)$/,
  truncated: /^(answered, then: )?(answers that are not valid SNMP|invalid answer \(\w+\))$/,
  'malformed-ber': /^answers that are not valid SNMP$/,
};
/** Stored, with a warning: the walk was cut at its bound and the rows read are kept. */
const WARNED: readonly FaultMode[] = ['growing-subtree'];
const STORED: readonly FaultMode[] = [
  'v1-only',
  'loop',
  'end-of-mib',
  'no-such-object',
  'no-such-instance',
  'wrong-types',
  'odd-strings',
  'wrong-source',
];
const ABSENT: readonly FaultMode[] = ['silent', 'wrong-request-id'];

describe('a scan of agents that lie or break', () => {
  let sim: Simulator;
  let scan: ScanSummary;
  let devices: Device[];
  let printers: PrinterSummary[];
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);

  beforeAll(async () => {
    process.on('uncaughtException', onUncaught);
    sim = await startSimulator({
      devices: [
        ...HEALTHY.map((h) => ({ address: h.address, records: fixturePath(h.fixture) })),
        ...FAULT_MODES.map((fault) => ({
          address: FAULTY[fault].address,
          records: fixturePath(FAULTY[fault].fixture),
          fault,
        })),
      ],
    });
    const engine = createEngine({ dbPath: ':memory:' });
    const handle = await engine.scan.start({
      targets: ['127.77.9.0/27'],
      credentials: [
        { kind: 'community', version: '2c', community: 'public' },
        { kind: 'community', version: '1', community: 'public' },
      ],
      port: sim.port,
      timeoutMs: 700,
      retries: 1,
    });
    ({ scan, devices } = await handle.done);
    printers = engine.printers.list().printers;
    engine.close();
  }, 60_000);
  afterAll(async () => {
    process.off('uncaughtException', onUncaught);
    await sim?.stop();
  });

  const device = (fault: FaultMode) => devices.find((d) => d.ip === FAULTY[fault].address);
  const problem = (fault: FaultMode): ScanProblem | undefined =>
    scan.problems.find((p) => p.ip === FAULTY[fault].address);

  it('every fault mode has a documented outcome', () => {
    const covered = [...Object.keys(REPORTED), ...WARNED, ...STORED, ...ABSENT].sort();
    expect(covered).toEqual([...FAULT_MODES].sort());
  });

  it('finishes, and nothing reaches uncaughtException', () => {
    expect(scan.status).toBe('done');
    expect(uncaught).toEqual([]);
    // Every faulty host was really asked (and, but the silent one, answered something).
    for (const fault of FAULT_MODES) expect(sim.requests(FAULTY[fault].address)).toBeGreaterThan(0);
  });

  it('finds every healthy host, right', () => {
    for (const host of HEALTHY) {
      expect(devices.find((d) => d.ip === host.address)).toMatchObject(loadExpected(host.fixture));
    }
    expect(scan.problems.filter((p) => HEALTHY.some((h) => h.address === p.ip))).toEqual([]);
  });

  it.each(Object.entries(REPORTED) as [FaultMode, RegExp][])(
    'reports the %s host with its reason and does not store it',
    (fault, reason) => {
      expect(problem(fault)?.reason).toMatch(reason);
      expect(device(fault)).toBeUndefined();
    },
  );

  it('stops a walk that grows forever at its bound, says so, and keeps the device', () => {
    // if-mib walks ifType first, bounded at 1000 rows: 40 GETBULKs of 25, not an endless walk.
    expect(problem('growing-subtree')?.reason).toBe(
      'walk of 1.3.6.1.2.1.2.2.1.3 cut at 1000 rows (endless or very large table)',
    );
    expect(device('growing-subtree')?.type).toBe('switch');
    // Every walk of an endless agent stops at its bound: a few hundred requests, not endless.
    expect(sim.requests(FAULTY['growing-subtree'].address)).toBeLessThan(500);
  });

  it.each(ABSENT)('treats the %s host as silent: no device, no problem', (fault) => {
    expect(device(fault)).toBeUndefined();
    expect(problem(fault)).toBeUndefined();
  });

  it.each(STORED)('stores the %s host without a problem', (fault) => {
    expect(device(fault)).toBeDefined();
    expect(problem(fault)).toBeUndefined();
  });

  it('reads a v1-only agent and one answering from another port as usual', () => {
    expect(device('v1-only')).toMatchObject(loadExpected('projector-epson'));
    expect(device('wrong-source')).toMatchObject(loadExpected('printer-generic-netsnmp'));
  });

  it.each(['end-of-mib', 'no-such-object', 'no-such-instance'] as const)(
    'stores an agent answering %s in every position with an empty identity',
    (fault) => {
      expect(device(fault)).toMatchObject({
        type: 'other',
        vendor: null,
        model: null,
        serial: null,
        mac: null,
        sysDescr: null,
        sysObjectID: null,
        sysName: null,
        uptimeSeconds: null,
      });
    },
  );

  it('reads wrong types as unknown values, never as wrong numbers', () => {
    const expected = loadExpected('printer-hp-laserjet');
    expect(device('wrong-types')).toMatchObject({
      type: 'printer',
      vendor: expected.vendor,
      model: expected.model,
      serial: expected.serial,
      mac: null, // ifPhysAddress is an INTEGER
      uptimeSeconds: null, // sysUpTime is an OCTET STRING
    });
    const printer = printers.find((p) => p.ip === FAULTY['wrong-types'].address);
    expect(printer?.supplies.length).toBeGreaterThan(0);
    for (const supply of printer?.supplies ?? []) {
      // prtMarkerSuppliesLevel "75%" is not a level; a negative max capacity is not a capacity.
      expect(supply).toMatchObject({ level: null, percent: null });
    }
    // prtMarkerLifeCount 2^64-1 (a Counter64) cannot be a float: no page count rather than a wrong one.
    expect(printer?.pageCount.total).toBeNull();
  });

  it('cleans odd strings: empty is null, 65,000 bytes are cut, NULs removed, invalid UTF-8 kept as text', () => {
    const odd = device('odd-strings');
    expect(odd).toMatchObject({
      sysContact: null,
      sysLocation: 'SalleB12',
      sysName: 'imprimante-Ã(\ufffdÿþ',
    });
    expect(odd?.sysDescr).toHaveLength(MAX_TEXT_CHARS);
    expect(odd?.sysDescr?.startsWith('Hostile agent xxx')).toBe(true);
    const printer = printers.find((p) => p.ip === FAULTY['odd-strings'].address);
    expect(printer?.supplies.length).toBeGreaterThan(0);
    for (const supply of printer?.supplies ?? []) expect(supply.description).toBe('Tonernoir é');
  });
});
