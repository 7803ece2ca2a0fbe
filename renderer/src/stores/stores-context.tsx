import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { CredentialsState } from './credentials-store';
import type { DevicesState } from './devices-store';
import type { MachinesState } from './machines-store';
import type { PrintersState } from './printers-store';
import type { ProjectorsState } from './projectors-store';
import type { ReportsState } from './reports-store';
import type { ScanState } from './scan-store';
import type { ServersState } from './servers-store';
import type { SettingsState } from './settings-store';
import type { Stores } from './stores';
import type { TransferState } from './transfer-store';
import type { UiState } from './ui-store';

const StoresContext = createContext<Stores | null>(null);

/** Makes the slices available to the tree below. */
export function StoresProvider({ stores, children }: { stores: Stores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

/** The slices of the nearest `StoresProvider`. @throws Error outside of one. */
export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores() needs a <StoresProvider>.');
  return stores;
}

/** Selects from the scan slice. */
export function useScan<T>(selector: (state: ScanState) => T): T {
  return useStore(useStores().scan, selector);
}

/** Selects from the devices slice. */
export function useDevices<T>(selector: (state: DevicesState) => T): T {
  return useStore(useStores().devices, selector);
}

/** Selects from the credentials slice. */
export function useCredentials<T>(selector: (state: CredentialsState) => T): T {
  return useStore(useStores().credentials, selector);
}

/** Selects from the settings slice. */
export function useSettings<T>(selector: (state: SettingsState) => T): T {
  return useStore(useStores().settings, selector);
}

/** Selects from the printers slice. */
export function usePrinters<T>(selector: (state: PrintersState) => T): T {
  return useStore(useStores().printers, selector);
}

/** Selects from the projectors slice (« TNI »). */
export function useProjectors<T>(selector: (state: ProjectorsState) => T): T {
  return useStore(useStores().projectors, selector);
}

/** Selects from the machines slice (« Postes »). */
export function useMachines<T>(selector: (state: MachinesState) => T): T {
  return useStore(useStores().machines, selector);
}

/** Selects from the reports slice (« Rapports »). */
export function useReports<T>(selector: (state: ReportsState) => T): T {
  return useStore(useStores().reports, selector);
}

/** Selects from the file servers slice (« Serveur »). */
export function useServers<T>(selector: (state: ServersState) => T): T {
  return useStore(useStores().servers, selector);
}

/** Selects from the UI preferences slice. */
export function useUi<T>(selector: (state: UiState) => T): T {
  return useStore(useStores().ui, selector);
}

/** Selects from the exports/imports slice. */
export function useTransfer<T>(selector: (state: TransferState) => T): T {
  return useStore(useStores().transfer, selector);
}
