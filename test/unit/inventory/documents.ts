/** Self-inventory documents for the tests: one PC per index, with a real-looking shape. */
import type { SelfInventory } from '../../../shared/domain/inventory';

const hex = (n: number) => n.toString(16).padStart(2, '0');

/** The PC number `i`: host `PC-<i>`, serial `SN<i>`, MAC `00:1b:21:00:<i>`, IPv4 `10.12.<i>`. */
export function pcDocument(i: number, over: Partial<SelfInventory> = {}): SelfInventory {
  return {
    format: 'parc-self-inventory',
    version: 1,
    collectedAt: '2026-03-02T08:00:00.000Z',
    parcVersion: '0.1.0',
    hostName: `PC-${i}`,
    system: {
      manufacturer: 'Dell Inc.',
      model: 'OptiPlex 7090',
      serial: `SN${String(i).padStart(5, '0')}`,
      uuid: `4c4c4544-0000-0000-0000-${String(i).padStart(12, '0')}`,
      virtual: false,
    },
    bios: { vendor: 'Dell Inc.', version: '1.18.0', releaseDate: '2023-05-10' },
    cpu: { manufacturer: 'Intel', brand: 'Core™ i5-10500', cores: 12, physicalCores: 6, speedGHz: 3.1 },
    memory: { totalBytes: 17_179_869_184 },
    disks: [
      {
        name: 'PM9A1 NVMe Samsung 512GB',
        type: 'NVMe',
        interfaceType: 'PCIe',
        sizeBytes: 512_110_190_592,
        smartStatus: 'Ok',
      },
    ],
    volumes: [{ mount: 'C:', fsType: 'NTFS', sizeBytes: 510_770_802_688, usedBytes: 88_000_000_000 }],
    os: {
      platform: 'Windows',
      distro: 'Microsoft Windows 11 Pro',
      release: '10.0.22631',
      build: '22631',
      arch: 'x64',
      codename: null,
    },
    network: [
      {
        iface: 'Ethernet',
        mac: `00:1b:21:00:${hex(i >> 8)}:${hex(i & 0xff)}`,
        ipv4: `10.12.${i >> 8}.${i & 0xff}`,
        virtual: false,
      },
      { iface: 'vEthernet (WSL)', mac: '00:15:5d:aa:bb:cc', ipv4: '172.20.0.1', virtual: true },
    ],
    usb: [],
    displays: [{ vendor: 'DELL', model: 'P2419H', resolutionX: 1920, resolutionY: 1080, main: true }],
    battery: { present: false, healthPercent: null, cycleCount: null, designedCapacityWh: null },
    lastBoot: '2026-03-02T07:40:00.000Z',
    incomplete: [],
    ...over,
  };
}
