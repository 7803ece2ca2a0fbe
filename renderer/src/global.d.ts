import type { ParcApi } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload (contextBridge); absent when the page is served by the bridge. */
    readonly parc?: ParcApi;
  }
}

export {};
