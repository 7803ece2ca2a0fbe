import {
  createBridgeClient,
  readBridgeToken,
  type EventSourceLike,
} from '../../../renderer/src/api/bridge-client';
import { ParcError, unwrap } from '../../../renderer/src/api/unwrap';

class FakeEventSource implements EventSourceLike {
  readonly listeners = new Map<string, Set<(event: MessageEvent) => void>>();
  closed = false;
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
  }
  removeEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.get(type)?.delete(listener);
  }
  close() {
    this.closed = true;
  }
  send(type: string, data: string) {
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data }));
  }
}

const jsonResponse = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('bridge client', () => {
  it('reads the token from the fragment', () => {
    expect(readBridgeToken('#token=abc123')).toBe('abc123');
    expect(readBridgeToken('#other=1')).toBeNull();
    expect(readBridgeToken('')).toBeNull();
  });

  it('POSTs commands with the bearer token and passes the value the bridge checked', async () => {
    const fetch = vi.fn(async () => jsonResponse({ ok: true, value: { scanId: 4 } }));
    const api = createBridgeClient({ token: 's3cret', fetch });
    const result = await api.invoke('scan:start', { targets: ['10.0.0.0/24'] });

    expect(result).toEqual({ ok: true, value: { scanId: 4 } });
    expect(fetch).toHaveBeenCalledWith('/api/invoke/scan%3Astart', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer s3cret' },
      body: JSON.stringify({ targets: ['10.0.0.0/24'] }),
    });
  });

  it('passes IPC errors through and turns transport problems into failed results', async () => {
    const error = { code: 'invalid-input', message: 'cible invalide' };
    const answers = [
      jsonResponse({ ok: false, error }),
      jsonResponse({}, 401),
      // Not an envelope: the bridge's handlers check the value itself (handlers.ts), not the client.
      jsonResponse({ scanId: 4 }),
      jsonResponse({ ok: false, error: { code: 3 } }),
      jsonResponse(null),
    ];
    const api = createBridgeClient({ token: 't', fetch: async () => answers.shift()! });

    const refused = await api.invoke('scan:start', { targets: ['x'] });
    expect(refused).toEqual({ ok: false, error });
    expect(() => unwrap(refused)).toThrow(new ParcError('invalid-input', 'cible invalide'));
    expect(await api.invoke('scan:status', {})).toEqual({
      ok: false,
      error: { code: 'failed', message: 'Bridge answered HTTP 401 for scan:status' },
    });
    for (let i = 0; i < 3; i++)
      expect(await api.invoke('scan:start', { targets: ['x'] })).toEqual({
        ok: false,
        error: { code: 'failed', message: 'Bridge answered an unexpected shape for scan:start' },
      });
  });

  it('listens on one event stream and drops messages that are not JSON (the bridge checked payloads)', () => {
    const sources: FakeEventSource[] = [];
    const api = createBridgeClient({
      token: 'tok en',
      fetch: async () => jsonResponse({}),
      createEventSource: (url) => {
        const source = new FakeEventSource(url);
        sources.push(source);
        return source;
      },
    });
    const progress = vi.fn();
    const finished = vi.fn();
    const offProgress = api.on('scan:progress', progress);
    const offFinished = api.on('scan:finished', finished);
    expect(sources.map((s) => s.url)).toEqual(['/api/events?token=tok+en']);

    const source = sources[0]!;
    source.send(
      'scan:progress',
      JSON.stringify({ scanId: 1, phase: 'addresses', done: 2, total: 10, found: 1, current: null }),
    );
    source.send('scan:progress', 'not json');
    expect(progress.mock.calls).toEqual([
      [{ scanId: 1, phase: 'addresses', done: 2, total: 10, found: 1, current: null }],
    ]);

    offProgress();
    expect(source.closed).toBe(false);
    offFinished();
    expect(source.closed).toBe(true);
  });
});
