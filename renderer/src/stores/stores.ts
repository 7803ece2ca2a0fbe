import type { ParcApi } from '../../../shared/ipc/contract';
import type { RendererApi } from '../api/renderer-api';
import { createCredentialsStore, type CredentialsStore } from './credentials-store';
import { createDevicesStore, type DeviceListAnswer, type DevicesStore } from './devices-store';
import { createMachinesStore, type MachinesStore } from './machines-store';
import { createPrintersStore, type PrintersStore } from './printers-store';
import { createProjectorsStore, type ProjectorsStore } from './projectors-store';
import { createReportsStore, type ReportsStore } from './reports-store';
import { createScanStore, type ScanStore } from './scan-store';
import { createServersStore, type ServersStore } from './servers-store';
import { createSettingsStore, type SettingsStore } from './settings-store';
import { createTransferStore, type TransferStore } from './transfer-store';
import { createUiStore, type UiStore } from './ui-store';

/** Every slice of the renderer, all over the same API. */
export type Stores = {
  readonly scan: ScanStore;
  readonly devices: DevicesStore;
  readonly credentials: CredentialsStore;
  readonly settings: SettingsStore;
  readonly printers: PrintersStore;
  readonly projectors: ProjectorsStore;
  readonly machines: MachinesStore;
  readonly reports: ReportsStore;
  readonly servers: ServersStore;
  readonly ui: UiStore;
  readonly transfer: TransferStore;
};

/**
 * Creates all slices over one API (the real one in main.tsx, a fake in tests).
 * @param early answers already asked (main.tsx: the device list, asked before the script ran on).
 */
export function createStores(api: RendererApi, early: { firstDeviceList?: DeviceListAnswer } = {}): Stores {
  return {
    scan: createScanStore(api),
    devices: createDevicesStore(api, early.firstDeviceList),
    credentials: createCredentialsStore(api),
    settings: createSettingsStore(api),
    printers: createPrintersStore(api),
    projectors: createProjectorsStore(api),
    machines: createMachinesStore(api),
    reports: createReportsStore(api),
    servers: createServersStore(api),
    ui: createUiStore(),
    transfer: createTransferStore(api),
  };
}

/**
 * Routes the engine's events to the slices: progress to the scan, and on `scan:finished`
 * the summary to the scan and a fresh `inventory:list` to the devices (and to the printers,
 * projectors and machines screens already opened, and a new preview to the reports screen).
 * @returns a function that unsubscribes everything.
 */
export function connectStores(api: ParcApi, stores: Stores): () => void {
  const unsubscribers = [
    api.on('scan:progress', (progress) => stores.scan.getState().applyProgress(progress)),
    api.on('scan:finished', (summary) => {
      stores.scan.getState().applyFinished(summary);
      void stores.devices.getState().load();
      // A scan reads the printers it finds: refresh the printers screen if it was opened.
      if (stores.printers.getState().loaded) void stores.printers.getState().load();
      // It also reads projectors (PJLink) and finds computers: the same for TNI and Postes.
      if (stores.projectors.getState().loaded) void stores.projectors.getState().load();
      if (stores.machines.getState().loaded) void stores.machines.getState().load();
      // The report is made from the inventory: an opened « Rapports » screen shows the new one.
      if (stores.reports.getState().loaded) void stores.reports.getState().refreshPreview();
    }),
  ];
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}

/**
 * The first loads of a session: the settings (the language) and the inventory, then, once both
 * are in and the rows have had their turn to render, the credentials, the suggested ranges and
 * the scan status. Asked together, their answers were handled between the inventory's arrival
 * and its rows, and the engine listed the network interfaces (system commands) meanwhile: the
 * 5,000-row table showed ~45 ms later (median of 31 loads in Chromium).
 */
export async function loadInitialData(stores: Stores): Promise<void> {
  await Promise.all([stores.settings.getState().load(), stores.devices.getState().load()]);
  // One task later: the rows' render, scheduled when the inventory was set, runs first.
  await new Promise((done) => setTimeout(done, 0));
  await Promise.all([
    stores.credentials.getState().load(),
    stores.scan.getState().loadSuggestions(),
    stores.scan.getState().loadStatus(),
  ]);
}
