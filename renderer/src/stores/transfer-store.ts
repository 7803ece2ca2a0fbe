import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RoomImportPlan, RoomImportResult } from '../../../shared/domain/export';
import { DOWNLOAD_FORMATS } from '../../../shared/ipc/bridge-protocol';
import type { ExportSaveInput, ImportPlanInput } from '../../../shared/ipc/contract';
import type { RendererApi } from '../api/renderer-api';
import { unwrap } from '../api/unwrap';
import { isOneOf } from '../lib/one-of';
import { toStoreError, type StoreError } from './store-error';

/** What the last export did: files saved by the desktop app, or a download the browser started. */
export type ExportOutcome =
  | { kind: 'saved'; files: readonly string[]; devices: number }
  | { kind: 'download'; format: ExportSaveInput['format'] };

/** Exports (« Exporter ») and the rooms import (« Importer les salles »). */
export type TransferState = {
  /** Browser mode (`parc ui`): exports are downloads, and folders (GLPI, split CSV) are not offered. */
  browser: boolean;
  exporting: boolean;
  exportOutcome: ExportOutcome | null;
  exportError: StoreError | null;
  /**
   * Desktop: `export:save` (main's save dialog). Browser: starts the download.
   * @returns true when something was exported (false when cancelled or failed).
   */
  exportInventory: (request: ExportSaveInput) => Promise<boolean>;
  resetExport: () => void;
  planning: boolean;
  plan: RoomImportPlan | null;
  applying: boolean;
  applied: RoomImportResult | null;
  importError: StoreError | null;
  /** Sends the sheet to `import:plan`; changes nothing. */
  planImport: (file: ImportPlanInput) => Promise<void>;
  /** Sends the plan to `import:apply`; @returns true when applied. */
  applyImport: () => Promise<boolean>;
  /** Forgets the plan (« Annuler »): nothing is sent. */
  resetImport: () => void;
};

export type TransferStore = StoreApi<TransferState>;

/** Starts a browser download of `url` (a same-origin link with `download`). */
export function startDownload(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}

/** Creates the exports/imports slice over an injected API (`download` is for tests). */
export function createTransferStore(
  api: RendererApi,
  download: (url: string) => void = startDownload,
): TransferStore {
  const exportDownloadUrl = api.exportDownloadUrl;
  return createStore<TransferState>()((set, get) => ({
    browser: exportDownloadUrl !== undefined,
    exporting: false,
    exportOutcome: null,
    exportError: null,
    exportInventory: async (request) => {
      set({ exporting: true, exportOutcome: null, exportError: null });
      try {
        if (exportDownloadUrl) {
          if (!isOneOf(DOWNLOAD_FORMATS, request.format) || request.split) {
            throw new Error(`${request.format} exports are folders: use the desktop app.`);
          }
          download(exportDownloadUrl({ format: request.format, types: request.types }));
          set({ exporting: false, exportOutcome: { kind: 'download', format: request.format } });
          return true;
        }
        const value = unwrap(await api.invoke('export:save', request));
        if ('cancelled' in value) {
          set({ exporting: false });
          return false;
        }
        set({
          exporting: false,
          exportOutcome: { kind: 'saved', files: value.files, devices: value.devices },
        });
        return true;
      } catch (error) {
        set({ exporting: false, exportError: toStoreError(error) });
        return false;
      }
    },
    resetExport: () => set({ exporting: false, exportOutcome: null, exportError: null }),
    planning: false,
    plan: null,
    applying: false,
    applied: null,
    importError: null,
    planImport: async (file) => {
      set({ planning: true, plan: null, applied: null, importError: null });
      try {
        const plan = unwrap(await api.invoke('import:plan', file));
        set({ planning: false, plan });
      } catch (error) {
        set({ planning: false, importError: toStoreError(error) });
      }
    },
    applyImport: async () => {
      const { plan } = get();
      if (!plan || get().applying) return false;
      set({ applying: true, importError: null });
      try {
        const applied = unwrap(await api.invoke('import:apply', { plan }));
        set({ applying: false, applied, plan: null });
        return true;
      } catch (error) {
        set({ applying: false, importError: toStoreError(error) });
        return false;
      }
    },
    resetImport: () =>
      set({ planning: false, plan: null, applying: false, applied: null, importError: null }),
  }));
}
