import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/engine/db/database';
import {
  createDevicesRepo,
  type DeviceObservation,
  type NetworkObservation,
} from '../../../../electron/engine/db/repositories/devices-repo';
import { createScansRepo } from '../../../../electron/engine/db/repositories/scans-repo';

const pc = (over: Partial<NetworkObservation> = {}): NetworkObservation => ({
  ip: '10.0.0.50',
  type: 'computer',
  vendor: 'Dell',
  model: null,
  serial: null,
  mac: 'f8:b1:56:12:34:56',
  hostName: 'PC-B12-01',
  workgroup: 'LYCEE',
  os: 'Windows',
  openPorts: [135, 445],
  sources: ['network'],
  ...over,
});

const snmp = (over: Partial<DeviceObservation> = {}): DeviceObservation => ({
  ip: '10.0.0.50',
  type: 'server',
  vendor: null,
  model: null,
  serial: null,
  firmware: null,
  mac: 'f8:b1:56:12:34:56',
  credentialKey: null,
  system: {
    sysDescr: 'Linux scribe',
    sysObjectID: '1.3.6.1.4.1.8072.3.2.10',
    sysUpTime: 100,
    sysContact: null,
    sysName: 'scribe',
    sysLocation: null,
    sysServices: null,
  },
  ...over,
});

describe('devices repository: hosts seen without SNMP', () => {
  let repo: ReturnType<typeof createDevicesRepo>;
  let scan: number;
  beforeEach(() => {
    const db = openDatabase(':memory:');
    repo = createDevicesRepo(db);
    scan = createScansRepo(db).create(['10.0.0.0/24'], 254, 't0');
  });

  it('stores name, workgroup, OS guess, open ports and the network source', () => {
    const { id, created } = repo.recordNetwork(pc(), scan, 't1');
    expect(created).toBe(true);
    expect(repo.get(id)).toMatchObject({
      type: 'computer',
      hostName: 'PC-B12-01',
      workgroup: 'LYCEE',
      os: 'Windows',
      openPorts: [135, 445],
      sources: ['network'],
      mac: 'f8:b1:56:12:34:56',
    });
  });

  it('follows a PC by its MAC when DHCP moves it', () => {
    const first = repo.recordNetwork(pc(), scan, 't1');
    const moved = repo.recordNetwork(pc({ ip: '10.0.0.77' }), scan, 't2');
    expect(moved).toEqual({ id: first.id, created: false });
    expect(repo.get(first.id)?.ip).toBe('10.0.0.77');
  });

  it('a host without a MAC is matched by its address', () => {
    const first = repo.recordNetwork(pc({ mac: null, hostName: null }), scan, 't1');
    expect(repo.recordNetwork(pc({ mac: null, hostName: null, openPorts: [22] }), scan, 't2')).toEqual({
      id: first.id,
      created: false,
    });
    expect(repo.get(first.id)?.openPorts).toEqual([22]);
  });

  it('keeps the type an SNMP agent gave when only the ports answer later, and merges sources', () => {
    const { id } = repo.record(snmp(), scan, 't1');
    repo.recordNetwork(pc({ type: 'computer' }), scan, 't2');
    expect(repo.get(id)).toMatchObject({
      type: 'server',
      sources: ['snmp', 'network'],
      hostName: 'PC-B12-01',
    });
  });

  it('an SNMP reading without agentless facts keeps the stored ports and name', () => {
    const { id } = repo.recordNetwork(pc(), scan, 't1');
    repo.record(snmp(), scan, 't2');
    expect(repo.get(id)).toMatchObject({ type: 'server', openPorts: [135, 445], hostName: 'PC-B12-01' });
  });

  it('an SNMP-only scan marks missing only what answers SNMP, and keeps what PJLink taught', () => {
    const pcId = repo.recordNetwork(pc(), scan, 't1').id;
    const serverId = repo.record(snmp({ ip: '10.0.0.9', mac: null, model: 'EB-725Wi' }), scan, 't1').id;
    repo.record(snmp({ ip: '10.0.0.9', mac: null, model: null }), scan, 't3');
    expect(repo.get(serverId)?.model).toBe('EB-725Wi');
    expect(repo.markMissing('t2', () => true, ['snmp'])).toBe(0);
    expect(repo.get(pcId)?.missing).toBe(false);
    expect(repo.markMissing('t2', () => true, ['snmp', 'network', 'pjlink'])).toBe(1);
    expect(repo.get(pcId)?.missing).toBe(true);
  });

  it('learns a MAC from the ARP cache unless another device has it', () => {
    const a = repo.recordNetwork(pc({ mac: null, hostName: null, ip: '10.0.0.60' }), scan, 't1');
    repo.learnMac(a.id, '52:54:00:aa:bb:01', 'QEMU');
    expect(repo.get(a.id)).toMatchObject({ mac: '52:54:00:aa:bb:01', vendor: 'Dell' });
    const b = repo.recordNetwork(pc({ mac: null, hostName: null, ip: '10.0.0.61' }), scan, 't1');
    repo.learnMac(b.id, '52:54:00:aa:bb:01', null);
    expect(repo.get(b.id)?.mac).toBeNull();
  });
});
