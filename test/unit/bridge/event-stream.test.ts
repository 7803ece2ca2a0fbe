import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventHub, KEEP_ALIVE_MS } from '../../../electron/bridge/event-stream';

class FakeResponse extends EventEmitter {
  readonly written: string[] = [];
  status = 0;
  headers: Record<string, string> = {};
  ended = false;
  writeHead(status: number, headers: Record<string, string>) {
    this.status = status;
    this.headers = headers;
  }
  write(text: string) {
    this.written.push(text);
    return true;
  }
  end() {
    this.ended = true;
  }
}

const attach = (hub: ReturnType<typeof createEventHub>) => {
  const response = new FakeResponse();
  hub.attach(response as unknown as ServerResponse);
  return response;
};

afterEach(() => vi.useRealTimers());

describe('createEventHub', () => {
  it('opens an event stream with the given headers and formats events', () => {
    const hub = createEventHub({ 'Content-Security-Policy': "default-src 'self'" });
    const response = attach(hub);
    expect(response.status).toBe(200);
    expect(response.headers).toMatchObject({
      'Content-Security-Policy': "default-src 'self'",
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    hub.broadcast('scan:progress', { scanId: 1, current: 'line\nbreak' });
    expect(response.written).toEqual([
      ': connected\n\n',
      'event: scan:progress\ndata: {"scanId":1,"current":"line\\nbreak"}\n\n',
    ]);
    hub.close();
  });

  it('sends a keep-alive comment every 15 s and stops when the client leaves', () => {
    vi.useFakeTimers();
    const hub = createEventHub({});
    const response = attach(hub);
    expect(KEEP_ALIVE_MS).toBe(15_000);
    vi.advanceTimersByTime(KEEP_ALIVE_MS * 2);
    expect(response.written.filter((text) => text === ': keep-alive\n\n')).toHaveLength(2);
    response.emit('close');
    expect(hub.size()).toBe(0);
    vi.advanceTimersByTime(KEEP_ALIVE_MS * 2);
    hub.broadcast('scan:finished', {});
    expect(response.written.filter((text) => text === ': keep-alive\n\n')).toHaveLength(2);
    expect(response.written.some((text) => text.startsWith('event:'))).toBe(false);
  });

  it('ends every stream on close', () => {
    const hub = createEventHub({});
    const [a, b] = [attach(hub), attach(hub)];
    expect(hub.size()).toBe(2);
    hub.close();
    expect([a.ended, b.ended, hub.size()]).toEqual([true, true, 0]);
  });
});
