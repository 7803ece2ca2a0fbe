/**
 * A disk that fills up during a scan (issue 9): the sweep stops with a clear error, and what was
 * stored before stays intact. The devices repository fails like better-sqlite3 on a full disk
 * after its first write (SQLITE_FULL; the outbox tests play the real thing with max_page_count).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/engine/db/database';
import { createDevicesRepo } from '../../electron/engine/db/repositories/devices-repo';
import { createScansRepo } from '../../electron/engine/db/repositories/scans-repo';
import { sweep } from '../../electron/engine/discovery/scan';
import { StorageError } from '../../electron/engine/errors';
import { createNetSnmpSession } from '../../electron/engine/snmp/session';
import { ScanRequest } from '../../shared/domain/scan';
import { startFixtureNetwork, type FixtureNetwork } from '../simulator/lab-network';
import { sweepDeps } from '../helpers/sweep-deps';

describe('scan on a full disk', () => {
  let network: FixtureNetwork;
  beforeAll(async () => {
    network = await startFixtureNetwork({ base: '127.77.3' });
  });
  afterAll(() => network.simulator.stop());

  it('stops with a StorageError saying the disk is full, keeping the devices stored before', async () => {
    const db = openDatabase(':memory:');
    const devices = createDevicesRepo(db);
    const scanId = createScansRepo(db).create(['x'], 1, '2026-11-29T08:00:00.000Z');
    const kept = devices.recordNetwork(
      {
        ip: '10.0.0.5',
        type: 'computer',
        vendor: null,
        model: null,
        serial: null,
        mac: null,
        hostName: 'PC-KEPT',
        workgroup: null,
        os: null,
        openPorts: [],
        sources: ['network'],
      },
      scanId,
      '2026-11-29T08:00:00.000Z',
    );
    let writes = 0;
    const full = () => Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const failing: typeof devices = {
      ...devices,
      record: (...args) => {
        if (writes++ > 0) throw full();
        return devices.record(...args);
      },
    };
    const options = ScanRequest.parse({
      targets: ['127.77.3.10-127.77.3.20'],
      credentials: [{ kind: 'community', version: '2c', community: 'public' }],
      port: network.simulator.port,
      timeoutMs: 700,
      retries: 1,
      agentless: false,
    });
    const addresses = Array.from({ length: 11 }, (_, i) => `127.77.3.${10 + i}`);
    const outcome = sweep(
      scanId,
      addresses,
      addresses.length,
      options.credentials,
      options,
      sweepDeps(db, {
        devices: failing,
        openSession: createNetSnmpSession,
        now: () => '2026-11-29T09:00:00.000Z',
        maxRequestsPerSecond: 2000,
      }),
      () => undefined,
      new AbortController().signal,
    );
    await expect(outcome).rejects.toThrow(StorageError);
    await expect(outcome).rejects.toThrow(/disk is full/);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = devices.list();
    expect(stored).toHaveLength(2);
    expect(stored.find((d) => d.id === kept.id)?.hostName).toBe('PC-KEPT');
  });
});
