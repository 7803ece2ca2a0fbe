import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Device } from '../../../shared/domain/device';
import type { InventoryImportResult } from '../../../shared/domain/inventory';
import type { ParcApi } from '../../../shared/ipc/contract';
import { unwrap } from '../api/unwrap';
import { toStoreError, type StoreError } from './store-error';

/**
 * The « Postes » screen: the computers of the inventory (`inventory:list` of type `computer`),
 * its two filters, and the import of a folder of self-inventories (`inventories:import`).
 */
export type MachinesState = {
  /** Devices of type `computer`, as the engine lists them. */
  machines: readonly Device[];
  loaded: boolean;
  error: StoreError | null;
  search: string;
  /** Only the machines last seen more than 30 days ago (« Vus il y a plus de 30 jours »). */
  staleOnly: boolean;
  /** True while `inventories:import` runs. */
  importing: boolean;
  /** What the last import did, until the dialog is closed. */
  importResult: InventoryImportResult | null;
  importError: StoreError | null;
  load: () => Promise<void>;
  setSearch: (search: string) => void;
  setStaleOnly: (staleOnly: boolean) => void;
  /**
   * Imports every self-inventory of a folder (absolute path, as the engine's machine sees it),
   * then reloads the list. @returns true when the engine read the folder.
   */
  importInventories: (folder: string) => Promise<boolean>;
  /** Forgets the last import's result and error (the dialog closes). */
  resetImport: () => void;
};

export type MachinesStore = StoreApi<MachinesState>;

/** Creates the machines slice over an injected API. */
export function createMachinesStore(api: ParcApi): MachinesStore {
  return createStore<MachinesState>()((set, get) => {
    const load = async () => {
      try {
        const machines = unwrap(await api.invoke('inventory:list', { type: 'computer' }));
        set({ machines, loaded: true, error: null });
      } catch (error) {
        set({ error: toStoreError(error) });
      }
    };
    return {
      machines: [],
      loaded: false,
      error: null,
      search: '',
      staleOnly: false,
      importing: false,
      importResult: null,
      importError: null,
      load,
      setSearch: (search) => set({ search }),
      setStaleOnly: (staleOnly) => set({ staleOnly }),
      importInventories: async (folder) => {
        if (get().importing) return false;
        set({ importing: true, importResult: null, importError: null });
        try {
          const importResult = unwrap(await api.invoke('inventories:import', { folder }));
          set({ importResult });
        } catch (error) {
          set({ importing: false, importError: toStoreError(error) });
          return false;
        }
        await load();
        set({ importing: false });
        return true;
      },
      resetImport: () => set({ importResult: null, importError: null }),
    };
  });
}
