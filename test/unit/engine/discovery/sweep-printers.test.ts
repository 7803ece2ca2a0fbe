import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/engine/db/database';
import { createScansRepo } from '../../../../electron/engine/db/repositories/scans-repo';
import { sweep } from '../../../../electron/engine/discovery/scan';
import { createLogger } from '../../../../electron/engine/log';
import { SnmpError } from '../../../../electron/engine/snmp/session';
import type { ScanProgress } from '../../../../shared/domain/scan';
import { ScanRequest } from '../../../../shared/domain/scan';
import { fakeNetwork } from '../../../helpers/fake-session';
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

/** Sweeps 10.0.0.1–10.0.0.3 (two printers, one empty address) with `readPrinter`. */
async function sweepWith(readPrinter: (id: number) => Promise<unknown>) {
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
  const result = await sweep(
    createScansRepo(db).create(options.targets, 3, '2026-03-02T08:00:00.000Z'),
    ['10.0.0.1', '10.0.0.2', '10.0.0.3'],
    3,
    options.credentials,
    options,
    sweepDeps(db, {
      openSession: fakeNetwork({ '10.0.0.1': printer('A1'), '10.0.0.2': printer('B2') }).factory,
      logger: createLogger((line) => logged.push(line), 'error'),
      readPrinter,
    }),
    (p) => progress.push(p),
    new AbortController().signal,
  );
  return { result, logged, progress };
}

describe('sweep: printers read once every address is swept', () => {
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
