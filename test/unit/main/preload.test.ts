/** The sandboxed preload, with contextBridge and ipcRenderer mocked. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMAND_CHANNELS, EVENT_CHANNELS } from '../../../shared/ipc/channels';
import type { ParcApi } from '../../../shared/ipc/contract';

const fakes = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  ipcRenderer: {
    invoke: vi.fn(async (channel: string) => ({ ok: true, value: channel })),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => fakes.exposed.set(key, value) },
  ipcRenderer: fakes.ipcRenderer,
}));

let parc: ParcApi;
beforeAll(async () => {
  await import('../../../electron/preload');
  parc = fakes.exposed.get('parc') as ParcApi;
});

describe('electron/preload', () => {
  it('exposes window.parc only, with invoke and on (never ipcRenderer)', () => {
    expect([...fakes.exposed.keys()]).toEqual(['parc']);
    expect(Object.keys(parc).sort()).toEqual(['invoke', 'on']);
    expect(Object.values(parc)).not.toContain(fakes.ipcRenderer);
  });

  it('forwards every contract command to ipcRenderer.invoke', async () => {
    for (const channel of COMMAND_CHANNELS) {
      expect(await parc.invoke(channel, {} as never)).toEqual({ ok: true, value: channel });
    }
    expect(fakes.ipcRenderer.invoke).toHaveBeenCalledTimes(COMMAND_CHANNELS.length);
    expect(fakes.ipcRenderer.invoke).toHaveBeenLastCalledWith(COMMAND_CHANNELS.at(-1), {});
  });

  it('refuses channels outside the contract without reaching ipcRenderer', async () => {
    fakes.ipcRenderer.invoke.mockClear();
    for (const channel of ['shell:open', 'scan:progress', '__proto__', 42]) {
      expect(await parc.invoke(channel as never, {} as never)).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    expect(fakes.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('subscribes to contract events, passes the payload only, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = parc.on(EVENT_CHANNELS[0], listener);
    const [channel, forward] = fakes.ipcRenderer.on.mock.calls[0] as [
      string,
      (e: unknown, p: unknown) => void,
    ];
    expect(channel).toBe('scan:progress');
    forward({ sender: fakes.ipcRenderer }, { scanId: 1 });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ scanId: 1 });
    unsubscribe();
    expect(fakes.ipcRenderer.removeListener).toHaveBeenCalledWith('scan:progress', forward);
  });

  it('refuses unknown events', () => {
    expect(() => parc.on('inventory:list' as never, vi.fn())).toThrow(
      'Unknown event channel: inventory:list',
    );
    expect(() => parc.on('scan:finished', 'nope' as never)).toThrow(TypeError);
  });

  it('imports nothing but electron and the dependency-free channel lists (sandbox)', () => {
    const source = readFileSync(resolve(__dirname, '../../../electron/preload.ts'), 'utf8');
    const runtimeImports = [...source.matchAll(/^import (?!type )[^;]*from '([^']+)'/gm)].map((m) => m[1]);
    expect(runtimeImports).toEqual(['electron', '../shared/ipc/channels']);
    const channels = readFileSync(resolve(__dirname, '../../../shared/ipc/channels.ts'), 'utf8');
    expect(channels).not.toMatch(/^import (?!type )/m);
  });
});
