/**
 * The IPC contract (`shared/ipc/contract.ts`) bound to the engine. Every command handler parses
 * its raw input with the contract's zod schema, calls the engine, checks the output against the
 * contract and answers a `Result`: errors cross the boundary as values, never as exceptions.
 * Events are checked against the contract here too, before they are sent: the renderer trusts
 * what crosses IPC or the bridge, and builds no schema of its own at startup.
 * Electron main (over `ipcMain`) and the loopback bridge (over HTTP) share these handlers.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { ZodError, type z } from 'zod';
import { DEFAULT_CREDENTIALS } from '../../shared/domain/credentials';
import type { ScanRequest } from '../../shared/domain/scan';
import type { HubSecretName } from '../../shared/domain/outbox';
import { HUB_SECRET_NAMES } from '../../shared/domain/vocabulary';
import { COMMAND_CHANNELS, type CommandChannel, type EventChannel } from '../../shared/ipc/channels';
import {
  commands,
  events,
  type CommandOutput,
  type Commands,
  type EventPayload,
} from '../../shared/ipc/contract';
import { fail, ok, type Result } from '../../shared/ipc/result';
import { BusyError, InputError, NotFoundError, StorageError } from '../engine/errors';
import type { Engine } from '../engine/types';

/** Sends one contract event to whoever listens (the window, or the bridge's SSE clients). */
export type EmitEvent = <E extends EventChannel>(event: E, payload: EventPayload<E>) => void;

/** One command: raw (untrusted) input in, `Result` out. Never rejects. */
export type CommandHandler<C extends CommandChannel> = (
  rawInput: unknown,
) => Promise<Result<CommandOutput<C>>>;

/** A handler for every command channel of the contract. */
export type CommandHandlers = { readonly [C in CommandChannel]: CommandHandler<C> };

/** Where handler failures are reported. Receives error details, never inputs or secrets. */
export interface HandlerLogger {
  error(message: string, detail?: unknown): void;
}

/** The input of a command once parsed (defaults applied). */
export type ParsedInput<C extends CommandChannel> = z.output<Commands[C]['input']>;

type Implementations = {
  readonly [C in CommandChannel]: (input: ParsedInput<C>) => CommandOutput<C> | Promise<CommandOutput<C>>;
};

const GENERIC_FAILURE = 'The operation failed; see the log for details.';

/**
 * Builds the command handlers over an engine.
 * @param engine the engine every command is delegated to.
 * @param emit receives `scan:progress` while a scan started here runs, then one `scan:finished`;
 *   a payload that breaks the contract is logged and not sent.
 * @param logger gets the detail of unexpected failures (default: `console`).
 * @returns one handler per channel of `COMMAND_CHANNELS`; each resolves to
 *   `{ ok: true, value }`, or `{ ok: false, error }` with code `invalid-input` (zod or `InputError`),
 *   `not-found`, `busy`, or `failed` (anything else, with a generic message).
 */
export function createCommandHandlers(
  engine: Engine,
  emit: EmitEvent,
  logger: HandlerLogger = console,
): CommandHandlers {
  const emitChecked = checkedEmitter(emit, logger);
  const implementations: Implementations = {
    'inventory:list': (input) => engine.inventory.list(input),
    'inventory:listSummaries': (input) => engine.inventory.listSummaries(input),
    'inventory:get': ({ id }) => engine.inventory.get(id),
    'inventory:update': (input) => engine.inventory.update(input),
    'scan:start': (input) => startScan(engine, emitChecked, logger, input),
    'scan:cancel': ({ scanId }) => ({ cancelled: engine.scan.cancel(scanId) }),
    'scan:status': () => ({ running: engine.scan.running(), last: engine.scan.last() }),
    'network:suggest': () => engine.network.suggest(),
    'credentials:list': () => engine.credentials.list(),
    'credentials:add': (input) => engine.credentials.add(input),
    'credentials:remove': ({ id }) => engine.credentials.remove(id),
    'credentials:move': ({ id, direction }) => engine.credentials.move(id, direction),
    'printers:list': () => engine.printers.list(),
    'printers:poll': () => engine.printers.poll(),
    'printers:replace': ({ deviceId, supplyKey }) => {
      engine.printers.replace(deviceId, supplyKey);
      return { recorded: true as const };
    },
    'printers:history': ({ deviceId, days }) => engine.printers.history(deviceId, days),
    'projectors:list': () => engine.projectors.list(),
    'projectors:poll': () => engine.projectors.poll(),
    'projectors:rated': ({ deviceId, ratedLampHours }) =>
      engine.projectors.setRatedLampHours(deviceId, ratedLampHours),
    'servers:list': () => engine.servers.list(),
    'servers:save': (input) => engine.servers.save(input),
    'servers:remove': ({ id }) => {
      engine.servers.remove(id);
      return engine.servers.list();
    },
    'servers:poll': ({ id }) => engine.servers.poll(id),
    'servers:status': ({ id }) =>
      id === undefined ? engine.servers.statuses() : [engine.servers.status(id)],
    'servers:history': ({ id, days }) => engine.servers.history(id, days),
    'inventories:import': ({ folder }) => engine.inventories.importFolder(folder),
    'reports:preview': () => engine.reports.preview(),
    'reports:send': async ({ report }) => {
      // Exactly what the referent previewed goes into the outbox (once: a second click after fixing
      // the hub settings sends it, not a refusal), then everything pending is sent.
      engine.reports.checkHub();
      if (!engine.reports.outbox().some((item) => item.id === report.id))
        engine.reports.enqueue({ id: report.id, body: report });
      return engine.reports.push();
    },
    'reports:outbox': () => engine.reports.outbox(),
    'reports:retry': ({ id }) => ({ requeued: engine.reports.requeue(id) }),
    'reports:secrets': () => hubSecretsStatus(engine),
    'reports:setSecret': ({ name, value }) => {
      engine.reports.secrets.set(name, value);
      return hubSecretsStatus(engine);
    },
    'app:notices': () => engine.notices(),
    'settings:get': () => engine.settings.get(),
    'settings:set': (input) => engine.settings.set(input),
    'export:save': () => {
      // Only Electron main can ask where to save (export-dialog.ts replaces this handler there).
      throw new InputError(
        'export:save needs the desktop app; in the browser, download the export from /api/export.',
      );
    },
    'import:plan': (input) => planRoomsImport(engine, input),
    'import:apply': ({ plan }) => engine.imports.applyRooms(plan),
  };

  const entries = COMMAND_CHANNELS.map((channel) => [
    channel,
    bindHandler(channel, implementations[channel] as Implementations[typeof channel], logger),
  ]);
  return Object.freeze(Object.fromEntries(entries)) as CommandHandlers;
}

/**
 * Wraps one implementation as a contract handler: input parsed with the channel's schema,
 * output checked, every failure a `Result` (see `toFailure`). For handlers built outside
 * `createCommandHandlers` (e.g. `export:save` with Electron's dialog).
 */
export function bindHandler<C extends CommandChannel>(
  channel: C,
  implementation: Implementations[C],
  logger: HandlerLogger = console,
): CommandHandler<C> {
  const { input: inputSchema, output: outputSchema } = commands[channel];
  return async (rawInput) => {
    let input: ParsedInput<C>;
    try {
      input = inputSchema.parse(rawInput) as ParsedInput<C>;
    } catch (error) {
      return toFailure(channel, error, logger);
    }
    try {
      const value = await implementation(input);
      // Parsing the output strips anything the contract does not list (a secret, an internal field).
      return ok(outputSchema.parse(value) as CommandOutput<C>);
    } catch (error) {
      // A ZodError here is the engine breaking the contract, not bad input: never 'invalid-input'.
      return error instanceof ZodError
        ? toFailure(channel, new Error(error.message), logger)
        : toFailure(channel, error, logger);
    }
  };
}

/**
 * Maps a thrown value to a failed `Result`.
 * @returns `invalid-input` for a `ZodError` (issue paths and messages only, never the values) or an
 *   `InputError`; `not-found` / `busy` for the engine's errors (their messages); `failed` otherwise.
 */
export function toFailure(channel: string, error: unknown, logger: HandlerLogger): Result<never> {
  if (error instanceof ZodError) return fail('invalid-input', describeZodError(error));
  if (error instanceof InputError) {
    return fail(error.code, error.message, { reason: error.reason, params: error.params });
  }
  if (error instanceof NotFoundError || error instanceof BusyError || error instanceof StorageError)
    return fail(error.code, error.message);
  logger.error(
    `[ipc] ${channel} failed`,
    error instanceof Error ? (error.stack ?? error.message) : String(error),
  );
  return fail('failed', GENERIC_FAILURE);
}

function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * `import:plan`: the sheet's bytes go to a private temporary folder (0700, file 0600) under the
 * OS temp folder, with the same extension, for `engine.imports.planRooms`; the folder is removed
 * whatever happens. The plan names the file as the user chose it, not the temporary path.
 */
async function planRoomsImport(
  engine: Engine,
  input: ParsedInput<'import:plan'>,
): Promise<CommandOutput<'import:plan'>> {
  const fileName = basename(input.fileName.replace(/\\/g, '/'));
  const folder = await mkdtemp(join(tmpdir(), 'parc-import-'));
  try {
    const path = join(folder, `rooms${extname(fileName).toLowerCase()}`);
    await writeFile(path, Buffer.from(input.contentBase64, 'base64'), { mode: 0o600, flag: 'wx' });
    const plan = await engine.imports.planRooms(path);
    return { ...plan, file: fileName };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function startScan(
  engine: Engine,
  emit: EmitEvent,
  logger: HandlerLogger,
  input: ParsedInput<'scan:start'>,
): Promise<CommandOutput<'scan:start'>> {
  const settings = engine.settings.get();
  const secrets = engine.credentials.secrets();
  const request: ScanRequest = {
    targets: input.targets,
    credentials: secrets.length > 0 ? secrets : [...DEFAULT_CREDENTIALS],
    port: settings.port,
    timeoutMs: settings.timeoutMs,
    retries: settings.retries,
    concurrency: settings.concurrency,
    force: input.force,
    allowPublic: input.allowPublic,
  };
  // `await` accepts both a handle and a promise of one.
  const handle = await engine.scan.start(request, {
    onProgress: (progress) => emit('scan:progress', progress),
  });

  // The engine accepted the targets: remember them as typed, for the next session.
  try {
    engine.settings.set({ targets: input.targets });
  } catch (error) {
    toFailure('scan:start (saving targets)', error, logger);
  }

  handle.done
    .then(
      (result) => emit('scan:finished', result.scan),
      (error: unknown) => {
        toFailure('scan:start (scan)', error, logger);
        // The engine records failed scans; tell the UI when it did, so it never waits forever.
        const last = engine.scan.last();
        if (last?.id === handle.scanId) emit('scan:finished', last);
      },
    )
    // At quit the database may already be closed: nothing left to tell anyone.
    .catch((error: unknown) => toFailure('scan:start (after the scan)', error, logger));
  return { scanId: handle.scanId };
}

/** `emit` for payloads that parse with the contract's event schema; others are logged, not sent. */
function checkedEmitter(emit: EmitEvent, logger: HandlerLogger): EmitEvent {
  return (event, payload) => {
    const parsed = events[event].safeParse(payload);
    if (parsed.success) emit(event, parsed.data as typeof payload);
    else logger.error(`Event ${event} breaks the contract: not sent.`, parsed.error.issues);
  };
}

/** Whether each hub secret is set (never its value). */
function hubSecretsStatus(engine: Engine): Record<HubSecretName, boolean> {
  return Object.fromEntries(
    HUB_SECRET_NAMES.map((name) => [name, engine.reports.secrets.isSet(name)]),
  ) as Record<HubSecretName, boolean>;
}

/** The part of an `IpcMainInvokeEvent` the sender check reads. */
export interface IpcSenderEvent {
  readonly senderFrame?: { readonly url: string } | null;
}

/** What `registerIpcHandlers` needs from `ipcMain`: Electron's own object and test fakes both fit. */
export interface IpcLike {
  handle(channel: string, listener: (event: IpcSenderEvent, input: unknown) => Promise<unknown>): void;
}

/** Decides whether an IPC message comes from Parc's own renderer (see `security.ts`). */
export type SenderCheck = (event: IpcSenderEvent) => boolean;

/**
 * Registers one `ipc.handle` per command channel. A message from an untrusted sender (another
 * origin, a destroyed frame) gets `{ ok: false, error: { code: 'failed' } }` and reaches no handler.
 * @param logger gets the URL of refused senders (default: `console`).
 */
export function registerIpcHandlers(
  ipc: IpcLike,
  handlers: CommandHandlers,
  isTrustedSender: SenderCheck,
  logger: HandlerLogger = console,
): void {
  for (const channel of COMMAND_CHANNELS) {
    const handler: CommandHandler<CommandChannel> = handlers[channel];
    ipc.handle(channel, async (event, input) => {
      if (!isTrustedSender(event)) {
        logger.error(`[ipc] ${channel} refused: untrusted sender ${describeSender(event)}`);
        return fail('failed', 'Refused: this window is not allowed to call Parc.');
      }
      return handler(input);
    });
  }
}

function describeSender(event: IpcSenderEvent): string {
  const url = event.senderFrame?.url;
  if (!url) return '(no frame)';
  try {
    const parsed = new URL(url);
    // Origin and path only: a query or fragment could carry a token.
    return parsed.protocol === 'file:' ? `file://${parsed.pathname}` : `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(malformed URL)';
  }
}
