import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ScanProgress, ScanSummary } from '../../../shared/domain/scan';
import type { ParcApi, SuggestedRange } from '../../../shared/ipc/contract';
import { unwrap } from '../api/unwrap';
import { addTarget, parseTargets } from '../lib/targets';
import { toStoreError, type StoreError } from './store-error';

/** The "Réseau" scan: what to scan, the running scan's progress and the last summary. */
export type ScanState = {
  /** The ranges as typed (one per line or comma separated). */
  targetsText: string;
  allowPublic: boolean;
  force: boolean;
  suggestions: readonly SuggestedRange[];
  /** True between the click on "Scanner" and the engine's answer. */
  starting: boolean;
  /** The running scan, or null when idle. */
  running: ScanProgress | null;
  lastSummary: ScanSummary | null;
  error: StoreError | null;
  setTargetsText: (text: string) => void;
  addSuggestedTarget: (cidr: string) => void;
  setAllowPublic: (value: boolean) => void;
  setForce: (value: boolean) => void;
  loadSuggestions: () => Promise<void>;
  /** Picks up a scan already running (e.g. after a reload) and the last summary. */
  loadStatus: () => Promise<void>;
  /** Sends `scan:start`; @returns true when the engine accepted the scan. */
  start: () => Promise<boolean>;
  cancel: () => Promise<void>;
  applyProgress: (progress: ScanProgress) => void;
  applyFinished: (summary: ScanSummary) => void;
};

export type ScanStore = StoreApi<ScanState>;

/** Creates the scan slice over an injected API (tests pass a fake). */
export function createScanStore(api: ParcApi): ScanStore {
  return createStore<ScanState>()((set, get) => ({
    targetsText: '',
    allowPublic: false,
    force: false,
    suggestions: [],
    starting: false,
    running: null,
    lastSummary: null,
    error: null,
    setTargetsText: (targetsText) => set({ targetsText }),
    addSuggestedTarget: (cidr) => set({ targetsText: addTarget(get().targetsText, cidr) }),
    setAllowPublic: (allowPublic) => set({ allowPublic }),
    setForce: (force) => set({ force }),
    loadSuggestions: async () => {
      const result = await api.invoke('network:suggest', {});
      // Suggestions are a convenience: without them the referent types the ranges.
      if (result.ok) set({ suggestions: result.value });
    },
    loadStatus: async () => {
      const result = await api.invoke('scan:status', {});
      if (!result.ok) return;
      const { running, last } = result.value;
      set((state) => ({ running: state.running ?? running, lastSummary: state.lastSummary ?? last }));
    },
    start: async () => {
      const { targetsText, allowPublic, force, starting, running } = get();
      if (starting || running) return false;
      const targets = parseTargets(targetsText);
      if (targets.length === 0) {
        set({ error: { code: 'invalid-input', message: '', reason: 'no-targets' }, lastSummary: null });
        return false;
      }
      set({ starting: true, error: null });
      try {
        const { scanId } = unwrap(await api.invoke('scan:start', { targets, allowPublic, force }));
        set((state) => ({
          starting: false,
          // A progress event may already have arrived before the answer.
          running:
            state.running?.scanId === scanId
              ? state.running
              : { scanId, phase: 'addresses', done: 0, total: 0, found: 0, current: null },
        }));
        return true;
      } catch (error) {
        // The previous summary would read as the outcome of this refused scan.
        set({ starting: false, error: toStoreError(error), lastSummary: null });
        return false;
      }
    },
    cancel: async () => {
      const running = get().running;
      if (!running) return;
      try {
        unwrap(await api.invoke('scan:cancel', { scanId: running.scanId }));
      } catch (error) {
        set({ error: toStoreError(error) });
      }
    },
    applyProgress: (progress) => {
      const running = get().running;
      if (running && running.scanId !== progress.scanId) return;
      set({ running: progress });
    },
    applyFinished: (summary) => {
      const running = get().running;
      if (running && running.scanId !== summary.id) return;
      set({ running: null, lastSummary: summary });
    },
  }));
}
