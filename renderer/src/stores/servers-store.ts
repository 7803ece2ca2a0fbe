import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  ServerConfig,
  ServerHistory,
  ServerPollResult,
  ServerSaveInput,
  ServerStatus,
} from '../../../shared/domain/server';
import type { ParcApi } from '../../../shared/ipc/contract';
import { unwrap } from '../api/unwrap';
import { toStoreError, type StoreError } from './store-error';

/**
 * The « Serveur » screen (issue 5): the watched file servers, their status as last read, a
 * collection on demand, adding, changing and removing a server.
 */
export type ServersState = {
  /** As `servers:list` gives them (by name; never a password, only `smbPasswordSet`). */
  servers: readonly ServerConfig[];
  /** As `servers:status` gives them: one per watched server, with volumes, SMB and open alerts. */
  statuses: readonly ServerStatus[];
  loaded: boolean;
  loading: boolean;
  /** The last `servers:list` / `servers:status` failure. */
  error: StoreError | null;
  /** True while `servers:poll` runs. */
  polling: boolean;
  lastPoll: ServerPollResult | null;
  /** The last `servers:poll` failure (`busy` when a collection already runs). */
  pollError: StoreError | null;
  /** True while `servers:save` runs. */
  saving: boolean;
  saveError: StoreError | null;
  /** The server being removed, or null. */
  removing: number | null;
  removeError: StoreError | null;
  /** Loads the servers and their status. */
  load: () => Promise<void>;
  /** Collects one server (`id`) or all now, then reloads the status. */
  poll: (id?: number) => Promise<void>;
  /**
   * Adds (no `id`) or replaces (`id`) a watched server, then reloads; the SMB password is
   * write-only (absent keeps, empty removes). @returns the saved server, or null when refused.
   */
  save: (input: ServerSaveInput) => Promise<ServerConfig | null>;
  /** Stops watching a server (its history is forgotten), then reloads. @returns true when removed. */
  remove: (id: number) => Promise<boolean>;
  /**
   * A server's series over the last `days` days (not kept in the store: each chart loads its own).
   * @throws ParcError when the engine refuses (e.g. `not-found`).
   */
  history: (id: number, days: number) => Promise<ServerHistory>;
};

export type ServersStore = StoreApi<ServersState>;

/** Creates the file servers slice over an injected API. */
export function createServersStore(api: ParcApi): ServersStore {
  return createStore<ServersState>()((set, get) => {
    const load = async () => {
      set({ loading: true });
      try {
        const servers = unwrap(await api.invoke('servers:list', {}));
        const statuses = unwrap(await api.invoke('servers:status', {}));
        set({ servers, statuses, loaded: true, loading: false, error: null });
      } catch (error) {
        set({ loading: false, error: toStoreError(error) });
      }
    };
    return {
      servers: [],
      statuses: [],
      loaded: false,
      loading: false,
      error: null,
      polling: false,
      lastPoll: null,
      pollError: null,
      saving: false,
      saveError: null,
      removing: null,
      removeError: null,
      load,
      poll: async (id) => {
        if (get().polling) return;
        set({ polling: true, pollError: null, lastPoll: null });
        try {
          const lastPoll = unwrap(await api.invoke('servers:poll', id === undefined ? {} : { id }));
          set({ lastPoll });
        } catch (error) {
          set({ pollError: toStoreError(error) });
        }
        await load();
        set({ polling: false });
      },
      save: async (input) => {
        if (get().saving) return null;
        set({ saving: true, saveError: null });
        try {
          const saved = unwrap(await api.invoke('servers:save', input));
          await load();
          set({ saving: false });
          return saved;
        } catch (error) {
          set({ saving: false, saveError: toStoreError(error) });
          return null;
        }
      },
      remove: async (id) => {
        if (get().removing !== null) return false;
        set({ removing: id, removeError: null });
        try {
          unwrap(await api.invoke('servers:remove', { id }));
        } catch (error) {
          set({ removing: null, removeError: toStoreError(error) });
          return false;
        }
        await load();
        set({ removing: null });
        return true;
      },
      history: async (id, days) => unwrap(await api.invoke('servers:history', { id, days })),
    };
  });
}
