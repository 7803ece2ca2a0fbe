/**
 * The `parc` command line, as a function (`runCli`) so tests drive it without a process.
 * Exit status: 0 success, 2 bad input (one-line reason on stderr), 1 failure.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { version as PARC_VERSION } from '../../package.json';
import type { DeviceType } from '../../shared/domain/device';
import { DEVICE_TYPES } from '../../shared/domain/vocabulary';
import { SCAN_DEFAULTS } from '../../shared/domain/scan';
import { DEFAULT_TCP_PORTS } from '../../shared/domain/agentless';
import { registerProjectorCommands } from './projector-commands';
import { registerServerCommands } from './server-commands';
import { registerInventoryCommands } from './inventory-commands';
import { registerReportCommands } from './report-commands';
import { registerHubCommands } from './hub-commands';
import { registerSettingsCommands } from './settings-commands';
import { registerDbCommands } from './db-commands';
import { DEFAULT_CREDENTIALS } from '../../shared/domain/credentials';
import { createEngine, type EngineOptions } from '../engine';
import { InputError } from '../engine/errors';
import { createLogger } from '../engine/log';
import { defaultDatabasePath } from '../engine/paths';
import type { Engine } from '../engine/types';
import { credentialsFromArgs } from './credentials-args';
import { registerExportCommands } from './export-commands';
import { formatDeviceTable, formatPrinters, formatProgress, formatSummary } from './format';

/** Where the CLI writes, and what it may be given instead of the real world (tests). */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Extra engine options (session factory, resolver…); `dbPath` comes from `--db`. */
  engineOptions?: Omit<EngineOptions, 'dbPath'>;
  /** Called with the running scan's cancel function, so a signal handler can stop it. */
  onScanStarted?: (cancel: () => void) => void;
  /** Environment variables (`PARC_COMMUNITY`). */
  env?: NodeJS.ProcessEnv;
  /** `parc ui`: starts the bridge and resolves when it should stop. */
  startUi?: (engine: Engine, port: number) => Promise<void>;
}

/** A whole-number option within [min, max]. */
const int = (name: string, min: number, max: number) => (value: string) => {
  const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) throw new InputError(`${name} takes a whole number from ${min} to ${max}.`);
  return n;
};
const collect = (value: string, previous: string[] = []) => [...previous, value];
const dbOption = () =>
  new Option('--db <file>', 'database file (default: the user data folder)').argParser((value: string) => {
    if (value.trim() === '') throw new InputError('--db needs a file name.');
    return value;
  });
/** A comma-separated list of secrets from the environment, so they stay off the command line and out of logs. */
export const envList = (env: NodeJS.ProcessEnv, name: 'PARC_COMMUNITY' | 'PARC_PJLINK_PASSWORD') =>
  (env[name] ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
const envCommunities = (env: NodeJS.ProcessEnv) => envList(env, 'PARC_COMMUNITY');
/** `--tcp-ports 22,80,443`: whole numbers from 1 to 65535. */
const portList = (value: string) => value.split(',').map((part) => int('--tcp-ports', 1, 65535)(part.trim()));

/** The SNMP credential options, shared by `scan` and `poll`. */
const withCredentialOptions = (command: Command) =>
  command
    .option('-c, --community <community>', 'SNMP v2c/v1 community, tried in order (repeatable)', collect)
    .option('--v3-user <user>', 'SNMPv3 user name')
    .option('--v3-auth <proto:key>', 'SNMPv3 authentication: md5|sha|sha256:KEY')
    .option('--v3-priv <proto:key>', 'SNMPv3 privacy: aes|des:KEY');

/**
 * Runs one `parc` command line.
 * @param argv the arguments after `parc` (e.g. `['scan', '10.0.0.0/24', '-c', 'public']`).
 * @returns the exit status.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let status = 0;
  /** Opens the engine on `--db` (or the user's database); read-only commands refuse a missing file. */
  const openEngine = (db?: string, options: { mustExist?: boolean } = {}) => {
    const dbPath = db ? resolve(db) : defaultDatabasePath();
    if (options.mustExist && db && !existsSync(dbPath)) {
      throw new InputError(`No Parc database at ${dbPath}: scan first, or check --db.`);
    }
    return createEngine({
      logger: createLogger((line) => io.stderr(line + '\n'), 'warn'),
      ...io.engineOptions,
      dbPath,
    });
  };

  const program = new Command('parc')
    .description('Parc: inventory and monitoring of a lycée network')
    .version(PARC_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError(false);

  /** The credentials to use: those given (options, PARC_COMMUNITY), else those saved in the app, else public. */
  const chooseCredentials = (opts: Record<string, string | string[] | undefined>, engine: Engine) => {
    const given = credentialsFromArgs({
      community: [...((opts.community as string[] | undefined) ?? []), ...envCommunities(io.env ?? {})],
      v3User: opts.v3User as string | undefined,
      v3Auth: opts.v3Auth as string | undefined,
      v3Priv: opts.v3Priv as string | undefined,
    });
    if (given.length > 0) return given;
    const stored = engine.credentials.secrets();
    return stored.length > 0 ? stored : [...DEFAULT_CREDENTIALS];
  };

  withCredentialOptions(
    program
      .command('scan')
      .description('scan addresses, ranges, networks or host names with SNMP and store the devices found')
      .argument('<target...>', 'CIDR (10.1.0.0/24), range (10.1.0.10-10.1.0.50), address or host name'),
  )
    .option('--port <n>', 'SNMP UDP port', int('--port', 1, 65535), SCAN_DEFAULTS.port)
    .option(
      '--timeout <ms>',
      'timeout of one request, milliseconds',
      int('--timeout', 50, 60_000),
      SCAN_DEFAULTS.timeoutMs,
    )
    .option('--retries <n>', 'retries after a timeout', int('--retries', 0, 10), SCAN_DEFAULTS.retries)
    .option(
      '--concurrency <n>',
      'addresses probed at once (and answering hosts read at once)',
      int('--concurrency', 1, 1024),
      SCAN_DEFAULTS.concurrency,
    )
    .option('--no-agentless', 'SNMP only: no TCP, NetBIOS, DNS, ARP or PJLink probes for hosts without SNMP')
    .option(
      '--tcp-ports <list>',
      `TCP ports knocked on for hosts without SNMP (default ${DEFAULT_TCP_PORTS.join(',')})`,
      portList,
    )
    .option('--json', 'print one JSON document {scan, devices} instead of a table')
    .option('--force', 'allow more than 65,536 addresses')
    .option('--allow-public', 'allow addresses outside private, loopback, link-local and CGNAT space')
    .addOption(dbOption())
    .action(async (targets: string[], opts) => {
      credentialsFromArgs({ v3User: opts.v3User, v3Auth: opts.v3Auth, v3Priv: opts.v3Priv }); // bad input: before opening
      const engine = openEngine(opts.db);
      try {
        const credentials = chooseCredentials(opts, engine);
        const handle = await engine.scan.start(
          {
            targets,
            credentials,
            port: opts.port,
            timeoutMs: opts.timeout,
            retries: opts.retries,
            concurrency: opts.concurrency,
            force: Boolean(opts.force),
            allowPublic: Boolean(opts.allowPublic),
            agentless: opts.agentless !== false,
            tcpPorts: opts.tcpPorts,
            pjlinkPasswords: envList(io.env ?? process.env, 'PARC_PJLINK_PASSWORD'),
          },
          { onProgress: (p) => io.stderr(formatProgress(p) + '\n') },
        );
        io.onScanStarted?.(handle.cancel);
        const result = await handle.done;
        io.stderr(formatSummary(result.scan));
        const scanned = new Set(
          result.devices.filter((d) => !d.missing && d.lastSeen >= result.scan.startedAt),
        );
        if (opts.json)
          io.stdout(JSON.stringify({ scan: result.scan, devices: [...scanned] }, null, 2) + '\n');
        else io.stdout(formatDeviceTable([...scanned]));
        if (result.scan.status === 'cancelled') status = 1;
      } finally {
        engine.close();
      }
    });

  program
    .command('devices')
    .description('list the stored inventory')
    .addOption(new Option('--type <type>', 'only this type').choices(DEVICE_TYPES))
    .option('--json', 'print JSON {devices: [...]} instead of a table')
    .addOption(dbOption())
    .action((opts: { type?: DeviceType; json?: boolean; db?: string }) => {
      const engine = openEngine(opts.db, { mustExist: true });
      try {
        const devices = engine.inventory.list({ type: opts.type });
        if (opts.json) io.stdout(JSON.stringify({ devices }, null, 2) + '\n');
        else io.stdout(formatDeviceTable(devices));
      } finally {
        engine.close();
      }
    });

  program
    .command('printers')
    .description('list the printers with their supplies, trays and state as last read')
    .option('--json', 'print JSON {printers: [...], toOrder: [...]} instead of a table')
    .addOption(dbOption())
    .action((opts: { json?: boolean; db?: string }) => {
      const engine = openEngine(opts.db, { mustExist: true });
      try {
        const { printers, toOrder } = engine.printers.list();
        if (opts.json) io.stdout(JSON.stringify({ printers, toOrder }, null, 2) + '\n');
        else io.stdout(formatPrinters(printers));
      } finally {
        engine.close();
      }
    });

  withCredentialOptions(
    program
      .command('poll')
      .description(
        're-read the known printers without a discovery sweep (credentials given, else saved in the app, else public)',
      ),
  )
    .addOption(new Option('--type <type>', 'what to re-read').choices(['printer']).default('printer'))
    .addOption(dbOption())
    .action(async (opts) => {
      credentialsFromArgs({ v3User: opts.v3User, v3Auth: opts.v3Auth, v3Priv: opts.v3Priv });
      const engine = openEngine(opts.db, { mustExist: true });
      try {
        const { polled, failed } = await engine.printers.poll({
          credentials: chooseCredentials(opts, engine),
        });
        io.stderr(`poll: ${polled} printers read, ${failed} did not answer\n`);
        if (failed > 0 && polled === 0) status = 1;
      } finally {
        engine.close();
      }
    });

  program
    .command('ui')
    .description('serve the Parc window on http://127.0.0.1 for a browser (development and tests)')
    .option('--port <n>', 'port on 127.0.0.1 (0 = any free port)', int('--port', 0, 65535), 0)
    .addOption(dbOption())
    .action(async (opts: { port: number; db?: string }) => {
      if (!io.startUi) throw new Error('parc ui is not available here');
      const engine = openEngine(opts.db);
      try {
        await io.startUi(engine, opts.port);
      } finally {
        engine.close();
      }
    });

  registerExportCommands(program, { io, openEngine, dbOption });
  registerProjectorCommands(program, { io, openEngine, dbOption });
  registerServerCommands(program, { io, openEngine, dbOption });
  // After the export commands: it adds `inventories` to their `import` group.
  registerInventoryCommands(program, { io, openEngine, dbOption });
  registerReportCommands(program, { io, openEngine, dbOption });
  registerHubCommands(program, { io });
  registerSettingsCommands(program, { io, openEngine, dbOption });
  registerDbCommands(program, { io, dbOption });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return status;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; usage mistakes are bad input (2).
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof InputError) {
      io.stderr(`parc: ${error.message}\n`);
      return 2;
    }
    io.stderr(`parc: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
