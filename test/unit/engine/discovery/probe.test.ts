import { describe, expect, it } from 'vitest';
import type { Credential } from '../../../../shared/domain/credentials';
import { probeHost, probeSystem } from '../../../../electron/engine/discovery/probe';
import { fakeNetwork } from '../../../helpers/fake-session';
import type { SessionFactory } from '../../../../electron/engine/snmp/session';

const credentials: Credential[] = [
  { kind: 'community', version: '2c', community: 'public' },
  { kind: 'community', version: '2c', community: 'lycee-ro' },
];
const system = {
  '1.3.6.1.2.1.1.1.0': 'HP ETHERNET MULTI-ENVIRONMENT',
  '1.3.6.1.2.1.1.2.0': 'oid:1.3.6.1.4.1.11.2.3.9.1',
  '1.3.6.1.2.1.1.5.0': 'IMP-CDI',
};
const options = { port: 161, timeoutMs: 40, retries: 0 };

describe('probeHost', () => {
  it('sends nothing more when the first credential opens the host, and keeps what the probe read', async () => {
    const net = fakeNetwork({ '10.0.0.10': { communities: ['public', 'lycee-ro'], objects: system } });
    const outcome = await probeHost('10.0.0.10', credentials, [0, 1], net.factory, options, probeSystem);
    expect(outcome).toMatchObject({ kind: 'open', credentialIndex: 0 });
    expect(outcome.kind === 'open' && outcome.answer?.map((vb) => vb?.oid ?? null)).toEqual([
      '1.3.6.1.2.1.1.2.0',
      '1.3.6.1.2.1.1.1.0',
      null,
    ]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(net.opened.map((o) => (o.credential as { community: string }).community)).toEqual(['public']);
  });

  it('leaves no timer keeping the process alive once the first credential has answered', async () => {
    const net = fakeNetwork({ '10.0.0.10': { communities: ['public', 'lycee-ro'], objects: system } });
    // A real session says when its request leaves; the answer comes a little later.
    const factory: SessionFactory = (host, credential, opts) => {
      const session = net.factory(host, credential, opts);
      return {
        ...session,
        get: async (oids) => {
          opts.onSend?.();
          await new Promise((resolve) => setTimeout(resolve, 5));
          return session.get(oids);
        },
      };
    };
    const timers = () => process.getActiveResourcesInfo().filter((type) => type === 'Timeout').length;
    const before = timers();
    // A one-minute timeout: the wait before the second credential would be 15 s.
    const outcome = await probeHost(
      '10.0.0.10',
      credentials,
      [0, 1],
      factory,
      { ...options, timeoutMs: 60_000 },
      probeSystem,
    );
    expect(outcome).toMatchObject({ kind: 'open', credentialIndex: 0 });
    expect(timers()).toBe(before);
  });

  it('tries the next credential a short while later when the first gets no answer', async () => {
    const net = fakeNetwork({ '10.0.0.11': { communities: ['lycee-ro'], objects: system } });
    const outcome = await probeHost('10.0.0.11', credentials, [0, 1], net.factory, options, probeSystem);
    expect(outcome).toMatchObject({ kind: 'open', credentialIndex: 1 });
    expect(net.opened).toHaveLength(2);
  });

  it('follows the order given (the credential that worked last time first)', async () => {
    const net = fakeNetwork({ '10.0.0.12': { communities: ['public', 'lycee-ro'], objects: system } });
    const outcome = await probeHost('10.0.0.12', credentials, [1, 0], net.factory, options, probeSystem);
    expect(outcome).toMatchObject({ kind: 'open', credentialIndex: 1 });
  });

  it('says silent when no credential gets an answer', async () => {
    const net = fakeNetwork({});
    expect(await probeHost('10.0.0.13', credentials, [0, 1], net.factory, options, probeSystem)).toEqual({
      kind: 'silent',
    });
    expect(net.opened).toHaveLength(2);
  });

  it('counts the wait before the next credential from when the request leaves, not from a queue before it', async () => {
    const opened: string[] = [];
    // The first request waits 100 ms for room in the scan's window, then is answered in 20 ms.
    const factory: SessionFactory = (_host, credential, options) => {
      opened.push((credential as { community: string }).community);
      const session = fakeNetwork({ h: { communities: ['public'], objects: system } }).factory(
        'h',
        credential,
        options,
      );
      const get = session.get;
      session.get = async (oids) => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        options.onSend?.();
        await new Promise((resolve) => setTimeout(resolve, 20));
        return get(oids);
      };
      return session;
    };
    const outcome = await probeHost(
      'h',
      credentials,
      [0, 1],
      factory,
      { ...options, timeoutMs: 200 },
      probeSystem,
    );
    expect(outcome).toMatchObject({ kind: 'open', credentialIndex: 0 });
    expect(opened).toEqual(['public']);
  });
});
