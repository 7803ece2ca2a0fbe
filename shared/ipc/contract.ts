import { InventoryImportResult } from '../domain/inventory';
import { StartupNotice } from '../domain/notices';
import { FlushResult, HubSecretName, OutboxItem } from '../domain/outbox';
import { HealthReport } from '../domain/report';
import { ProjectorRatedLife, ProjectorSummary } from '../domain/projector-summary';
import { z } from 'zod';
import { Credential, V3AuthProtocol, V3PrivProtocol } from '../domain/credentials';
import { Device, DeviceEdit, DeviceListInput, DeviceType } from '../domain/device';
import { ExportFormat, ExportResult, RoomImportPlan, RoomImportResult } from '../domain/export';
import { PrinterHistory, PrinterHistoryInput, PrinterSummary, SupplyToOrder } from '../domain/printer';
import { ScanProgress, ScanSummary } from '../domain/scan';
import { Settings, SettingsPatch } from '../domain/settings';
import {
  ServerConfig,
  ServerHistory,
  ServerHistoryInput,
  ServerPollResult,
  ServerSaveInput,
  ServerStatus,
} from '../domain/server';
import { MAX_IMPORT_BYTES } from './bridge-protocol';
import type { CommandChannel, EventChannel } from './channels';
import type { Result } from './result';

/**
 * A stored credential as the UI sees it: what kind it is and its position, never the secret.
 * The UI words it (`label` is an English description for logs and the CLI).
 */
export const CredentialSummary = z.object({
  id: z.number().int(),
  label: z.string(),
  kind: z.enum(['community', 'v3']),
  /** `1`, `2c` or `3`. */
  version: z.enum(['1', '2c', '3']),
  /** SNMPv3 user name (not a secret), else null. */
  user: z.string().nullable(),
  authProtocol: V3AuthProtocol.nullable(),
  privProtocol: V3PrivProtocol.nullable(),
});
export type CredentialSummary = z.infer<typeof CredentialSummary>;

/**
 * One row of the « Réseau » devices table: the fields its columns show, search and sort on, and
 * that the other screens pick devices with (servers, rooms import), one row per device. No
 * sysDescr, no notes, no network facts: the detail panel asks for the whole `Device`
 * (`inventory:get`) when a device is opened. Parsing a `Device` with it keeps only these fields.
 */
export const DeviceSummary = Device.pick({
  id: true,
  ip: true,
  type: true,
  vendor: true,
  model: true,
  serial: true,
  mac: true,
  sysName: true,
  hostName: true,
  room: true,
  lastSeen: true,
  missing: true,
});
export type DeviceSummary = z.infer<typeof DeviceSummary>;

/** `scan:start` from the UI: the stored credentials are used, in their order. */
export const ScanStartInput = z.object({
  targets: z.array(z.string().min(1)).min(1),
  force: z.boolean().default(false),
  allowPublic: z.boolean().default(false),
});

/** A subnet of this PC, suggested as a scan target (never scanned without a click). */
export const SuggestedRange = z.object({
  cidr: z.string(),
  interfaceName: z.string(),
  addressCount: z.number(),
});
export type SuggestedRange = z.infer<typeof SuggestedRange>;

/**
 * `export:save` (desktop app only): the export the referent chose. Main asks where to write it
 * (a save dialog; a folder for GLPI and split CSV) and never takes a path from the renderer.
 */
export const ExportSaveInput = z.object({
  format: ExportFormat,
  /** Only these types; all when absent or empty. */
  types: z.array(DeviceType).max(DeviceType.options.length).optional(),
  /** CSV only: one file per type, in a folder. */
  split: z.boolean().optional(),
});
export type ExportSaveInput = z.infer<typeof ExportSaveInput>;

/** What `export:save` did: the files written and the devices they hold, or nothing (dialog cancelled). */
export const ExportSaveOutput = z.union([ExportResult, z.object({ cancelled: z.literal(true) })]);
export type ExportSaveOutput = z.infer<typeof ExportSaveOutput>;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const decodedLength = (base64: string) =>
  Math.floor((base64.length * 3) / 4) - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);

/** `import:plan`: a rooms sheet as the renderer read it (name for its extension, bytes as base64). */
export const ImportPlanInput = z.object({
  fileName: z
    .string()
    .min(5)
    .max(255)
    .regex(/\.(csv|xlsx)$/i, 'the file must be a .csv or .xlsx sheet'),
  contentBase64: z
    .string()
    .min(1)
    .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4)
    .regex(BASE64, 'not base64')
    .refine((value) => decodedLength(value) <= MAX_IMPORT_BYTES, 'the file is larger than 700 KB'),
});
export type ImportPlanInput = z.infer<typeof ImportPlanInput>;

/** `inventories:import`: the folder the collectors wrote their self-inventories into (absolute path). */
export const InventoriesImportInput = z.object({ folder: z.string().trim().min(1).max(4096) });
export type InventoriesImportInput = z.infer<typeof InventoriesImportInput>;

const command = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const Empty = z.object({}).default({});
const Id = z.object({ id: z.number().int() });

/** Every command: its input (checked in main and the bridge) and output. */
export const commands = {
  'inventory:list': command(DeviceListInput, z.array(Device)),
  'inventory:listSummaries': command(DeviceListInput, z.array(DeviceSummary)),
  'inventory:get': command(Id, Device),
  'inventory:update': command(DeviceEdit, Device),
  'scan:start': command(ScanStartInput, z.object({ scanId: z.number().int() })),
  'scan:cancel': command(z.object({ scanId: z.number().int() }), z.object({ cancelled: z.boolean() })),
  'scan:status': command(Empty, z.object({ running: ScanProgress.nullable(), last: ScanSummary.nullable() })),
  'network:suggest': command(Empty, z.array(SuggestedRange)),
  'credentials:list': command(Empty, z.array(CredentialSummary)),
  'credentials:add': command(Credential, z.array(CredentialSummary)),
  'credentials:remove': command(Id, z.array(CredentialSummary)),
  'credentials:move': command(
    z.object({ id: z.number().int(), direction: z.enum(['up', 'down']) }),
    z.array(CredentialSummary),
  ),
  'printers:list': command(
    Empty,
    z.object({ printers: z.array(PrinterSummary), toOrder: z.array(SupplyToOrder) }),
  ),
  'printers:poll': command(Empty, z.object({ polled: z.number().int(), failed: z.number().int() })),
  'printers:replace': command(
    z.object({ deviceId: z.number().int(), supplyKey: z.string().max(40) }),
    z.object({ recorded: z.literal(true) }),
  ),
  'printers:history': command(PrinterHistoryInput, PrinterHistory),
  'projectors:list': command(Empty, z.array(ProjectorSummary)),
  'projectors:poll': command(Empty, z.object({ read: z.number().int(), failed: z.number().int() })),
  'projectors:rated': command(ProjectorRatedLife, ProjectorSummary),
  'servers:list': command(Empty, z.array(ServerConfig)),
  'servers:save': command(ServerSaveInput, ServerConfig),
  'servers:remove': command(Id, z.array(ServerConfig)),
  'servers:poll': command(z.object({ id: z.number().int().optional() }).default({}), ServerPollResult),
  'servers:status': command(z.object({ id: z.number().int().optional() }).default({}), z.array(ServerStatus)),
  'servers:history': command(ServerHistoryInput, ServerHistory),
  'inventories:import': command(InventoriesImportInput, InventoryImportResult),
  'reports:preview': command(Empty, HealthReport),
  'reports:send': command(z.object({ report: HealthReport }), FlushResult),
  'reports:outbox': command(Empty, z.array(OutboxItem)),
  'reports:retry': command(z.object({ id: z.string().max(100) }), z.object({ requeued: z.boolean() })),
  'reports:secrets': command(Empty, z.record(HubSecretName, z.boolean())),
  'reports:setSecret': command(
    z.object({ name: HubSecretName, value: z.string().max(4096) }),
    z.record(HubSecretName, z.boolean()),
  ),
  'app:notices': command(Empty, z.array(StartupNotice)),
  'settings:get': command(Empty, Settings),
  'settings:set': command(SettingsPatch, Settings),
  'export:save': command(ExportSaveInput, ExportSaveOutput),
  'import:plan': command(ImportPlanInput, RoomImportPlan),
  'import:apply': command(z.object({ plan: RoomImportPlan }), RoomImportResult),
} satisfies Record<CommandChannel, { input: z.ZodType; output: z.ZodType }>;

/** Every event main sends to the renderer, with its payload. */
export const events = {
  'scan:progress': ScanProgress,
  'scan:finished': ScanSummary,
} satisfies Record<EventChannel, z.ZodType>;

export type Commands = typeof commands;
export type CommandInput<C extends CommandChannel> = z.input<Commands[C]['input']>;
export type CommandOutput<C extends CommandChannel> = z.output<Commands[C]['output']>;
export type EventPayload<E extends EventChannel> = z.output<(typeof events)[E]>;

/** The API the preload exposes as `window.parc`, and the bridge client implements over HTTP. */
export type ParcApi = {
  invoke<C extends CommandChannel>(channel: C, input: CommandInput<C>): Promise<Result<CommandOutput<C>>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
