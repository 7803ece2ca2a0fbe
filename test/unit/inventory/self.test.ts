import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { SelfInventory } from '../../../shared/domain/inventory';
import {
  collectSelfInventory,
  normaliseMac,
  usbIds,
  type SystemInformationLike,
} from '../../../electron/engine/inventory/self';

const NOW = '2026-03-02T08:00:00.000Z';

/** A Windows PC as systeminformation 5.33 describes it (values as its Windows parsers return them). */
function fakeSi(
  over: Partial<Record<keyof SystemInformationLike, () => unknown>> = {},
): SystemInformationLike {
  const base: Record<keyof SystemInformationLike, () => unknown> = {
    system: async () => ({
      manufacturer: 'HP',
      model: 'HP ProDesk 400 G7',
      version: '',
      serial: '8CC1234XYZ',
      uuid: 'A1B2C3D4-0000-1111-2222-333344445555',
      sku: '',
      virtual: false,
    }),
    bios: async () => ({
      vendor: 'HP',
      version: 'S25 Ver. 02.11.00',
      releaseDate: '2023-02-14',
      revision: '',
    }),
    cpu: async () => ({
      manufacturer: 'Intel',
      brand: 'Core™ i5-10500',
      speed: 3.1,
      cores: 12,
      physicalCores: 6,
    }),
    mem: async () => ({ total: 17_007_292_416, free: 8_000_000_000 }),
    diskLayout: async () => [
      {
        name: 'SAMSUNG MZVLB512HBJQ',
        type: 'NVMe',
        interfaceType: 'NVMe',
        size: 512_105_932_800,
        smartStatus: 'Ok',
      },
    ],
    fsSize: async () => [
      { fs: 'C:', type: 'NTFS', size: 510_770_802_688, used: 88_123_456_512, mount: 'C:' },
      { fs: 'tmpfs', type: 'tmpfs', size: 1000, used: 0, mount: '/run' },
    ],
    osInfo: async () => ({
      platform: 'Windows',
      distro: 'Microsoft Windows 11 Pro',
      release: '10.0.22631',
      codename: '',
      build: '22631',
      arch: 'x64',
      hostname: 'PC-B12-03',
    }),
    networkInterfaces: async () => [
      { iface: 'Ethernet', mac: 'F4-39-09-AA-BB-CC', ip4: '10.12.0.43', internal: false, virtual: false },
      {
        iface: 'vEthernet (Default Switch)',
        mac: '00:15:5d:01:02:03',
        ip4: '172.24.0.1',
        internal: false,
        virtual: true,
      },
      { iface: 'Loopback Pseudo-Interface 1', mac: '', ip4: '127.0.0.1', internal: true, virtual: false },
    ],
    usb: async () => [
      // Windows gives the PnP device id; Linux `vvvv:pppp` as `id`.
      {
        id: 0,
        deviceId: 'USB\\VID_0B8C&PID_0001\\6&2A1B3C4D&0&2',
        name: 'SMART Board',
        manufacturer: 'SMART Technologies',
      },
      {
        id: '046d:c52b',
        deviceId: 3,
        name: 'Unifying Receiver',
        manufacturer: null,
        vendor: 'Logitech, Inc.',
      },
    ],
    graphics: async () => ({
      controllers: [],
      displays: [
        { vendor: 'Epson', model: 'EPSON PJ', resolutionX: 1920, resolutionY: 1200, main: false },
        {
          vendor: 'HP',
          model: 'P24 G4',
          resolutionX: null,
          currentResX: 1920,
          resolutionY: null,
          currentResY: 1080,
          main: true,
        },
      ],
    }),
    battery: async () => ({
      hasBattery: true,
      cycleCount: 311,
      designedCapacity: 41_000,
      maxCapacity: 32_800,
      capacityUnit: 'mWh',
      voltage: 11.4,
    }),
    time: () => ({ current: Date.parse(NOW), uptime: 3600.4 }),
  };
  return { ...base, ...over } as unknown as SystemInformationLike;
}

describe('collectSelfInventory with a fake systeminformation', () => {
  it('maps every section with units: bytes, GHz, Wh, ISO times', async () => {
    const doc = await collectSelfInventory({ si: fakeSi(), now: () => NOW, parcVersion: '0.1.0' });
    expect(SelfInventory.parse(doc)).toEqual(doc);
    expect(doc).toMatchObject({
      format: 'parc-self-inventory',
      version: 1,
      collectedAt: NOW,
      parcVersion: '0.1.0',
      hostName: 'PC-B12-03',
      system: { manufacturer: 'HP', model: 'HP ProDesk 400 G7', serial: '8CC1234XYZ', virtual: false },
      bios: { vendor: 'HP', version: 'S25 Ver. 02.11.00', releaseDate: '2023-02-14' },
      cpu: { manufacturer: 'Intel', brand: 'Core™ i5-10500', cores: 12, physicalCores: 6, speedGHz: 3.1 },
      memory: { totalBytes: 17_007_292_416 },
      disks: [
        {
          name: 'SAMSUNG MZVLB512HBJQ',
          type: 'NVMe',
          interfaceType: 'NVMe',
          sizeBytes: 512_105_932_800,
          smartStatus: 'Ok',
        },
      ],
      os: {
        platform: 'Windows',
        distro: 'Microsoft Windows 11 Pro',
        release: '10.0.22631',
        build: '22631',
        arch: 'x64',
        codename: null,
      },
      lastBoot: '2026-03-02T06:59:59.600Z',
      incomplete: [],
    });
    // Pseudo file systems and loopback are left out; MACs are normalised.
    expect(doc.volumes).toEqual([
      { mount: 'C:', fsType: 'NTFS', sizeBytes: 510_770_802_688, usedBytes: 88_123_456_512 },
    ]);
    expect(doc.network).toEqual([
      { iface: 'Ethernet', mac: 'f4:39:09:aa:bb:cc', ipv4: '10.12.0.43', virtual: false },
      { iface: 'vEthernet (Default Switch)', mac: '00:15:5d:01:02:03', ipv4: '172.24.0.1', virtual: true },
    ]);
    expect(doc.usb).toEqual([
      {
        vendorId: 0x0b8c,
        productId: 0x0001,
        name: 'SMART Board',
        manufacturer: 'SMART Technologies',
        interactiveBoard: { vendor: 'SMART Technologies', model: 'Interactive Whiteboard Controller (SB6)' },
      },
      {
        vendorId: 0x046d,
        productId: 0xc52b,
        name: 'Unifying Receiver',
        manufacturer: 'Logitech, Inc.',
        interactiveBoard: null,
      },
    ]);
    expect(doc.displays).toEqual([
      { vendor: 'Epson', model: 'EPSON PJ', resolutionX: 1920, resolutionY: 1200, main: false },
      { vendor: 'HP', model: 'P24 G4', resolutionX: 1920, resolutionY: 1080, main: true },
    ]);
    expect(doc.battery).toEqual({
      present: true,
      healthPercent: 80,
      cycleCount: 311,
      designedCapacityWh: 41,
    });
  });

  it('a hanging call gives a null section listed in incomplete, within the bound', async () => {
    const hang = () => new Promise(() => undefined);
    const doc = await collectSelfInventory({
      si: fakeSi({ fsSize: hang, diskLayout: hang }),
      timeoutMs: 50,
      now: () => NOW,
    });
    expect(doc.volumes).toBeNull();
    expect(doc.disks).toBeNull();
    expect(doc.incomplete).toEqual(['disks', 'volumes']);
    expect(doc.memory).toEqual({ totalBytes: 17_007_292_416 });
  });

  it('a failing, throwing or malformed call gives a null section, never an exception', async () => {
    const doc = await collectSelfInventory({
      si: fakeSi({
        usb: async () => {
          throw new Error('lsusb: not found');
        },
        time: () => {
          throw new Error('no clock');
        },
        graphics: async () => ({ displays: [null] }),
        system: async () => 'not an object',
      }),
      now: () => NOW,
    });
    expect(doc.usb).toBeNull();
    expect(doc.lastBoot).toBeNull();
    expect(doc.displays).toBeNull();
    expect(doc.system).toBeNull();
    expect(doc.incomplete).toEqual(['system', 'usb', 'displays', 'lastBoot']);
    expect(doc.cpu?.cores).toBe(12);
  });

  it('a machine without battery says present: false; unknown values are null', async () => {
    const doc = await collectSelfInventory({
      si: fakeSi({
        battery: async () => ({
          hasBattery: false,
          cycleCount: 0,
          designedCapacity: 0,
          maxCapacity: 0,
          capacityUnit: '',
        }),
        cpu: async () => ({ manufacturer: 'AMD', brand: 'EPYC', speed: 0, cores: 2, physicalCores: 2 }),
        system: async () => ({
          manufacturer: '',
          model: 'Docker Container',
          serial: '-',
          uuid: '',
          virtual: true,
        }),
      }),
      now: () => NOW,
    });
    expect(doc.battery).toEqual({
      present: false,
      healthPercent: null,
      cycleCount: null,
      designedCapacityWh: null,
    });
    expect(doc.cpu?.speedGHz).toBeNull();
    expect(doc.system).toEqual({
      manufacturer: null,
      model: 'Docker Container',
      serial: '-',
      uuid: null,
      virtual: true,
    });
  });
});

describe('USB ids and MACs', () => {
  it.each([
    [{ id: '0d48:0004' }, { vendorId: 0x0d48, productId: 0x0004 }],
    [
      { id: 2, deviceId: 'USB\\VID_04DA&PID_104D\\5&1' },
      { vendorId: 0x04da, productId: 0x104d },
    ],
    [{ id: 'USB Address 3', deviceId: null }, null],
  ])('usbIds(%j)', (entry, ids) => expect(usbIds(entry)).toEqual(ids));

  it.each([
    ['F4-39-09-AA-BB-CC', 'f4:39:09:aa:bb:cc'],
    ['00:00:00:00:00:00', null],
    ['', null],
    ['f439.09aa.bbcc', 'f4:39:09:aa:bb:cc'],
  ])('normaliseMac(%j)', (raw, mac) => expect(normaliseMac(raw)).toBe(mac));
});

describe.runIf(process.platform === 'linux')(
  'collectSelfInventory on this machine (real systeminformation)',
  () => {
    it(
      'finds the CPU count, memory, root volume and platform the system tools report',
      { timeout: 60_000 },
      async () => {
        const doc = await collectSelfInventory({ timeoutMs: 15_000 });
        expect(SelfInventory.safeParse(doc).success).toBe(true);
        expect(doc.os?.platform).toBe('linux');
        expect(doc.cpu?.cores).toBe(availableParallelism());
        expect(doc.cpu?.cores).toBe(Number(execFileSync('nproc', { encoding: 'utf8' }).trim()));

        const memLine = execFileSync('free', ['-b'], { encoding: 'utf8' })
          .split('\n')
          .find((l) => l.startsWith('Mem:'))!;
        const memTotal = Number(memLine.split(/\s+/)[1]);
        expect(Math.abs(doc.memory!.totalBytes! - memTotal) / memTotal).toBeLessThan(0.01);

        const dfLine = execFileSync('df', ['-B1', '/'], { encoding: 'utf8' }).trim().split('\n')[1];
        const rootSize = Number(dfLine.split(/\s+/)[1]);
        const root = doc.volumes?.find((v) => v.mount === '/');
        expect(root).toBeDefined();
        expect(Math.abs(root!.sizeBytes! - rootSize) / rootSize).toBeLessThan(0.01);
      },
    );
  },
);
