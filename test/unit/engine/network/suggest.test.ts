import { describe, expect, it } from 'vitest';
import { suggestRanges } from '../../../../electron/engine/network/suggest';

describe('suggestRanges (fake interface lists: nothing is scanned)', () => {
  it('turns interface addresses into their subnets and skips loopback, APIPA and huge nets', () => {
    const ranges = suggestRanges([
      { iface: 'lo', ip4: '127.0.0.1', ip4subnet: '255.0.0.0', internal: true },
      { iface: 'eth0', ip4: '10.42.3.17', ip4subnet: '255.255.252.0', internal: false },
      { iface: 'eth1', ip4: '192.168.1.20', ip4subnet: '255.255.255.0', internal: false },
      { iface: 'eth1:1', ip4: '192.168.1.21', ip4subnet: '255.255.255.0', internal: false },
      { iface: 'wifi', ip4: '169.254.10.2', ip4subnet: '255.255.0.0', internal: false },
      { iface: 'vpn', ip4: '10.0.0.2', ip4subnet: '255.0.0.0', internal: false },
      { iface: 'down', ip4: '', ip4subnet: '', internal: false },
    ]);
    expect(ranges).toEqual([
      { cidr: '10.42.0.0/22', interfaceName: 'eth0', addressCount: 1022 },
      { cidr: '192.168.1.0/24', interfaceName: 'eth1', addressCount: 254 },
    ]);
  });
});
