/**
 * `parc hub serve` and `parc hub list`: the reference hub receiving health reports (issue 6
 * part 4), on 127.0.0.1 by default. The accepted token and secret come from PARC_HUB_TOKEN /
 * PARC_HUB_SECRET or a schools file, never from the command line.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../engine/errors';
import {
  HubSchoolsFile,
  openHubStore,
  schoolsFromEnv,
  startHub,
  type HubSchool,
  type ReferenceHub,
} from '../engine/hub';
import { createLogger } from '../engine/log';
import { defaultDataDir } from '../engine/paths';
import type { CliIo } from './run';

export interface HubCommandsContext {
  io: CliIo;
  /** Resolves when `hub serve` should stop (default: SIGINT or SIGTERM). */
  untilStopped?: (hub: ReferenceHub) => Promise<void>;
}

/** The hub's default database: `hub.db` in Parc's data folder. */
export const defaultHubDbPath = () => join(defaultDataDir(), 'hub.db');

const port = (value: string) => {
  const n = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= 65535)) throw new InputError('--port takes a whole number from 0 to 65535.');
  return n;
};

const readFile = (path: string, what: string) => {
  try {
    return readFileSync(resolve(path));
  } catch (error) {
    throw new InputError(`Cannot read the ${what} ${path}: ${(error as Error).message}`);
  }
};

/** The schools: from `--schools FILE` (JSON [{name?, token, secret}]) or the environment. */
function loadSchools(file: string | undefined, env: NodeJS.ProcessEnv): HubSchool[] {
  if (file === undefined) {
    const schools = schoolsFromEnv(env);
    if (schools.length === 0) {
      throw new InputError(
        'Set PARC_HUB_TOKEN and PARC_HUB_SECRET (at least 8 characters each), or give --schools FILE.',
      );
    }
    return schools;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFile(file, 'schools file').toString('utf8'));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`The schools file ${file} is not JSON.`);
  }
  const parsed = HubSchoolsFile.safeParse(json);
  // Only the paths of the issues: the file holds secrets.
  if (!parsed.success) {
    throw new InputError(
      `The schools file ${file} must be a JSON array of {name?, token, secret} (8+ characters): check ${parsed.error.issues
        .map((i) => i.path.join('.') || '(root)')
        .join(', ')}.`,
    );
  }
  return parsed.data;
}

const waitForSignal = () =>
  new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });

/** Adds `hub serve` and `hub list` to `program`. */
export function registerHubCommands(program: Command, { io, untilStopped }: HubCommandsContext): void {
  const hub = program
    .command('hub')
    .description('the reference hub that receives health reports (tests, trials)');

  hub
    .command('serve')
    .description('receive reports on http://127.0.0.1:PORT/api/reports (PARC_HUB_TOKEN / PARC_HUB_SECRET)')
    .option('--port <n>', 'TCP port (0 = any free port)', port, 8787)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--db <file>', 'the hub database (default: hub.db in the Parc data folder)')
    .option('--schools <file>', 'JSON file [{name, token, secret}] instead of the environment')
    .option('--cert <file>', 'PEM certificate: serve https (with --key)')
    .option('--key <file>', 'PEM private key of --cert')
    .action(
      async (opts: {
        port: number;
        host: string;
        db?: string;
        schools?: string;
        cert?: string;
        key?: string;
      }) => {
        if (Boolean(opts.cert) !== Boolean(opts.key)) throw new InputError('--cert and --key go together.');
        const schools = loadSchools(opts.schools, io.env ?? process.env);
        const tls =
          opts.cert && opts.key
            ? { cert: readFile(opts.cert, 'certificate'), key: readFile(opts.key, 'key') }
            : undefined;
        const running = await startHub({
          port: opts.port,
          host: opts.host,
          dbPath: opts.db ? resolve(opts.db) : defaultHubDbPath(),
          schools,
          tls,
          logger: createLogger((line) => io.stderr(line + '\n'), 'info'),
        });
        io.stdout(`The hub receives reports on ${running.url}/api/reports (Ctrl-C to stop)\n`);
        try {
          await (untilStopped ?? waitForSignal)(running);
        } finally {
          await running.close();
        }
      },
    );

  hub
    .command('list')
    .description('list the reports the hub received')
    .option('--json', 'print JSON {reports: [...]} with the report bodies')
    .option('--db <file>', 'the hub database (default: hub.db in the Parc data folder)')
    .action((opts: { json?: boolean; db?: string }) => {
      const store = openHubStore(opts.db ? resolve(opts.db) : defaultHubDbPath());
      try {
        const reports = store.list();
        if (opts.json) {
          io.stdout(JSON.stringify({ reports }, null, 2) + '\n');
          return;
        }
        io.stdout(
          reports.length === 0
            ? 'No report received.\n'
            : reports.map((r) => `${r.receivedAt}  ${r.uai}  ${r.school}  ${r.id}`).join('\n') + '\n',
        );
      } finally {
        store.close();
      }
    });
}
