import type { SortingState, Updater } from '@tanstack/react-table';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Device, DeviceEdit, DeviceType } from '../../../shared/domain/device';
import type { DeviceSummary, ParcApi } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { unwrap } from '../api/unwrap';
import { toStoreError, type StoreError } from './store-error';

/**
 * The inventory as the "Réseau" screen shows it: one summary row per device (what the table
 * shows, searches and sorts), its search, filter, sort and selection, and the whole record of
 * the selected device for the detail panel.
 */
export type DevicesState = {
  /** `inventory:listSummaries`: the table's fields only, sorted by IP. */
  devices: readonly DeviceSummary[];
  loaded: boolean;
  error: StoreError | null;
  search: string;
  /** null: every type. */
  typeFilter: DeviceType | null;
  sorting: SortingState;
  selectedId: number | null;
  /**
   * Everything known about the selected device (`inventory:get`); null while it loads or when
   * nothing is selected. It may still be the previous record of the same device while a fresh
   * one loads (after a scan).
   */
  detail: Device | null;
  /** Why the selected device's record could not be read. */
  detailError: StoreError | null;
  saving: boolean;
  /** The last `inventory:update` failure, shown beside "Enregistrer". */
  saveError: StoreError | null;
  /** Room and notes typed but not saved, per device id: kept when another device is selected. */
  drafts: Readonly<Record<number, DeviceDraft>>;
  /** Reads the rows again, and the selected device's record. */
  load: () => Promise<void>;
  setSearch: (search: string) => void;
  setTypeFilter: (type: DeviceType | null) => void;
  setSorting: (updater: Updater<SortingState>) => void;
  /** Selects a device (null: none) and reads its whole record for the detail panel. */
  select: (id: number | null) => Promise<void>;
  /** Keeps (or, with null, forgets) the unsaved room, notes and asset tag of a device. */
  setDraft: (id: number, draft: DeviceDraft | null) => void;
  /** Sends `inventory:update` and puts the answer in the list and the detail; @returns true on success. */
  update: (edit: DeviceEdit) => Promise<boolean>;
};

export type DevicesStore = StoreApi<DevicesState>;

/** The referent's fields as typed in the detail panel. */
export type DeviceDraft = { room: string; notes: string; assetTag: string };

/** The table's row of a whole device record: only the `DeviceSummary` fields (contract.ts). */
export function toDeviceSummary(device: Device): DeviceSummary {
  const { id, ip, type, vendor, model, serial, mac, sysName, hostName, room, lastSeen, missing } = device;
  return { id, ip, type, vendor, model, serial, mac, sysName, hostName, room, lastSeen, missing };
}

/** An answer of `inventory:listSummaries`. */
export type DeviceListAnswer = Promise<Result<DeviceSummary[]>>;

/**
 * Creates the devices slice over an injected API.
 * @param firstList the answer of an `inventory:listSummaries` already asked: the first `load`
 *   takes it instead of asking again.
 */
export function createDevicesStore(api: ParcApi, firstList?: DeviceListAnswer): DevicesStore {
  let pendingFirstList = firstList;
  return createStore<DevicesState>()((set, get) => {
    /** Reads the record of device `id`, unless another device is selected by the time it arrives. */
    const loadDetail = async (id: number) => {
      try {
        const detail = unwrap(await api.invoke('inventory:get', { id }));
        if (get().selectedId === id) set({ detail, detailError: null });
      } catch (error) {
        if (get().selectedId === id) set({ detail: null, detailError: toStoreError(error) });
      }
    };

    return {
      devices: [],
      loaded: false,
      error: null,
      search: '',
      typeFilter: null,
      sorting: [{ id: 'ip', desc: false }],
      selectedId: null,
      detail: null,
      detailError: null,
      saving: false,
      saveError: null,
      drafts: {},
      load: async () => {
        const selectedId = get().selectedId;
        const detail = selectedId === null ? Promise.resolve() : loadDetail(selectedId);
        try {
          const answer = pendingFirstList ?? api.invoke('inventory:listSummaries', {});
          pendingFirstList = undefined;
          const devices = unwrap(await answer);
          set({ devices, loaded: true, error: null });
        } catch (error) {
          set({ error: toStoreError(error) });
        }
        await detail;
      },
      setSearch: (search) => set({ search }),
      setTypeFilter: (typeFilter) => set({ typeFilter }),
      setSorting: (updater) =>
        set({ sorting: typeof updater === 'function' ? updater(get().sorting) : updater }),
      select: async (selectedId) => {
        const state = get();
        // The same device again: its record is read again only if it could not be read.
        const reuse = selectedId === state.selectedId && state.detail !== null;
        set(reuse ? { saveError: null } : { selectedId, detail: null, detailError: null, saveError: null });
        if (selectedId !== null && !reuse) await loadDetail(selectedId);
      },
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
          const row = toDeviceSummary(updated);
          set((state) => {
            const drafts = { ...state.drafts };
            delete drafts[updated.id];
            return {
              saving: false,
              drafts,
              devices: state.devices.map((device) => (device.id === updated.id ? row : device)),
              ...(state.selectedId === updated.id ? { detail: updated } : {}),
            };
          });
          return true;
        } catch (error) {
          set({ saving: false, saveError: toStoreError(error) });
          return false;
        }
      },
    };
  });
}
