/**
 * The preload exposes `window.parc` (the `ParcApi` of `shared/ipc/contract.ts`) and nothing else.
 * It runs sandboxed, so it imports only 'electron' and the dependency-free channel lists; input
 * checking happens in main. `ipcRenderer` itself never reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { COMMAND_CHANNELS, EVENT_CHANNELS } from '../shared/ipc/channels';
import type { ParcApi } from '../shared/ipc/contract';

const commandChannels: ReadonlySet<string> = new Set(COMMAND_CHANNELS);
const eventChannels: ReadonlySet<string> = new Set(EVENT_CHANNELS);

const api: ParcApi = {
  invoke(channel, input) {
    if (typeof channel !== 'string' || !commandChannels.has(channel)) {
      // A Result, like every other answer: callers handle one shape.
      return Promise.resolve({
        ok: false as const,
        error: { code: 'invalid-input' as const, message: `Unknown command channel: ${String(channel)}` },
      });
    }
    return ipcRenderer.invoke(channel, input);
  },
  on(event, listener) {
    if (typeof event !== 'string' || !eventChannels.has(event)) {
      throw new Error(`Unknown event channel: ${String(event)}`);
    }
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
    // The page gets the payload only, never the IpcRendererEvent (it holds `sender`, the ipcRenderer).
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
};

contextBridge.exposeInMainWorld('parc', api);
