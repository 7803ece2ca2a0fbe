import type { SortingState, Updater } from '@tanstack/react-table';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Device, DeviceEdit, DeviceType } from '../../../shared/domain/device';
import type { ParcApi } from '../../../shared/ipc/contract';
import { unwrap } from '../api/unwrap';
import { toStoreError, type StoreError } from './store-error';

/** The inventory as the "Réseau" screen shows it: the list, its search, filter, sort and selection. */
export type DevicesState = {
  devices: readonly Device[];
  loaded: boolean;
  error: StoreError | null;
  search: string;
  /** null: every type. */
  typeFilter: DeviceType | null;
  sorting: SortingState;
  selectedId: number | null;
  saving: boolean;
  /** The last `inventory:update` failure, shown beside "Enregistrer". */
  saveError: StoreError | null;
  /** Room and notes typed but not saved, per device id: kept when another device is selected. */
  drafts: Readonly<Record<number, DeviceDraft>>;
  load: () => Promise<void>;
  setSearch: (search: string) => void;
  setTypeFilter: (type: DeviceType | null) => void;
  setSorting: (updater: Updater<SortingState>) => void;
  select: (id: number | null) => void;
  /** Keeps (or, with null, forgets) the unsaved room, notes and asset tag of a device. */
  setDraft: (id: number, draft: DeviceDraft | null) => void;
  /** Sends `inventory:update` and puts the answer in the list; @returns true on success. */
  update: (edit: DeviceEdit) => Promise<boolean>;
};

export type DevicesStore = StoreApi<DevicesState>;

/** The referent's fields as typed in the detail panel. */
export type DeviceDraft = { room: string; notes: string; assetTag: string };

/** Creates the devices slice over an injected API. */
export function createDevicesStore(api: ParcApi): DevicesStore {
  return createStore<DevicesState>()((set, get) => ({
    devices: [],
    loaded: false,
    error: null,
    search: '',
    typeFilter: null,
    sorting: [{ id: 'ip', desc: false }],
    selectedId: null,
    saving: false,
    saveError: null,
    drafts: {},
    load: async () => {
      try {
        const devices = unwrap(await api.invoke('inventory:list', {}));
        set({ devices, loaded: true, error: null });
      } catch (error) {
        set({ error: toStoreError(error) });
      }
    },
    setSearch: (search) => set({ search }),
    setTypeFilter: (typeFilter) => set({ typeFilter }),
    setSorting: (updater) =>
      set({ sorting: typeof updater === 'function' ? updater(get().sorting) : updater }),
    select: (selectedId) => set({ selectedId, saveError: null }),
    setDraft: (id, draft) =>
      set((state) => {
        const drafts = { ...state.drafts };
        if (draft) drafts[id] = draft;
        else delete drafts[id];
        return { drafts };
      }),
    update: async (edit) => {
      set({ saving: true, saveError: null });
      try {
        const updated = unwrap(await api.invoke('inventory:update', edit));
        set((state) => {
          const drafts = { ...state.drafts };
          delete drafts[updated.id];
          return {
            saving: false,
            drafts,
            devices: state.devices.map((device) => (device.id === updated.id ? updated : device)),
          };
        });
        return true;
      } catch (error) {
        set({ saving: false, saveError: toStoreError(error) });
        return false;
      }
    },
  }));
}
