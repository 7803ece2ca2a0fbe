import { EventEmitter } from 'node:events';
import snmp from 'net-snmp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNetSnmpSession } from '../../../../electron/engine/snmp/session';

afterEach(() => vi.restoreAllMocks());

describe('createNetSnmpSession', () => {
  it('rejects with a timeout when net-snmp never calls back (e.g. no socket could be bound)', async () => {
    vi.useFakeTimers();
    try {
      // A net-snmp session that swallows every request, as it does when its socket fails.
      const silent = Object.assign(new EventEmitter(), { get: () => undefined, close: () => undefined });
      vi.spyOn(snmp, 'createSession').mockReturnValue(silent as unknown as snmp.Session);
      const session = createNetSnmpSession(
        '127.0.0.1',
        { kind: 'community', version: '2c', community: 'public' },
        { port: 161, timeoutMs: 1000, retries: 1 },
      );
      let settled = false;
      const result = session.get(['1.3.6.1.2.1.1.5.0']).catch((error: unknown) => error);
      void result.then(() => (settled = true));
      // Its own timeouts (2 × 1000 ms) plus a 2000 ms margin.
      await vi.advanceTimersByTimeAsync(3999);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(2);
      expect(await result).toMatchObject({ kind: 'timeout' });
    } finally {
      vi.useRealTimers();
    }
  });
});
