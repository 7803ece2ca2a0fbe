/**
 * The whole scan on the simulated school (issues 4 and 10): machines without SNMP found by TCP
 * ports and NetBIOS, PJLink projectors and a panel, and hosts that answer SNMP and the other
 * probes kept as one device.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine';
import type { Engine } from '../../electron/engine/types';
import type { Device } from '../../shared/domain/device';
import { startSchoolNetwork, type SchoolNetwork } from '../simulator/school-network';

describe('scan of the simulated school (SNMP + agentless + PJLink)', () => {
  let school: SchoolNetwork;
  let engine: Engine;
  let devices: Device[];
  const neighbours = new Map([['127.77.0.101', '52:54:00:aa:bb:01']]);
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.name);

  beforeAll(async () => {
    process.on('warning', onWarning);
    school = await startSchoolNetwork();
    engine = createEngine({ dbPath: ':memory:', readNeighbours: async () => neighbours });
    const handle = await engine.scan.start(school.request());
    devices = (await handle.done).devices;
  }, 60_000);
  afterAll(async () => {
    process.off('warning', onWarning);
    engine?.close();
    await school?.stop();
  });

  const at = (role: string) => {
    const host = school.hosts.find((h) => h.role === role);
    return devices.filter((d) => d.ip === host?.address);
  };

  it.each([
    'windows',
    'linux',
    'printer',
    'projector-92',
    'projector-locked',
    'panel',
    'snmp+netbios',
    'snmp+pjlink',
  ])('finds the %s host once, with the expected type, name, MAC, OS, vendor, model and serial', (role) => {
    const host = school.hosts.find((h) => h.role === role);
    const found = at(role);
    expect(found).toHaveLength(1);
    const { lampHours, ...fields } = host?.expected ?? {};
    expect(found[0]).toMatchObject(fields);
    if (lampHours !== undefined) {
      const projector = engine.projectors.list().find((p) => p.deviceId === found[0].id);
      expect(projector?.lamps[0]?.hours).toBe(lampHours);
    }
  });

  it('does not list the host that drops everything, nor the addresses where nothing listens', () => {
    expect(at('drops')).toEqual([]);
    const known = new Set([
      ...school.hosts.map((h) => h.address),
      ...school.snmp.hosts.map((h) => h.address),
    ]);
    expect(devices.filter((d) => !known.has(d.ip))).toEqual([]);
  });

  it('records where each device was learned and its open ports', () => {
    expect(at('windows')[0]).toMatchObject({
      sources: ['network'],
      openPorts: [135, 139, 445, 3389],
      workgroup: 'LYCEE',
    });
    expect(at('snmp+netbios')[0].sources).toEqual(['snmp', 'network']);
    expect(at('snmp+pjlink')[0].sources).toEqual(['snmp', 'network', 'pjlink']);
    expect(at('projector-locked')[0].sources).toEqual(['network', 'pjlink']);
    // The other SNMP agents answered none of the agentless probes (loopback refusals prove nothing).
    const agentOnly = school.snmp.hosts.find((h) => !school.hosts.some((r) => r.address === h.address));
    expect(devices.find((d) => d.ip === agentOnly?.address)?.sources).toEqual(['snmp']);
  });

  it('takes the MAC of a host on the segment from the ARP cache after the sweep', () => {
    expect(at('linux')[0]).toMatchObject({ mac: '52:54:00:aa:bb:01' });
  });

  it('lists projectors with lamp use against rated life, the 92 % lamp first with its alert', () => {
    const list = engine.projectors.list();
    expect(list.map((p) => p.ip)).toContain('127.77.0.106');
    expect(list[0]).toMatchObject({
      ip: '127.77.0.104',
      state: 'on',
      source: 'pjlink',
      lamps: [{ hours: 5520, on: true, ratedHours: 6000, percentUsed: 92 }],
      alerts: [{ code: 'lamp-end', severity: 'warning', part: null }],
    });
    const locked = list.find((p) => p.ip === '127.77.0.105');
    expect(locked).toMatchObject({
      state: 'standby',
      filterHours: 2100,
      lampModel: 'NP43LP',
      filterModel: 'NP07FT',
      alerts: [{ code: 'filter-due', severity: 'warning', part: null }],
    });
  });

  it('probing 13 ports of 256 hosts at once raises no listener-leak warning', () => {
    expect(warnings.filter((name) => name === 'MaxListenersExceededWarning')).toEqual([]);
  });

  it('a second scan keeps one device per host', async () => {
    const handle = await engine.scan.start(school.request());
    const again = (await handle.done).devices;
    expect(again).toHaveLength(devices.length);
  }, 60_000);
});
