/**
 * Issue 5 on the lab's real recordings: the NAS (127.20.0.60–62) and servers (127.20.0.50–52)
 * show their volumes with the sizes LibreNMS found (`expected/<name>.json` `storage`: size =
 * hrStorageSize × hrStorageAllocationUnits), pseudo file systems (/run, /dev/shm, /sys…) aside,
 * and the Synology and QNAP health tables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectServer } from '../../electron/engine/servers/collect';
import { isPseudoMount } from '../../electron/engine/servers/volume-filter';
import { mountOfDescr } from '../../electron/engine/servers/snmp-host';
import { createNetSnmpSession } from '../../electron/engine/snmp/session';
import type { ServerConfig } from '../../shared/domain/server';
import { LAB_DIR, loadLab, type LabDevice } from './lab';

const lab = loadLab();
const SERVER_IPS = ['127.20.0.50', '127.20.0.51', '127.20.0.52', '127.20.0.60', '127.20.0.61', '127.20.0.62'];

interface ExpectedStorage {
  storage_type: string;
  storage_descr: string;
  storage_size: number;
  storage_used: number;
}

function expectedStorage(device: LabDevice): ExpectedStorage[] {
  const file = join(LAB_DIR, 'expected', `${device.name}.json`);
  // TrueNAS's `zpool` / `dataset` rows come from FREENAS-MIB (1.3.6.1.4.1.50536), which Parc does not read yet.
  return ((JSON.parse(readFileSync(file, 'utf8')) as { storage?: ExpectedStorage[] }).storage ?? []).filter(
    (s) => s.storage_type.startsWith('hrStorage') && !isPseudoMount(mountOfDescr(s.storage_descr)),
  );
}

const config = (device: LabDevice): ServerConfig => ({
  id: 1,
  deviceId: null,
  name: device.name,
  address: device.ip,
  snmp: true,
  snmpPort: device.port,
  smbShare: null,
  smbUser: null,
  smbPasswordSet: false,
  // Nothing listens there on loopback: the SMB check answers "refused" at once.
  smbPort: 1,
  local: false,
  services: [],
});

describe.skipIf('skip' in lab)(`lab file servers${'skip' in lab ? ` — ${lab.skip}` : ''}`, () => {
  const devices = 'devices' in lab ? lab.devices.filter((d) => SERVER_IPS.includes(d.ip)) : [];

  it('has the six servers and NAS', () => {
    expect(devices.map((d) => d.ip).sort()).toEqual(SERVER_IPS);
  });

  it.each(devices.map((d) => [d.name, d] as const))(
    '%s: volumes with the right sizes',
    async (_name, device) => {
      const sample = await collectServer(config(device), {
        openSession: createNetSnmpSession,
        credentials: [{ kind: 'community', version: '2c', community: device.community }],
        password: null,
        now: () => new Date(),
        timeoutMs: 3000,
      });
      expect(sample.problems).toEqual([]);
      const expected = expectedStorage(device);
      expect(expected.length).toBeGreaterThan(0);
      for (const storage of expected) {
        const mount = mountOfDescr(storage.storage_descr);
        const volume = sample.volumes.find((v) => v.name === mount);
        expect(volume, `${device.name} ${mount}`).toBeDefined();
        expect(volume?.sizeBytes, `${device.name} ${mount} size`).toBe(storage.storage_size);
        expect(volume?.usedBytes, `${device.name} ${mount} used`).toBe(storage.storage_used);
      }
      expect(sample.volumes.filter((v) => isPseudoMount(v.name))).toEqual([]);
    },
  );

  it('reads the Synology health (system normal, two disks, Volume 1 normal)', async () => {
    const dsm = devices.find((d) => d.ip === '127.20.0.60');
    if (!dsm) throw new Error('no Synology in the lab');
    const sample = await collectServer(config(dsm), {
      openSession: createNetSnmpSession,
      credentials: [{ kind: 'community', version: '2c', community: dsm.community }],
      password: null,
      now: () => new Date(),
      timeoutMs: 3000,
    });
    expect(sample.nas).toEqual({
      systemStatus: 'normal',
      temperatureCelsius: 47,
      disks: [
        { name: 'Disk 1', status: 'normal', temperatureCelsius: 35 },
        { name: 'Disk 2', status: 'normal', temperatureCelsius: 37 },
      ],
      raids: [{ name: 'Volume 1', status: 'normal' }],
    });
  });

  it('reads the QNAP disks (eight ready, enclosure at 33 °C)', async () => {
    const qnap = devices.find((d) => d.ip === '127.20.0.61');
    if (!qnap) throw new Error('no QNAP in the lab');
    const sample = await collectServer(config(qnap), {
      openSession: createNetSnmpSession,
      credentials: [{ kind: 'community', version: '2c', community: qnap.community }],
      password: null,
      now: () => new Date(),
      timeoutMs: 3000,
    });
    expect(sample.nas?.temperatureCelsius).toBe(33);
    expect(sample.nas?.disks).toHaveLength(8);
    expect(sample.nas?.disks.every((d) => d.status === 'ready')).toBe(true);
    expect(sample.nas?.disks[0]).toEqual({ name: 'HDD1', status: 'ready', temperatureCelsius: 28 });
  });
});
