import { describe, expect, it } from 'vitest';
import { networkFacts, networkObservation, withPjlink } from '../../../../electron/engine/discovery/merge';
import type { NetworkProbeResult } from '../../../../electron/engine/discovery/network-probe';
import type { Identity } from '../../../../electron/engine/identify/identify';
import type { PjlinkStatus } from '../../../../shared/domain/projector';

const status = (over: Partial<PjlinkStatus> = {}): PjlinkStatus => ({
  pjlinkClass: 2,
  power: 'on',
  input: null,
  avMute: null,
  errors: null,
  lamps: [],
  name: 'TNI-B12',
  manufacturer: 'ViewSonic',
  product: 'IFP6550',
  otherInfo: null,
  serial: 'VS123',
  softwareVersion: null,
  lampModel: null,
  filterModel: null,
  filterHours: null,
  authenticated: false,
  unavailable: [],
  ...over,
});

const net = (over: Partial<NetworkProbeResult> = {}): NetworkProbeResult => ({
  alive: true,
  openPorts: [],
  netbios: null,
  pjlink: null,
  os: null,
  searchMac: null,
  ...over,
});

describe('one device from all the probes of an address', () => {
  it('types a PJLink panel by its names and takes its MAC from the PJLink search', () => {
    const o = networkObservation(
      '10.0.0.9',
      net({ pjlink: { kind: 'status', status: status() }, searchMac: '00:0a:0b:0c:0d:0e' }),
      null,
    );
    expect(o).toMatchObject({
      type: 'interactive-display',
      vendor: 'ViewSonic',
      model: 'IFP6550',
      serial: 'VS123',
      mac: '00:0a:0b:0c:0d:0e',
      sources: ['network', 'pjlink'],
    });
  });

  it('a projector that refused every password is still a projector', () => {
    expect(networkObservation('10.0.0.9', net({ pjlink: { kind: 'locked', reason: 'x' } }), null).type).toBe(
      'projector',
    );
  });

  it('names a host by NetBIOS first, then reverse DNS, and words the OS guess', () => {
    const netbios = { names: [], computerName: 'PC-01', workgroup: 'LYCEE', mac: null };
    expect(networkFacts(net({ netbios, os: 'windows' }), 'pc-01.lycee.local')).toMatchObject({
      hostName: 'PC-01',
      workgroup: 'LYCEE',
      os: 'Windows',
    });
    expect(networkFacts(net({ os: 'linux' }), 'srv.lycee.local')).toMatchObject({
      hostName: 'srv.lycee.local',
      os: 'Linux',
    });
  });

  it('names the network as a source only when its probes found the host alive', () => {
    expect(networkFacts(net({ openPorts: [80] }), null).sources).toEqual(['network']);
    // An SNMP agent whose TCP ports and NetBIOS all stayed silent.
    expect(networkFacts(net({ alive: false }), 'printer.lycee.local')).toMatchObject({
      hostName: 'printer.lycee.local',
      sources: [],
    });
  });

  it('PJLink overrules a generic SNMP type and fills what SNMP left empty, not what it knew', () => {
    const snmp: Identity = {
      type: 'computer',
      vendor: 'BenQ',
      model: null,
      serial: 'SNMP-SN',
      firmware: null,
      mac: null,
    };
    const merged = withPjlink(
      snmp,
      net({ pjlink: { kind: 'status', status: status({ manufacturer: 'BenQ', product: 'MW560' }) } }),
      null,
    );
    expect(merged).toMatchObject({ type: 'projector', vendor: 'BenQ', model: 'MW560', serial: 'SNMP-SN' });
    const printer: Identity = { ...snmp, type: 'projector' };
    expect(withPjlink(printer, net(), null)).toBe(printer);
  });
});
