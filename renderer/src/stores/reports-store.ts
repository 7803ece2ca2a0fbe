import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FlushResult, HubSecretName, OutboxItem } from '../../../shared/domain/outbox';
import type { HealthReport } from '../../../shared/domain/report';
import type { Settings } from '../../../shared/domain/settings';
import type { ParcApi } from '../../../shared/ipc/contract';
import { unwrap } from '../api/unwrap';
import { toStoreError, type StoreError } from './store-error';

/** The settings the « Lycée et hub » panel edits (a subset of `Settings`). */
export const SCHOOL_HUB_SETTING_KEYS = [
  'uai',
  'schoolName',
  'town',
  'hubUrl',
  'reportTime',
  'hubCaFile',
  'proxyUrl',
] as const;
export type SchoolHubSettingKey = (typeof SCHOOL_HUB_SETTING_KEYS)[number];
export type SchoolHubSettings = Pick<Settings, SchoolHubSettingKey>;

/** Whether each hub secret is stored (`reports:secrets`); the values never reach the renderer. */
export type HubSecretsStatus = Readonly<Record<HubSecretName, boolean>>;

/**
 * The « Rapports » screen (issue 6): the school and hub settings, whether the hub token and
 * signing secret are set, the report as it would be sent now (`reports:preview`), sending it
 * (`reports:send`) and the outbox (`reports:outbox`, `reports:retry`).
 */
export type ReportsState = {
  /** True once the screen's first load ran (whatever failed). */
  loaded: boolean;
  /** The school and hub settings as saved, or null before `settings:get` answered. */
  settings: SchoolHubSettings | null;
  settingsError: StoreError | null;
  savingSettings: boolean;
  /** Whether the token and the secret are set, or null before `reports:secrets` answered. */
  secrets: HubSecretsStatus | null;
  secretsError: StoreError | null;
  /** The secret being written or removed, or null. */
  savingSecret: HubSecretName | null;
  /** The previewed report: exactly the document « Envoyer maintenant » sends. */
  report: HealthReport | null;
  /** True while `reports:preview` runs. */
  previewing: boolean;
  /** Why there is no preview (e.g. `missing-uai`). */
  previewError: StoreError | null;
  /** True while `reports:send` runs. */
  sending: boolean;
  /** What the last « Envoyer maintenant » did (sent, rejected, still pending). */
  lastSend: FlushResult | null;
  sendError: StoreError | null;
  /** The outbox, newest first. */
  outbox: readonly OutboxItem[];
  outboxLoaded: boolean;
  outboxError: StoreError | null;
  /** The outbox entry being put back in the queue, or null. */
  retrying: string | null;
  /** Loads settings, secrets status, outbox and preview together. */
  load: () => Promise<void>;
  /**
   * Saves a change to the school and hub settings with `settings:set` (the engine validates the
   * UAI and the addresses), then refreshes the preview. @returns true when the engine saved it.
   */
  saveSettings: (patch: Partial<SchoolHubSettings>) => Promise<boolean>;
  /**
   * Writes the hub token or signing secret (`reports:setSecret`; an empty value removes it).
   * @returns true when the engine stored it.
   */
  setSecret: (name: HubSecretName, value: string) => Promise<boolean>;
  /** Asks the engine for a new report (« Actualiser l'aperçu »); a new id each time. */
  refreshPreview: () => Promise<void>;
  /**
   * Puts the previewed report in the outbox and sends everything pending now (`reports:send`),
   * then reloads the outbox. Does nothing without a preview or while a send runs.
   */
  send: () => Promise<void>;
  loadOutbox: () => Promise<void>;
  /** Puts a rejected entry back in the queue (`reports:retry`), then reloads the outbox. */
  retry: (id: string) => Promise<void>;
};

export type ReportsStore = StoreApi<ReportsState>;

/** The school and hub part of the full settings. */
function pickSchoolHub(settings: Settings): SchoolHubSettings {
  return {
    uai: settings.uai,
    schoolName: settings.schoolName,
    town: settings.town,
    hubUrl: settings.hubUrl,
    reportTime: settings.reportTime,
    hubCaFile: settings.hubCaFile,
    proxyUrl: settings.proxyUrl,
  };
}

/** Creates the reports slice over an injected API. */
export function createReportsStore(api: ParcApi): ReportsStore {
  return createStore<ReportsState>()((set, get) => {
    const loadSettings = async () => {
      try {
        const settings = unwrap(await api.invoke('settings:get', {}));
        set({ settings: pickSchoolHub(settings), settingsError: null });
      } catch (error) {
        set({ settingsError: toStoreError(error) });
      }
    };
    const loadSecrets = async () => {
      try {
        const secrets = unwrap(await api.invoke('reports:secrets', {}));
        set({ secrets: { hubToken: secrets.hubToken ?? false, hubSecret: secrets.hubSecret ?? false } });
      } catch (error) {
        set({ secretsError: toStoreError(error) });
      }
    };
    const loadOutbox = async () => {
      try {
        const outbox = unwrap(await api.invoke('reports:outbox', {}));
        set({ outbox, outboxLoaded: true, outboxError: null });
      } catch (error) {
        set({ outboxError: toStoreError(error) });
      }
    };
    const refreshPreview = async () => {
      if (get().previewing) return;
      set({ previewing: true });
      try {
        const report = unwrap(await api.invoke('reports:preview', {}));
        set({ report, previewing: false, previewError: null });
      } catch (error) {
        set({ report: null, previewing: false, previewError: toStoreError(error) });
      }
    };
    return {
      loaded: false,
      settings: null,
      settingsError: null,
      savingSettings: false,
      secrets: null,
      secretsError: null,
      savingSecret: null,
      report: null,
      previewing: false,
      previewError: null,
      sending: false,
      lastSend: null,
      sendError: null,
      outbox: [],
      outboxLoaded: false,
      outboxError: null,
      retrying: null,
      load: async () => {
        await Promise.all([loadSettings(), loadSecrets(), loadOutbox(), refreshPreview()]);
        set({ loaded: true });
      },
      saveSettings: async (patch) => {
        if (get().savingSettings) return false;
        set({ savingSettings: true, settingsError: null });
        try {
          const settings = unwrap(await api.invoke('settings:set', patch));
          set({ settings: pickSchoolHub(settings), savingSettings: false });
        } catch (error) {
          set({ savingSettings: false, settingsError: toStoreError(error) });
          return false;
        }
        // The school's UAI, name and town are in the report.
        await refreshPreview();
        return true;
      },
      setSecret: async (name, value) => {
        if (get().savingSecret !== null) return false;
        set({ savingSecret: name, secretsError: null });
        try {
          const secrets = unwrap(await api.invoke('reports:setSecret', { name, value }));
          set({
            secrets: { hubToken: secrets.hubToken ?? false, hubSecret: secrets.hubSecret ?? false },
            savingSecret: null,
          });
          return true;
        } catch (error) {
          set({ savingSecret: null, secretsError: toStoreError(error) });
          return false;
        }
      },
      refreshPreview,
      send: async () => {
        const { report, sending } = get();
        if (!report || sending) return;
        set({ sending: true, sendError: null, lastSend: null });
        try {
          const lastSend = unwrap(await api.invoke('reports:send', { report }));
          set({ lastSend });
        } catch (error) {
          set({ sendError: toStoreError(error) });
        }
        // Even a failed send may have stored the report: the outbox says what happened.
        await loadOutbox();
        set({ sending: false });
      },
      loadOutbox,
      retry: async (id) => {
        if (get().retrying !== null) return;
        set({ retrying: id, outboxError: null });
        let failure: StoreError | null = null;
        try {
          unwrap(await api.invoke('reports:retry', { id }));
        } catch (error) {
          failure = toStoreError(error);
        }
        await loadOutbox();
        set({ retrying: null, ...(failure ? { outboxError: failure } : {}) });
      },
    };
  });
}
