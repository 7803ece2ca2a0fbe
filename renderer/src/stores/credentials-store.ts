import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Credential } from '../../../shared/domain/credentials';
import type { CredentialSummary, ParcApi } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { unwrap } from '../api/unwrap';
import { toStoreError, type StoreError } from './store-error';

/**
 * The SNMP credentials as labels. Secrets go to the engine in `add` and never come back;
 * this slice never holds them.
 */
export type CredentialsState = {
  credentials: readonly CredentialSummary[];
  busy: boolean;
  error: StoreError | null;
  load: () => Promise<void>;
  /** @returns true when the engine stored the credential. */
  add: (credential: Credential) => Promise<boolean>;
  remove: (id: number) => Promise<void>;
  move: (id: number, direction: 'up' | 'down') => Promise<void>;
};

export type CredentialsStore = StoreApi<CredentialsState>;

/** Creates the credentials slice over an injected API. */
export function createCredentialsStore(api: ParcApi): CredentialsStore {
  return createStore<CredentialsState>()((set) => {
    // Every command answers the new list; one helper applies it.
    const apply = async (call: () => Promise<Result<CredentialSummary[]>>): Promise<boolean> => {
      set({ busy: true, error: null });
      try {
        const credentials = unwrap(await call());
        set({ credentials, busy: false });
        return true;
      } catch (error) {
        set({ busy: false, error: toStoreError(error) });
        return false;
      }
    };
    return {
      credentials: [],
      busy: false,
      error: null,
      load: async () => {
        await apply(() => api.invoke('credentials:list', {}));
      },
      add: (credential) => apply(() => api.invoke('credentials:add', credential)),
      remove: async (id) => {
        await apply(() => api.invoke('credentials:remove', { id }));
      },
      move: async (id, direction) => {
        await apply(() => api.invoke('credentials:move', { id, direction }));
      },
    };
  });
}
