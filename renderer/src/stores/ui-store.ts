import { createStore, type StoreApi } from 'zustand/vanilla';

/** Where the simple mode choice is kept on this PC (it belongs to the person at the screen). */
export const SIMPLE_MODE_STORAGE_KEY = 'parc.simpleMode';

/** Preferences of the person at this PC (not of the school): kept in localStorage. */
export type UiState = {
  /** Large text, printers only, no navigation: for the agent who changes the cartridges. */
  simpleMode: boolean;
  setSimpleMode: (on: boolean) => void;
};

export type UiStore = StoreApi<UiState>;

function readSimpleMode(storage: Storage | null): boolean {
  try {
    return storage?.getItem(SIMPLE_MODE_STORAGE_KEY) === 'true';
  } catch {
    return false;
  }
}

function defaultStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage refused (privacy settings): the choice lasts the session
  }
}

/** Creates the UI preferences slice; reads the saved simple mode at once. */
export function createUiStore(storage: Storage | null = defaultStorage()): UiStore {
  return createStore<UiState>()((set) => ({
    simpleMode: readSimpleMode(storage),
    setSimpleMode: (simpleMode) => {
      set({ simpleMode });
      try {
        storage?.setItem(SIMPLE_MODE_STORAGE_KEY, String(simpleMode));
      } catch {
        // not saved: the choice lasts the session
      }
    },
  }));
}
