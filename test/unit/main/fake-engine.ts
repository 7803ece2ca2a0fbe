/** A fake `Engine` for handler, main and bridge tests: plain data, spies, and a controllable scan. */
import type { OutboxItem } from '../../../shared/domain/outbox';
import { vi } from 'vitest';
import type { Credential } from '../../../shared/domain/credentials';
import type { Device } from '../../../shared/domain/device';
import type { ScanProgress, ScanRequest, ScanResult, ScanSummary } from '../../../shared/domain/scan';
import type { PrinterHistory } from '../../../shared/domain/printer';
import { SETTINGS_DEFAULTS, type Settings } from '../../../shared/domain/settings';
import type {
  ServerConfig,
  ServerHistory,
  ServerPollResult,
  ServerStatus,
} from '../../../shared/domain/server';
import type { ScanCallbacks, Engine } from '../../../electron/engine/types';
import { NotFoundError } from '../../../electron/engine/errors';
import { DeviceSummary } from '../../../shared/ipc/contract';
import type {
  ExportOptions,
  ExportResult,
  RoomImportPlan,
  RoomImportResult,
} from '../../../shared/domain/export';

export const DEVICE: Device = {
  id: 7,
  ip: '10.0.0.7',
  type: 'printer',
  vendor: 'Acme',
  model: 'LaserJet 1',
  serial: 'SN123',
  mac: 'aa:bb:cc:dd:ee:ff',
  sysName: 'imp-cdi',
  sysDescr: 'Acme printer',
  sysObjectID: '1.3.6.1.4.1.99999.1',
  sysLocation: 'CDI',
  sysContact: null,
  firmware: '1.0',
  uptimeSeconds: 3600,
  firstSeen: '2026-01-01T00:00:00.000Z',
  lastSeen: '2026-01-02T00:00:00.000Z',
  missing: false,
  room: 'B12',
  notes: null,
  assetTag: null,
  hostName: null,
  workgroup: null,
  os: null,
  openPorts: [],
  sources: ['snmp'],
  inventoriedAt: null,
};

export const SUMMARY: ScanSummary = {
  id: 42,
  targets: ['10.0.0.0/30'],
  status: 'done',
  startedAt: '2026-01-02T00:00:00.000Z',
  finishedAt: '2026-01-02T00:00:05.000Z',
  addressCount: 4,
  respondedCount: 1,
  newCount: 1,
  updatedCount: 0,
  missingCount: 0,
  problems: [],
};

export const SETTINGS: Settings = {
  ...SETTINGS_DEFAULTS,
  targets: [],
  timeoutMs: 700,
  retries: 2,
  concurrency: 16,
  port: 1161,
};

export const CREDENTIAL = {
  id: 1,
  label: 'v2c community #1',
  kind: 'community' as const,
  version: '2c' as const,
  user: null,
  authProtocol: null,
  privProtocol: null,
};

/** Lets a test drive one scan: progress, then resolve or reject `done`. */
export interface ScanControl {
  request?: ScanRequest;
  callbacks?: ScanCallbacks;
  finish(result?: ScanResult): void;
  crash(error: Error): void;
}

export function createFakeEngine(options: { secrets?: Credential[] } = {}) {
  let settings: Settings = { ...SETTINGS };
  const scan: ScanControl = { finish: () => undefined, crash: () => undefined };
  const engine = {
    scan: {
      start: vi.fn(async (request: ScanRequest, callbacks?: ScanCallbacks) => {
        scan.request = request;
        scan.callbacks = callbacks;
        const done = new Promise<ScanResult>((resolve, reject) => {
          scan.finish = (result = { scan: SUMMARY, devices: [DEVICE] }) => resolve(result);
          scan.crash = reject;
        });
        return { scanId: SUMMARY.id, done, cancel: vi.fn() };
      }),
      running: vi.fn((): ScanProgress | null => null),
      last: vi.fn((): ScanSummary | null => SUMMARY),
      cancel: vi.fn((scanId: number) => scanId === SUMMARY.id),
    },
    inventory: {
      list: vi.fn(() => [DEVICE]),
      listSummaries: vi.fn(() => [DeviceSummary.parse(DEVICE)]),
      get: vi.fn((id: number) => {
        if (id !== DEVICE.id) throw new NotFoundError(`No device with id ${id}.`);
        return DEVICE;
      }),
      update: vi.fn((edit: { id: number; room?: string | null }) => ({ ...DEVICE, ...edit })),
    },
    credentials: {
      list: vi.fn(() => [CREDENTIAL]),
      secrets: vi.fn((): Credential[] => options.secrets ?? []),
      add: vi.fn(() => [CREDENTIAL]),
      remove: vi.fn(() => []),
      move: vi.fn(() => [CREDENTIAL]),
    },
    inventories: {
      collectSelf: vi.fn(async () => {
        throw new Error('not in this fake');
      }),
      importFolder: vi.fn(async () => {
        throw new Error('not in this fake');
      }),
      record: vi.fn(() => 'created' as const),
    },
    notices: vi.fn(() => []),
    reports: {
      preview: vi.fn(() => {
        throw new Error('not in this fake');
      }),
      make: vi.fn(() => {
        throw new Error('not in this fake');
      }),
      enqueue: vi.fn(() => {
        throw new Error('not in this fake');
      }),
      checkHub: vi.fn(),
      push: vi.fn(async () => ({ sent: 0, rejected: 0, pending: 0 })),
      flushDue: vi.fn(async () => ({ sent: 0, rejected: 0, pending: 0 })),
      lastMadeAt: vi.fn(() => null),
      outbox: vi.fn((): OutboxItem[] => []),
      requeue: vi.fn(() => false),
      secrets: { set: vi.fn(), isSet: vi.fn(() => false) },
      startSchedule: vi.fn(() => () => undefined),
      glpi: {
        enqueueInventory: vi.fn(() => 0),
        push: vi.fn(async () => ({ sent: 0, rejected: 0, pending: 0 })),
        flushDue: vi.fn(async () => ({ sent: 0, rejected: 0, pending: 0 })),
        lastQueuedAt: vi.fn(() => null),
        outbox: vi.fn(() => []),
        requeue: vi.fn(() => false),
      },
    },
    projectors: {
      list: vi.fn(() => []),
      poll: vi.fn(async () => ({ read: 0, failed: 0 })),
      setRatedLampHours: vi.fn(() => {
        throw new Error('not in this fake');
      }),
    },
    printers: {
      list: vi.fn(() => ({ printers: [], toOrder: [] })),
      poll: vi.fn(async () => ({ polled: 0, failed: 0 })),
      replace: vi.fn(),
      history: vi.fn((): PrinterHistory => ({ supplies: [], pages: [] })),
    },
    servers: {
      list: vi.fn((): ServerConfig[] => []),
      save: vi.fn((): ServerConfig => {
        throw new Error('not in this fake');
      }),
      remove: vi.fn(),
      poll: vi.fn(async (): Promise<ServerPollResult> => ({ polled: 0, failed: 0, failures: [] })),
      status: vi.fn((): ServerStatus => {
        throw new Error('not in this fake');
      }),
      statuses: vi.fn((): ServerStatus[] => []),
      history: vi.fn((): ServerHistory => {
        throw new Error('not in this fake');
      }),
      startSchedule: vi.fn(() => () => undefined),
    },
    settings: {
      get: vi.fn(() => settings),
      set: vi.fn((patch: Partial<Settings>) => {
        settings = { ...settings, ...patch };
        return settings;
      }),
    },
    network: {
      suggest: vi.fn(async () => [{ cidr: '192.168.1.0/24', interfaceName: 'eth0', addressCount: 254 }]),
    },
    exports: {
      write: vi.fn(
        async (_format: string, _path: string, _options?: ExportOptions): Promise<ExportResult> => ({
          files: [],
          devices: 0,
        }),
      ),
    },
    imports: {
      planRooms: vi.fn(async (file: string): Promise<RoomImportPlan> => ({
        file,
        columns: [],
        rowCount: 0,
        matched: [],
        unmatched: [],
        ambiguous: [],
      })),
      applyRooms: vi.fn((_plan: RoomImportPlan): RoomImportResult => ({
        devicesChanged: 0,
        fieldsChanged: 0,
        conflicts: [],
      })),
    },
    close: vi.fn(),
  } satisfies Engine;
  return { engine, scan };
}
