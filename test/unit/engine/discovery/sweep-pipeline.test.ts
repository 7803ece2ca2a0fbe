import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/engine/db/database';
import { createDevicesRepo } from '../../../../electron/engine/db/repositories/devices-repo';
import { createScansRepo } from '../../../../electron/engine/db/repositories/scans-repo';
import { sweep } from '../../../../electron/engine/discovery/scan';
import type { SessionFactory } from '../../../../electron/engine/snmp/session';
import { ScanRequest } from '../../../../shared/domain/scan';
import { fakeNetwork, hangingSession } from '../../../helpers/fake-session';
import { sweepDeps } from '../../../helpers/sweep-deps';

const switchAt = (name: string) => ({
  communities: ['public'],
  objects: {
    '1.3.6.1.2.1.1.1.0': 'HP J9775A 2530-48G Switch',
    '1.3.6.1.2.1.1.2.0': 'oid:1.3.6.1.4.1.11.2.3.7.11.160',
    '1.3.6.1.2.1.1.5.0': name,
  },
});

/**
 * Sweeps `addresses` with one host in flight; 10.0.0.1 and .3 to .7 answer, the others are
 * silent. `onBulk` runs before each GETBULK (identification) is answered, with the host asked
 * and a test of whether a session has been opened to an address so far.
 */
async function sweepOne(
  addresses: string[],
  onBulk: (host: string, wasOpened: (ip: string) => boolean) => Promise<void>,
  signal = new AbortController().signal,
) {
  const db = openDatabase(':memory:');
  const options = ScanRequest.parse({
    targets: ['10.0.0.0/29'],
    credentials: [{ kind: 'community', version: '2c', community: 'public' }],
    timeoutMs: 50,
    retries: 0,
    agentless: false,
    concurrency: 1,
  });
  const network = fakeNetwork({
    '10.0.0.1': switchAt('SW-CDI'),
    '10.0.0.3': switchAt('SW-SALLE-12'),
    '10.0.0.4': switchAt('SW-SALLE-13'),
    '10.0.0.5': switchAt('SW-SALLE-14'),
    '10.0.0.6': switchAt('SW-SALLE-15'),
    '10.0.0.7': switchAt('SW-SALLE-16'),
  });
  const closed: string[] = [];
  const factory: SessionFactory = (host, credential, sessionOptions) => {
    const session = network.factory(host, credential, sessionOptions);
    return {
      ...session,
      getBulk: async (...args) => {
        await onBulk(host, (ip) => network.opened.some((o) => o.host === ip));
        return session.getBulk(...args);
      },
      close: () => {
        closed.push(host);
        session.close();
      },
    };
  };
  const devices = createDevicesRepo(db);
  const result = await sweep(
    createScansRepo(db).create(options.targets, addresses.length, '2026-03-02T08:00:00.000Z'),
    addresses,
    addresses.length,
    options.credentials,
    options,
    sweepDeps(db, { devices, openSession: factory }),
    () => undefined,
    signal,
  );
  return { result, opened: network.opened.map((o) => o.host), closed, devices };
}

describe('sweep: probes run ahead of identification', () => {
  it('probes the next address while the host that answered is still being read', async () => {
    let probedDuringIdentification = false;
    const { result } = await sweepOne(['10.0.0.1', '10.0.0.2'], async (_host, wasOpened) => {
      // With one host in flight, 10.0.0.2 can only be probed now if the sweep went on without
      // waiting for 10.0.0.1's identification (it waits here up to 200 ms for that probe).
      for (let i = 0; i < 20 && !wasOpened('10.0.0.2'); i++)
        await new Promise((resolve) => setTimeout(resolve, 10));
      probedDuringIdentification ||= wasOpened('10.0.0.2');
    });
    expect(probedDuringIdentification).toBe(true);
    expect(result.respondedCount).toBe(1);
  });

  it('goes on probing while hosts that answered wait to be read, up to three per host read', async () => {
    const seenWhileReadingFirst = new Set<string>();
    const { result } = await sweepOne(
      ['10.0.0.1', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.2', '10.0.0.6', '10.0.0.7'],
      async (host, wasOpened) => {
        if (host !== '10.0.0.1' || seenWhileReadingFirst.size > 0) return;
        // Waits long enough (300 ms) for every probe the sweep will send while 10.0.0.1 is read.
        await new Promise((resolve) => setTimeout(resolve, 300));
        for (const ip of ['10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6', '10.0.0.7'])
          if (wasOpened(ip)) seenWhileReadingFirst.add(ip);
      },
    );
    // .3, .4 and .5 wait to be read; .2 is probed (and found silent) meanwhile; .6 answers but
    // finds no room: probing pauses with three hosts waiting for one being read, .7 waits.
    expect([...seenWhileReadingFirst].sort()).toEqual([
      '10.0.0.2',
      '10.0.0.3',
      '10.0.0.4',
      '10.0.0.5',
      '10.0.0.6',
    ]);
    expect(result.respondedCount).toBe(6);
  });

  it('on cancel, closes the sessions of hosts waiting to be read without reading them', async () => {
    const cancel = new AbortController();
    const { closed, devices } = await sweepOne(
      ['10.0.0.1', '10.0.0.3'],
      async (host, wasOpened) => {
        if (host !== '10.0.0.1') return;
        // 10.0.0.3 answered its probe and waits for 10.0.0.1's place; the referent cancels.
        for (let i = 0; i < 20 && !wasOpened('10.0.0.3'); i++)
          await new Promise((resolve) => setTimeout(resolve, 10));
        cancel.abort();
      },
      cancel.signal,
    );
    expect(devices.list().map((d) => d.ip)).toEqual(['10.0.0.1']);
    expect(closed).toContain('10.0.0.3');
  });
});

describe('sweep: cancel', () => {
  it('ends the requests in flight at once, including those of a credential tried after the cancel, and records no problem', async () => {
    const db = openDatabase(':memory:');
    const options = ScanRequest.parse({
      targets: ['10.0.0.9'],
      // The second community is tried once the first one's request has failed.
      credentials: [
        { kind: 'community', version: '2c', community: 'public' },
        { kind: 'community', version: '2c', community: 'lycee-ro' },
      ],
      timeoutMs: 60_000,
      retries: 0,
      agentless: false,
    });
    const cancel = new AbortController();
    const opened: string[] = [];
    const factory: SessionFactory = (_host, credential) => {
      opened.push(credential.kind === 'community' ? credential.community : '');
      // The first request out is the cancel's moment: the referent cancels while it waits.
      return hangingSession(() => cancel.abort());
    };
    const result = await sweep(
      createScansRepo(db).create(options.targets, 1, '2026-03-02T08:00:00.000Z'),
      ['10.0.0.9'],
      1,
      options.credentials,
      options,
      sweepDeps(db, { openSession: factory }),
      () => undefined,
      cancel.signal,
    );
    // Without closing the sessions, the sweep would wait out a one-minute timeout (the test's
    // own limit ends it first); the second community's session is closed as it opens.
    expect(opened).toEqual(['public', 'lycee-ro']);
    expect(result.problems).toEqual([]);
    expect(result.respondedCount).toBe(0);
  });
});
