/**
 * The engine's public shape: what `createEngine()` returns. The CLI, Electron main and the
 * loopback bridge all drive Parc through this interface only.
 */
import type { Credential } from '../../shared/domain/credentials';
import type { Device, DeviceEdit, DeviceListInput } from '../../shared/domain/device';
import type {
  ExportOptions,
  ExportResult,
  RoomImportPlan,
  RoomImportResult,
} from '../../shared/domain/export';
import type { ScanProgress, ScanRequest, ScanResult, ScanSummary } from '../../shared/domain/scan';
import type { Settings, SettingsPatch } from '../../shared/domain/settings';
import type { InventoryImportResult, SelfInventory } from '../../shared/domain/inventory';
import type { StartupNotice } from '../../shared/domain/notices';
import type { InventoryImportOutcome } from './db/repositories/inventories-repo';
import type { ReportsService } from './reports/service';
import type { GlpiConnector } from './reports/glpi-connector';
import type { ProjectorSummary } from '../../shared/domain/projector-summary';
import type { PrinterHistory, PrinterSummary, SupplyToOrder } from '../../shared/domain/printer';
import type { CredentialSummary, DeviceSummary, SuggestedRange } from '../../shared/ipc/contract';
import type {
  ServerConfig,
  ServerHistory,
  ServerPollResult,
  ServerSaveInput,
  ServerStatus,
} from '../../shared/domain/server';

/** A running scan: its id, a promise of its result, and a way to stop it. */
export interface ScanHandle {
  readonly scanId: number;
  /** Resolves when the scan ends (done or cancelled); rejects only on an internal failure. */
  readonly done: Promise<ScanResult>;
  cancel(): void;
}

export interface ScanCallbacks {
  onProgress?: (progress: ScanProgress) => void;
  signal?: AbortSignal;
}

export interface Engine {
  /** What Parc repaired when it started (damaged database set aside, damaged settings), for a banner. */
  notices(): StartupNotice[];
  scan: {
    /**
     * Checks the request (rejects with `InputError` before a single packet is sent: malformed
     * target, too many addresses, public addresses, unknown host name), then starts the scan and
     * resolves with its handle. Only one scan runs at a time: a second start rejects with `BusyError`.
     */
    start(request: ScanRequest, callbacks?: ScanCallbacks): Promise<ScanHandle>;
    /** The running scan's progress, or null. */
    running(): ScanProgress | null;
    /** The last finished scan, or null. */
    last(): ScanSummary | null;
    cancel(scanId: number): boolean;
  };
  inventory: {
    list(input?: DeviceListInput): Device[];
    /** The devices table's rows (fewer fields than `list`), optionally of one type, sorted by IP. */
    listSummaries(input?: DeviceListInput): DeviceSummary[];
    /** One device, everything known about it; throws `NotFoundError` for an unknown id. */
    get(id: number): Device;
    /** Updates room and notes; throws `NotFoundError` for an unknown id. */
    update(edit: DeviceEdit): Device;
  };
  credentials: {
    /** The stored credentials (for the UI): secrets themselves stay in the engine. */
    list(): CredentialSummary[];
    /** The stored credentials with their secrets, in order, for a scan started from the UI. */
    secrets(): Credential[];
    add(credential: Credential): CredentialSummary[];
    remove(id: number): CredentialSummary[];
    move(id: number, direction: 'up' | 'down'): CredentialSummary[];
  };
  inventories: {
    /**
     * Collects this PC's self-inventory with systeminformation (each section bounded in time;
     * a section that fails or hangs is null and listed in `incomplete`).
     */
    collectSelf(): Promise<SelfInventory>;
    /**
     * Merges the self-inventories (`*.json`) of a folder into the inventory by serial, MAC or host
     * name; a file already imported (same bytes) is skipped. @throws InputError when the folder cannot be read.
     */
    importFolder(folder: string): Promise<InventoryImportResult>;
    /**
     * Stores one self-inventory (e.g. of the PC running Parc) like an imported file, with the
     * interactive boards plugged into it by USB. @returns what happened to the inventory.
     */
    record(doc: SelfInventory): InventoryImportOutcome;
  };
  /**
   * Health reports to the regional hub (issue 6): preview, make (into the outbox), push, the
   * outbox, the hub secrets (write-only), and the daily schedule (`startSchedule` returns its stop).
   */
  reports: ReportsService & {
    /** The GLPI connector: the inventory as GLPI documents, through the same outbox. */
    glpi: GlpiConnector;
    startSchedule(): () => void;
  };
  projectors: {
    /** Every projector and interactive panel with its last reading and alerts (alerts first). */
    list(): ProjectorSummary[];
    /**
     * Re-reads with PJLink every projector and panel known to answer it (no sweep), trying
     * `passwords` in order when one asks. Rejects with `BusyError` during a scan or another poll.
     */
    poll(options?: {
      signal?: AbortSignal;
      passwords?: string[];
      timeoutMs?: number;
      portOffset?: number;
    }): Promise<{ read: number; failed: number }>;
    /** Sets a device's rated lamp life in hours (null: the model table's or default figure); throws `NotFoundError`. */
    setRatedLampHours(deviceId: number, hours: number | null): ProjectorSummary;
  };
  printers: {
    /** Every printer of the inventory with its last reading, and the supplies to order (most urgent first). */
    list(): { printers: PrinterSummary[]; toOrder: SupplyToOrder[] };
    /**
     * Re-reads every known printer (no discovery sweep) with `credentials` (default: the stored
     * ones, else the default community). Rejects with `BusyError` during a scan or another poll;
     * a scan started during a poll is refused the same way.
     */
    poll(options?: {
      signal?: AbortSignal;
      credentials?: Credential[];
    }): Promise<{ polled: number; failed: number }>;
    /** Records that the TOS agent replaced a supply; throws `NotFoundError` for an unknown printer. */
    replace(deviceId: number, supplyKey: string): void;
    /**
     * A printer's supply levels, replacements and page counter over the last `days` days
     * (default 90, at most 365), at most 500 points per series; throws `NotFoundError` for an unknown printer.
     */
    history(deviceId: number, days?: number): PrinterHistory;
  };
  /**
   * The watched file servers (issue 5): config (the SMB password write-only), polls, status with
   * alerts and forecasts, series for charts, and the collection schedule (`startSchedule` returns its stop).
   */
  servers: {
    /** Every watched server, by name (no password). */
    list(): ServerConfig[];
    /** Adds (no id) or replaces (id) a server; throws `InputError`, `NotFoundError`. */
    save(input: ServerSaveInput): ServerConfig;
    /** Stops watching a server and forgets its history; throws `NotFoundError`. */
    remove(id: number): void;
    /** Collects one server or all now (polls never overlap); rejects with `NotFoundError` for an unknown id. */
    poll(id?: number): Promise<ServerPollResult>;
    /** One server's status; throws `NotFoundError`. */
    status(id: number): ServerStatus;
    /** Every server's status, by name. */
    statuses(): ServerStatus[];
    /** A server's series over `days` days (default 7, at most 1830); throws `NotFoundError`. */
    history(id: number, days?: number): ServerHistory;
    /** Collects every `serverPollMinutes` while the app runs. @returns stops it. */
    startSchedule(): () => void;
  };
  settings: {
    get(): Settings;
    set(patch: SettingsPatch): Settings;
  };
  network: {
    /** This PC's own IPv4 subnets, as scan suggestions (never scanned by themselves). */
    suggest(): Promise<SuggestedRange[]>;
  };
  exports: {
    /**
     * Writes the inventory to `path` as `format` (csv, xlsx, json, glpi): atomically, never over
     * an existing file without `force`, never with a credential.
     * @returns the absolute paths written and the number of devices exported.
     * Rejects with `InputError` on bad input (format, type, folder, existing file), else `Error`.
     */
    write(format: string, path: string, options?: ExportOptions): Promise<ExportResult>;
  };
  imports: {
    /** What importing the rooms sheet `file` (.csv, .xlsx) would change; changes nothing. */
    planRooms(file: string): Promise<RoomImportPlan>;
    /** Applies a plan in one transaction; fields edited since the plan are reported, not overwritten. */
    applyRooms(plan: RoomImportPlan): RoomImportResult;
  };
  close(): void;
}
