import type { ParcApi } from '../../../shared/ipc/contract';
import { createBridgeClient, readBridgeToken } from './bridge-client';

let cached: ParcApi | null = null;

/**
 * The API of the engine, the only door the renderer has to it: `window.parc` from the Electron
 * preload when present, else the loopback bridge client with the token of `location.hash`.
 * @throws Error when neither is available (page opened without preload and without `#token=`).
 */
export function getParcApi(): ParcApi {
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
