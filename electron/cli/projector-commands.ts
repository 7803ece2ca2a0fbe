/**
 * `parc projectors` (the TNI/VPI list, issue 4), `parc projectors poll` (re-read with PJLink) and
 * `parc projectors rated ID HOURS|default` (a device's rated lamp life).
 * PJLink passwords come from `PARC_PJLINK_PASSWORD` (comma separated), never from the command line.
 */
import type { Command, Option } from 'commander';
import type { Engine } from '../engine/types';
import { InputError } from '../engine/errors';
import { formatProjectors } from './format';
import { envList, type CliIo } from './run';

export interface ProjectorCommandsContext {
  io: CliIo;
  openEngine: (db?: string, options?: { mustExist?: boolean }) => Engine;
  dbOption: () => Option;
}

/** `HOURS` of `rated`: a whole number of hours from 100 to 100,000, or `default`. */
function ratedHours(value: string): number | null {
  if (value === 'default') return null;
  const hours = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(hours >= 100 && hours <= 100_000))
    throw new InputError('HOURS takes a whole number of hours from 100 to 100000, or "default".');
  return hours;
}

/** `--db` given before or after the subcommand (`parc projectors --db F poll` or `… poll --db F`). */
const dbOf = (command: Command): string | undefined => (command.optsWithGlobals() as { db?: string }).db;

/** Adds the `projectors` command and its subcommands to `program`. */
export function registerProjectorCommands(
  program: Command,
  { io, openEngine, dbOption }: ProjectorCommandsContext,
): void {
  const projectors = program
    .command('projectors')
    .description(
      'list the projectors and interactive panels (TNI/VPI) with lamps, filters, errors and alerts',
    )
    .option('--json', 'print JSON {projectors: [...]} instead of a table')
    .addOption(dbOption())
    .action((opts: { json?: boolean; db?: string }) => {
      const engine = openEngine(opts.db, { mustExist: true });
      try {
        const list = engine.projectors.list();
        io.stdout(opts.json ? JSON.stringify({ projectors: list }, null, 2) + '\n' : formatProjectors(list));
      } finally {
        engine.close();
      }
    });

  projectors
    .command('poll')
    .description('re-read the projectors known to answer PJLink (passwords from PARC_PJLINK_PASSWORD)')
    .addOption(dbOption())
    .action(async (_opts: unknown, command: Command) => {
      const engine = openEngine(dbOf(command), { mustExist: true });
      try {
        const { read, failed } = await engine.projectors.poll({
          passwords: envList(io.env ?? process.env, 'PARC_PJLINK_PASSWORD'),
        });
        io.stderr(`poll: ${read} projectors read, ${failed} did not answer\n`);
      } finally {
        engine.close();
      }
    });

  projectors
    .command('rated')
    .description("set a projector's rated lamp life in hours, or back to the model's figure with 'default'")
    .argument('<id>', 'device id (see parc projectors --json)')
    .argument('<hours>', 'rated lamp life in hours, or default')
    .addOption(dbOption())
    .action((id: string, hours: string, _opts: unknown, command: Command) => {
      const deviceId = /^\d{1,9}$/.test(id) ? Number(id) : NaN;
      if (Number.isNaN(deviceId)) throw new InputError('ID takes a device id (a whole number).');
      const rated = ratedHours(hours);
      const engine = openEngine(dbOf(command), { mustExist: true });
      try {
        io.stdout(formatProjectors([engine.projectors.setRatedLampHours(deviceId, rated)]));
      } finally {
        engine.close();
      }
    });
}
