import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Language } from '../../../shared/domain/settings';
import type { ParcApi } from '../../../shared/ipc/contract';
import { unwrap } from '../api/unwrap';
import { toStoreError, type StoreError } from './store-error';

/** The settings the UI itself uses (for now the language). */
export type SettingsState = {
  language: Language;
  error: StoreError | null;
  load: () => Promise<void>;
  /** Switches at once, then persists with `settings:set`. */
  setLanguage: (language: Language) => Promise<void>;
};

export type SettingsStore = StoreApi<SettingsState>;

/** Creates the settings slice over an injected API. */
export function createSettingsStore(api: ParcApi): SettingsStore {
  return createStore<SettingsState>()((set) => ({
    language: 'fr',
    error: null,
    load: async () => {
      try {
        const settings = unwrap(await api.invoke('settings:get', {}));
        set({ language: settings.language });
      } catch (error) {
        set({ error: toStoreError(error) });
      }
    },
    setLanguage: async (language) => {
      set({ language, error: null });
      try {
        unwrap(await api.invoke('settings:set', { language }));
      } catch (error) {
        set({ error: toStoreError(error) });
      }
    },
  }));
}
