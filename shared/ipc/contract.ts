import { z } from 'zod';
import { Credential } from '../domain/credentials';
import { Device, DeviceEdit, DeviceListInput } from '../domain/device';
import { ScanProgress, ScanSummary } from '../domain/scan';
import { Settings, SettingsPatch } from '../domain/settings';
import type { CommandChannel, EventChannel } from './channels';
import type { Result } from './result';

/** A stored credential as the UI sees it: an id and a label, never the secret. */
export const CredentialSummary = z.object({ id: z.number().int(), label: z.string() });
export type CredentialSummary = z.infer<typeof CredentialSummary>;

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

const command = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const Empty = z.object({}).default({});
const Id = z.object({ id: z.number().int() });

/** Every command: its input (checked in main and the bridge) and output. */
export const commands = {
  'inventory:list': command(DeviceListInput, z.array(Device)),
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
  'settings:get': command(Empty, Settings),
  'settings:set': command(SettingsPatch, Settings),
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
