import { createBridgeClient, readBridgeToken } from './bridge-client';
import type { RendererApi } from './renderer-api';

let cached: RendererApi | null = null;

/**
 * The API of the engine, the only door the renderer has to it: `window.parc` from the Electron
 * preload when present, else the loopback bridge client with the token of `location.hash`
 * (which also builds export download addresses: see `RendererApi`).
 * @throws Error when neither is available (page opened without preload and without `#token=`).
 */
export function getParcApi(): RendererApi {
  if (cached) return cached;
  if (window.parc) {
    cached = window.parc;
    return cached;
  }
  const token = readBridgeToken(window.location.hash);
  if (!token) throw new Error('Parc API unavailable: no preload and no bridge token in the address.');
  cached = createBridgeClient({ token });
  return cached;
}
