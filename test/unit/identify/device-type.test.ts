import { describe, expect, it } from 'vitest';
import type { DeviceType } from '../../../shared/domain/device';
import { decideType } from '../../../electron/engine/identify/device-type';
import { ifRow, makeFacts, type FactsPatch } from './make-facts';

const HR_PRINTER = '1.3.6.1.2.1.25.3.1.5';
const HR_PROCESSOR = '1.3.6.1.2.1.25.3.1.3';
const ethernet = (count: number) => Array.from({ length: count }, (_, i) => ifRow(i + 1, 6, null));

const cases: readonly { name: string; facts: FactsPatch; hint?: DeviceType; type: DeviceType }[] = [
  {
    name: 'Printer-MIB beats any hint',
    facts: { capabilities: { printerMib: true } },
    hint: 'nas',
    type: 'printer',
  },
  {
    name: 'hrDevice printer row on an embedded agent',
    facts: { hrDeviceTypes: [HR_PRINTER] },
    type: 'printer',
  },
  {
    name: 'hrDevice printer rows on a host are print queues',
    facts: { hrDeviceTypes: [HR_PRINTER, HR_PROCESSOR], capabilities: { hrStorage: true } },
    type: 'server',
  },
  { name: 'UPS-MIB', facts: { capabilities: { upsMib: true } }, type: 'ups' },
  { name: 'IEEE802dot11-MIB', facts: { capabilities: { ieee80211Mib: true } }, type: 'access-point' },
  { name: 'ifType 71 radio', facts: { interfaces: [ifRow(1, 71, null)] }, type: 'access-point' },
  {
    name: 'ifType 71 on a router is a Wi-Fi router',
    facts: {
      interfaces: [ifRow(1, 71, null)],
      capabilities: { ipForwarding: 1 },
      system: { sysServices: 6 },
    },
    type: 'router',
  },
  {
    name: 'ifType 71 on a host is a laptop Wi-Fi card',
    facts: {
      interfaces: [ifRow(1, 71, null)],
      capabilities: { hrStorage: true },
      hrDeviceTypes: [HR_PROCESSOR],
    },
    type: 'server',
  },
  {
    name: 'bridge with many ports',
    facts: { capabilities: { bridgeMib: true, bridgePortCount: 10 } },
    type: 'switch',
  },
  {
    name: 'bridge ports counted from Ethernet interfaces',
    facts: { capabilities: { bridgeMib: true }, interfaces: ethernet(8) },
    type: 'switch',
  },
  {
    name: 'bridge with two ports is not a switch',
    facts: { capabilities: { bridgeMib: true }, interfaces: ethernet(2) },
    type: 'other',
  },
  {
    name: 'bridge without layer 2 in sysServices is not a switch',
    facts: { capabilities: { bridgeMib: true, bridgePortCount: 10 }, system: { sysServices: 72 } },
    type: 'other',
  },
  {
    name: 'forwarding, layer 3',
    facts: { capabilities: { ipForwarding: 1 }, system: { sysServices: 4 } },
    type: 'router',
  },
  {
    name: 'forwarding host without layer 3 (Docker) stays a server',
    facts: {
      capabilities: { ipForwarding: 1, hrStorage: true },
      hrDeviceTypes: [HR_PROCESSOR],
      system: { sysServices: 72 },
    },
    type: 'server',
  },
  {
    name: 'profile hint when no standard MIB decides',
    facts: { capabilities: { hrStorage: true } },
    hint: 'nas',
    type: 'nas',
  },
  {
    name: 'storage and processors',
    facts: { capabilities: { hrStorage: true }, hrDeviceTypes: [HR_PROCESSOR] },
    type: 'server',
  },
  {
    name: 'storage and hrProcessorTable rows (hrDeviceTable not walked)',
    facts: { capabilities: { hrStorage: true, hrProcessors: true } },
    type: 'server',
  },
  {
    name: 'hrDevice printer rows beside hrProcessorTable rows are print queues',
    facts: { hrDeviceTypes: [HR_PRINTER], capabilities: { hrProcessors: true } },
    type: 'other',
  },
  {
    name: 'sysDescr word: projector',
    facts: { system: { sysDescr: 'Network Projector' } },
    type: 'projector',
  },
  {
    name: 'sysDescr word: printing system',
    facts: { system: { sysDescr: 'ACME Printing System' } },
    type: 'printer',
  },
  {
    name: 'sysDescr word: switch',
    facts: { system: { sysDescr: '8-Port Gigabit Smart Switch' } },
    type: 'switch',
  },
  {
    name: 'sysDescr word: wireless',
    facts: { system: { sysDescr: 'Business Wireless' } },
    type: 'access-point',
  },
  {
    name: 'sysDescr word: UPS',
    facts: { system: { sysDescr: 'ConnectUPS Web/SNMP Card V4.38' } },
    type: 'other',
  },
  { name: 'nothing known', facts: {}, type: 'other' },
];

describe('decideType', () => {
  it.each(cases)('$name → $type', ({ facts, hint, type }) => {
    expect(decideType(makeFacts(facts), hint)).toBe(type);
  });
});
