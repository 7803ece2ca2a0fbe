import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/engine/db/database';
import { createDevicesRepo } from '../../../../electron/engine/db/repositories/devices-repo';
import { createScansRepo } from '../../../../electron/engine/db/repositories/scans-repo';
import { sweep } from '../../../../electron/engine/discovery/scan';
import { createLogger } from '../../../../electron/engine/log';
import { SnmpError } from '../../../../electron/engine/snmp/session';
import type { ScanProgress } from '../../../../shared/domain/scan';
import { ScanRequest } from '../../../../shared/domain/scan';
import { fakeNetwork, hangingSession } from '../../../helpers/fake-session';
import { sweepDeps } from '../../../helpers/sweep-deps';

/** A printer as identification sees it: system group and Printer-MIB. */
const printer = (serial: string) => ({
  communities: ['public'],
  objects: {
    '1.3.6.1.2.1.1.1.0': 'Brother NC-6400h',
    '1.3.6.1.2.1.1.2.0': 'oid:1.3.6.1.4.1.2435.2.3.9.1',
    '1.3.6.1.2.1.1.5.0': `IMP-${serial}`,
    '1.3.6.1.2.1.43.5.1.1.17.1': serial,
  },
});

/**
 * Sweeps 10.0.0.1–10.0.0.3 (two printers, one empty address) with `readPrinter`. With
 * `cancelled`, 10.0.0.3 never answers (its request ends only when its session is closed) and
 * the referent cancels once both printers are stored.
 */
async function sweepWith(readPrinter: (id: number) => Promise<unknown>, cancelled = false) {
  const db = openDatabase(':memory:');
  const options = ScanRequest.parse({
    targets: ['10.0.0.1-10.0.0.3'],
    credentials: [{ kind: 'community', version: '2c', community: 'public' }],
    timeoutMs: 50,
    retries: 0,
    agentless: false,
  });
  const logged: string[] = [];
  const progress: ScanProgress[] = [];
  const cancel = new AbortController();
  const network = fakeNetwork({ '10.0.0.1': printer('A1'), '10.0.0.2': printer('B2') });
  const devices = createDevicesRepo(db);
  let recorded = 0;
  const result = await sweep(
    createScansRepo(db).create(options.targets, 3, '2026-03-02T08:00:00.000Z'),
    ['10.0.0.1', '10.0.0.2', '10.0.0.3'],
    3,
    options.credentials,
    options,
    sweepDeps(db, {
      openSession: (host, credential, sessionOptions) =>
        cancelled && host === '10.0.0.3'
          ? hangingSession()
          : network.factory(host, credential, sessionOptions),
      devices: {
        ...devices,
        record: (...args) => {
          const stored = devices.record(...args);
          if (cancelled && ++recorded === 2) cancel.abort();
          return stored;
        },
      },
      logger: createLogger((line) => logged.push(line), 'error'),
      readPrinter,
    }),
    (p) => progress.push(p),
    cancel.signal,
  );
  return { result, logged, progress };
}

describe('sweep: printers read once every address is swept', () => {
  it('reads no printer, and shows no printers phase, when the scan was cancelled during the sweep', async () => {
    const read: number[] = [];
    const { result, progress } = await sweepWith(async (id) => read.push(id), true);
    expect(result.respondedCount).toBe(2);
    expect(read).toEqual([]);
    expect(progress.filter((p) => p.phase === 'printers')).toEqual([]);
    // 10.0.0.3, dropped by the cancel, is not counted as swept.
    expect(progress.at(-1)).toMatchObject({ phase: 'addresses', done: 2, total: 3 });
  });

  it('reads each printer after the last address, with its own progress', async () => {
    const read: number[] = [];
    const { result, progress } = await sweepWith(async (id) => read.push(id));
    expect(read.sort()).toEqual([1, 2]);
    const firstPrinterPhase = progress.findIndex((p) => p.phase === 'printers');
    expect(progress[firstPrinterPhase - 1]).toMatchObject({
      phase: 'addresses',
      done: 3,
      total: 3,
      found: 2,
    });
    expect(progress.at(-1)).toMatchObject({ phase: 'printers', done: 2, total: 2 });
    expect(result.problems).toEqual([]);
  });

  it('reports a printer that stops answering or fails, and still reads the others', async () => {
    const { result, logged } = await sweepWith(async (id) => {
      if (id === 1) throw new SnmpError('timeout', 'no answer (timeout)');
      throw new TypeError('broken reading');
    });
    expect(result.respondedCount).toBe(2);
    expect(result.problems.sort((a, b) => a.ip.localeCompare(b.ip))).toEqual([
      { ip: '10.0.0.1', reason: 'printer not read: no answer (timeout)' },
      { ip: '10.0.0.2', reason: 'printer not read: unexpected error' },
    ]);
    expect(logged.join('\n')).toContain('broken reading');
  });
});
