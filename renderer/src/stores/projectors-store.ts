import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ProjectorSummary } from '../../../shared/domain/projector-summary';
import type { CommandOutput, ParcApi } from '../../../shared/ipc/contract';
import { unwrap } from '../api/unwrap';
import { toStoreError, type StoreError } from './store-error';

/** The « TNI » screen: projectors and interactive panels as last read, a re-read, rated lamp lives. */
export type ProjectorsState = {
  /** As `projectors:list` gives them: alerts first. */
  projectors: readonly ProjectorSummary[];
  loaded: boolean;
  loading: boolean;
  error: StoreError | null;
  /** True while `projectors:poll` runs. */
  polling: boolean;
  lastPoll: CommandOutput<'projectors:poll'> | null;
  /** The device whose rated lamp life is being saved, or null. */
  savingRated: number | null;
  /** The last `projectors:rated` failure, with its device. */
  ratedError: { deviceId: number; error: StoreError } | null;
  load: () => Promise<void>;
  /** Re-reads every projector over PJLink, then reloads the list (`busy` during a scan). */
  poll: () => Promise<void>;
  /**
   * Sets the rated lamp life of one device in hours (100–100,000), or with null goes back to the
   * model's figure, then reloads the list. @returns true when the engine saved it.
   */
  setRated: (deviceId: number, ratedLampHours: number | null) => Promise<boolean>;
};

export type ProjectorsStore = StoreApi<ProjectorsState>;

/** Creates the projectors slice over an injected API. */
export function createProjectorsStore(api: ParcApi): ProjectorsStore {
  return createStore<ProjectorsState>()((set, get) => {
    const load = async () => {
      set({ loading: true });
      try {
        const projectors = unwrap(await api.invoke('projectors:list', {}));
        set({ projectors, loaded: true, loading: false, error: null });
      } catch (error) {
        set({ loading: false, error: toStoreError(error) });
      }
    };
    return {
      projectors: [],
      loaded: false,
      loading: false,
      error: null,
      polling: false,
      lastPoll: null,
      savingRated: null,
      ratedError: null,
      load,
      poll: async () => {
        if (get().polling) return;
        set({ polling: true, error: null, lastPoll: null });
        try {
          const lastPoll = unwrap(await api.invoke('projectors:poll', {}));
          set({ lastPoll });
        } catch (error) {
          set({ error: toStoreError(error) });
        }
        await load();
        set({ polling: false });
      },
      setRated: async (deviceId, ratedLampHours) => {
        if (get().savingRated !== null) return false;
        set({ savingRated: deviceId, ratedError: null });
        try {
          const updated = unwrap(await api.invoke('projectors:rated', { deviceId, ratedLampHours }));
          set((state) => ({
            projectors: state.projectors.map((p) => (p.deviceId === updated.deviceId ? updated : p)),
          }));
        } catch (error) {
          set({ savingRated: null, ratedError: { deviceId, error: toStoreError(error) } });
          return false;
        }
        // Alerts (and so the order) may have changed with the rated life.
        await load();
        set({ savingRated: null });
        return true;
      },
    };
  });
}
