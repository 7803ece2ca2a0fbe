import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PrinterSummary, SupplyToOrder } from '../../../shared/domain/printer';
import type { CommandOutput, ParcApi } from '../../../shared/ipc/contract';
import { unwrap } from '../api/unwrap';
import { toStoreError, type StoreError } from './store-error';

/** The "Imprimantes" screen: the printers last read, the order list, a poll, a replacement. */
export type PrintersState = {
  printers: readonly PrinterSummary[];
  toOrder: readonly SupplyToOrder[];
  loaded: boolean;
  loading: boolean;
  error: StoreError | null;
  /** True while `printers:poll` runs. */
  polling: boolean;
  lastPoll: CommandOutput<'printers:poll'> | null;
  /** The supply whose replacement is being recorded (`deviceId:supplyKey`), or null. */
  replacing: string | null;
  load: () => Promise<void>;
  /** Re-reads every printer, then reloads the list. */
  poll: () => Promise<void>;
  /** Records a replacement, then reloads the list; @returns true when the engine recorded it. */
  replace: (deviceId: number, supplyKey: string) => Promise<boolean>;
  /**
   * A printer's history for the charts (not kept in the store: each disclosure loads its own).
   * @throws ParcError when the engine refuses (e.g. `not-found`).
   */
  history: (deviceId: number, days?: number) => Promise<CommandOutput<'printers:history'>>;
};

export type PrintersStore = StoreApi<PrintersState>;

/** Creates the printers slice over an injected API. */
export function createPrintersStore(api: ParcApi): PrintersStore {
  return createStore<PrintersState>()((set, get) => {
    const load = async () => {
      set({ loading: true });
      try {
        const { printers, toOrder } = unwrap(await api.invoke('printers:list', {}));
        set({ printers, toOrder, loaded: true, loading: false, error: null });
      } catch (error) {
        set({ loading: false, error: toStoreError(error) });
      }
    };
    return {
      printers: [],
      toOrder: [],
      loaded: false,
      loading: false,
      error: null,
      polling: false,
      lastPoll: null,
      replacing: null,
      load,
      poll: async () => {
        if (get().polling) return;
        set({ polling: true, error: null, lastPoll: null });
        try {
          const lastPoll = unwrap(await api.invoke('printers:poll', {}));
          set({ lastPoll });
        } catch (error) {
          set({ error: toStoreError(error) });
        }
        await load();
        set({ polling: false });
      },
      replace: async (deviceId, supplyKey) => {
        if (get().replacing) return false;
        set({ replacing: `${deviceId}:${supplyKey}`, error: null });
        try {
          unwrap(await api.invoke('printers:replace', { deviceId, supplyKey }));
        } catch (error) {
          set({ replacing: null, error: toStoreError(error) });
          return false;
        }
        await load();
        set({ replacing: null });
        return true;
      },
      history: async (deviceId, days) =>
        unwrap(await api.invoke('printers:history', days === undefined ? { deviceId } : { deviceId, days })),
    };
  });
}
