import { describe, expect, it } from 'vitest';
import { chooseMac } from '../../../electron/engine/identify/mac';
import type { InterfaceFacts } from '../../../electron/engine/identify/facts';
import { ifRow } from './make-facts';

const cases: readonly {
  name: string;
  interfaces: InterfaceFacts[];
  bridgeAddress?: string;
  mac: string | null;
}[] = [
  {
    name: 'first Ethernet by ifIndex, skipping the loopback',
    interfaces: [
      ifRow(3, 6, '00:11:22:00:00:03'),
      ifRow(1, 24, '00:00:00:00:00:00', 'lo'),
      ifRow(2, 117, '00:11:22:00:00:02'),
    ],
    mac: '00:11:22:00:00:02',
  },
  {
    name: 'all-zero, broadcast and multicast addresses are skipped',
    interfaces: [
      ifRow(1, 6, '00:00:00:00:00:00'),
      ifRow(2, 6, 'ff:ff:ff:ff:ff:ff'),
      ifRow(3, 6, '01:00:5e:00:00:01'),
      ifRow(4, 6, '00:11:22:00:00:04'),
    ],
    mac: '00:11:22:00:00:04',
  },
  {
    name: 'software interfaces are skipped (Docker, Windows filters)',
    interfaces: [
      ifRow(1, 6, '00:11:22:00:00:01', 'docker0'),
      ifRow(2, 6, '00:11:22:00:00:02', 'Intel Ethernet-WFP Native MAC Layer LightWeight Filter-0000'),
      ifRow(3, 6, '00:11:22:00:00:03', 'Intel(R) Ethernet Connection I219-LM'),
    ],
    mac: '00:11:22:00:00:03',
  },
  {
    name: 'a universally administered address beats a locally administered one',
    interfaces: [ifRow(1, 6, '02:42:ac:11:00:02', 'eth0'), ifRow(2, 6, '00:11:22:00:00:02', 'eth1')],
    mac: '00:11:22:00:00:02',
  },
  {
    name: 'a cloud VM keeps its locally administered address',
    interfaces: [ifRow(1, 24, null, 'lo'), ifRow(2, 6, '0a:1c:75:71:a9:cf', 'eth0')],
    mac: '0a:1c:75:71:a9:cf',
  },
  {
    name: 'the bridge address when no Ethernet interface has one',
    interfaces: [ifRow(1, 6, null)],
    bridgeAddress: '70:F0:96:86:70:40',
    mac: '70:f0:96:86:70:40',
  },
  {
    name: 'any other interface as a last resort',
    interfaces: [ifRow(1, 24, '00:11:22:00:00:01', 'lo'), ifRow(5, 188, '24:de:c6:b5:2d:a8', 'radio0')],
    mac: '24:de:c6:b5:2d:a8',
  },
  { name: 'none at all', interfaces: [ifRow(1, 24, null, 'lo')], mac: null },
];

describe('chooseMac', () => {
  it.each(cases)('$name', ({ interfaces, bridgeAddress, mac }) => {
    expect(chooseMac({ interfaces, bridgeAddress: bridgeAddress ?? null })).toBe(mac);
  });
});
