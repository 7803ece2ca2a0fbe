import { describe, expect, it } from 'vitest';
import { vendorFromMac } from '../../../electron/engine/identify/oui';

describe('vendorFromMac', () => {
  it.each([
    ['00:00:0c:12:34:56', 'Cisco Systems'],
    ['00-00-0C-12-34-56', 'Cisco Systems'],
    ['0000.0c12.3456', 'Cisco Systems'],
    ['00:11:32:24:f9:eb', 'Synology'],
    ['00:c0:b7:b8:00:f2', 'AMERICAN POWER CONVERSION'],
    ['b0:e8:92:fd:30:ec', 'Seiko Epson'],
    ['14:cb:19:95:2e:a0', 'HP'],
    ['18:a6:f7:56:20:3f', 'TP-LINK TECHNOLOGIES'],
    ['0a:1c:75:71:a9:cf', null], // locally administered
    ['00:00:0c', null], // not a MAC
  ])('%s → %s', (mac, vendor) => {
    expect(vendorFromMac(mac)).toBe(vendor);
  });
});
