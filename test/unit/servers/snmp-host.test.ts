import { describe, expect, it } from 'vitest';
import {
  memoryFromHrStorage,
  readHrStorage,
  readHrSystem,
  servicesRunning,
  unwrapInteger32,
  volumesFromHrStorage,
} from '../../../electron/engine/servers/snmp-host';
import { readUcd } from '../../../electron/engine/servers/snmp-ucd';
import { fakeNetwork } from '../../helpers/fake-session';

const HR = '1.3.6.1.2.1.25.2.3.1';
const FIXED = 'oid:1.3.6.1.2.1.25.2.1.4';
const RAM = 'oid:1.3.6.1.2.1.25.2.1.2';
const VIRTUAL = 'oid:1.3.6.1.2.1.25.2.1.3';
const UCD_DSK = '1.3.6.1.4.1.2021.9.1';
const TiB = 2 ** 40;

/** hrStorageTable rows: index → [type, descr, units, size, used]. */
function hrRows(rows: Record<number, [string, string, number, number, number]>) {
  const objects: Record<string, string | number> = {};
  for (const [i, [type, descr, units, size, used]] of Object.entries(rows)) {
    objects[`${HR}.2.${i}`] = type;
    objects[`${HR}.3.${i}`] = descr;
    objects[`${HR}.4.${i}`] = units;
    objects[`${HR}.5.${i}`] = size;
    objects[`${HR}.6.${i}`] = used;
  }
  return objects;
}

function session(objects: Record<string, string | number>) {
  return fakeNetwork({ h: { communities: ['c'], objects } }).factory(
    'h',
    { kind: 'community', version: '2c', community: 'c' },
    { port: 161, timeoutMs: 100, retries: 0 },
  );
}

describe('HOST-RESOURCES-MIB volumes', () => {
  it('computes bytes = units × allocation unit, skipping memory rows and pseudo file systems', async () => {
    const s = session(
      hrRows({
        1: [RAM, 'Physical memory', 1024, 8_000_000, 2_000_000],
        3: [VIRTUAL, 'Virtual memory', 1024, 9_000_000, 2_500_000],
        31: [FIXED, '/', 4096, 66_053_021, 6_362_764],
        35: [FIXED, '/dev/shm', 4096, 6_171_024, 0],
        36: [FIXED, '/run', 4096, 1_000, 10],
        37: [FIXED, '/sys/fs/cgroup', 4096, 3_085_512, 0],
        38: [FIXED, '/snap/core/123', 4096, 1_000, 1_000],
        40: [FIXED, '/srv/pedago', 8192, 100_000, 25_000],
      }),
    );
    const rows = await readHrStorage(s);
    expect(volumesFromHrStorage(rows, [])).toEqual([
      {
        name: '/',
        sizeBytes: 66_053_021 * 4096,
        usedBytes: 6_362_764 * 4096,
        percent: 9.63,
        source: 'hr-storage',
      },
      {
        name: '/srv/pedago',
        sizeBytes: 819_200_000,
        usedBytes: 204_800_000,
        percent: 25,
        source: 'hr-storage',
      },
    ]);
    expect(memoryFromHrStorage(rows)).toEqual({ totalBytes: 8_192_000_000, availableBytes: 6_144_000_000 });
  });

  it('unwraps an Integer32 that overflowed (a 12 TiB volume with 4 KiB units)', async () => {
    const units = 4096;
    const sizeUnits = (12 * TiB) / units; // 3 221 225 472 > 2^31
    const usedUnits = (9 * TiB) / units; // 2 415 919 104 > 2^31
    const wrap = (n: number) => (n >= 2 ** 31 ? n - 2 ** 32 : n);
    expect(wrap(sizeUnits)).toBeLessThan(0);
    const rows = await readHrStorage(
      session(hrRows({ 5: [FIXED, '/srv', units, wrap(sizeUnits), wrap(usedUnits)] })),
    );
    expect(volumesFromHrStorage(rows, [])).toEqual([
      { name: '/srv', sizeBytes: 12 * TiB, usedBytes: 9 * TiB, percent: 75, source: 'hr-storage' },
    ]);
    expect(unwrapInteger32(-1)).toBe(2 ** 32 - 1);
    expect(unwrapInteger32(42)).toBe(42);
  });

  it('prefers the UCD 64-bit dskTable row for the same mount (a 20 TiB volume, clamped in HOST-RESOURCES)', async () => {
    const kb = (20 * TiB) / 1024; // 21 474 836 480 kB: high 5, low 0
    const usedKb = (15 * TiB) / 1024 + 123;
    const objects = {
      ...hrRows({
        31: [FIXED, '/', 4096, 1_000_000, 500_000],
        33: [FIXED, '/srv/pedago', 4096, 2_147_483_647, 2_147_483_647],
      }),
      [`${UCD_DSK}.2.1`]: '/srv/pedago',
      [`${UCD_DSK}.6.1`]: 2_147_483_647,
      [`${UCD_DSK}.8.1`]: 2_147_483_647,
      [`${UCD_DSK}.11.1`]: kb % 2 ** 32,
      [`${UCD_DSK}.12.1`]: Math.floor(kb / 2 ** 32),
      [`${UCD_DSK}.15.1`]: usedKb % 2 ** 32,
      [`${UCD_DSK}.16.1`]: Math.floor(usedKb / 2 ** 32),
      [`${UCD_DSK}.2.2`]: '/dev/shm',
      [`${UCD_DSK}.11.2`]: 100,
      [`${UCD_DSK}.12.2`]: 0,
      [`${UCD_DSK}.15.2`]: 0,
      [`${UCD_DSK}.16.2`]: 0,
      '1.3.6.1.4.1.2021.4.5.0': 16_000_000,
      '1.3.6.1.4.1.2021.4.6.0': 4_000_000,
      '1.3.6.1.4.1.2021.10.1.3.1': '0.52',
      '1.3.6.1.4.1.2021.10.1.3.2': '0.40',
      '1.3.6.1.4.1.2021.10.1.3.3': '0.33',
    };
    const s = session(objects);
    const ucd = await readUcd(s);
    expect(ucd).toMatchObject({
      load: [0.52, 0.4, 0.33],
      memoryTotalBytes: 16_384_000_000,
      memoryAvailableBytes: 4_096_000_000,
    });
    expect(ucd?.disks).toEqual([
      { path: '/srv/pedago', sizeBytes: 20 * TiB, usedBytes: 15 * TiB + 123 * 1024, exact64: true },
    ]);
    const volumes = volumesFromHrStorage(await readHrStorage(s), ucd?.disks ?? []);
    expect(volumes).toEqual([
      { name: '/', sizeBytes: 4_096_000_000, usedBytes: 2_048_000_000, percent: 50, source: 'hr-storage' },
      {
        name: '/srv/pedago',
        sizeBytes: 20 * TiB,
        usedBytes: 15 * TiB + 123 * 1024,
        percent: 75,
        source: 'ucd-dsk',
      },
    ]);
  });

  it('reads no UCD figures from an agent without UCD-SNMP-MIB (Windows)', async () => {
    expect(
      await readUcd(session(hrRows({ 1: [FIXED, 'C:\\ Label:  Serial Number 10f82425', 4096, 10, 5] }))),
    ).toBeNull();
  });

  it('names Windows drives by their letter', async () => {
    const rows = await readHrStorage(
      session(hrRows({ 1: [FIXED, 'C:\\ Label:  Serial Number 10f82425', 4096, 26_056_703, 7_900_201] })),
    );
    expect(volumesFromHrStorage(rows, []).map((v) => [v.name, v.sizeBytes])).toEqual([
      ['C:\\', 106_728_255_488],
    ]);
  });
});

describe('HOST-RESOURCES-MIB system', () => {
  it('reads uptime, mean processor load and hrSWRunName, and matches watched services', async () => {
    const s = session({
      '1.3.6.1.2.1.25.1.1.0': 8_640_123,
      '1.3.6.1.2.1.25.3.3.1.2.196608': 10,
      '1.3.6.1.2.1.25.3.3.1.2.196609': 31,
      '1.3.6.1.2.1.25.4.2.1.2.1': 'systemd',
      '1.3.6.1.2.1.25.4.2.1.2.812': 'smbd',
      '1.3.6.1.2.1.25.4.2.1.2.813': 'smbd',
      '1.3.6.1.2.1.25.4.2.1.2.900': 'LanmanServer.exe',
    });
    const system = await readHrSystem(s);
    expect(system).toEqual({
      uptimeSeconds: 86_401,
      cpuPercent: 20.5,
      cpuCount: 2,
      processNames: ['systemd', 'smbd', 'LanmanServer.exe'],
    });
    expect(servicesRunning(['smbd', 'nmbd', 'lanmanserver'], system.processNames ?? [])).toEqual([
      { name: 'smbd', running: true },
      { name: 'nmbd', running: false },
      { name: 'lanmanserver', running: true },
    ]);
  });

  it('gives nulls for a host without processor or process tables', async () => {
    expect(await readHrSystem(session({ '1.3.6.1.2.1.1.3.0': 5 }))).toEqual({
      uptimeSeconds: null,
      cpuPercent: null,
      cpuCount: null,
      processNames: null,
    });
  });
});
