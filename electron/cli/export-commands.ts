/**
 * `parc export` and `parc import rooms`: the inventory to a file without any network, and the
 * referent's rooms, asset tags and notes back from a sheet. Bad input exits 2 (see run.ts).
 */
import { resolve } from 'node:path';
import { type Command, type Option } from 'commander';
import type { DeviceType } from '../../shared/domain/device';
import { DEVICE_TYPES, EXPORT_FORMATS } from '../../shared/domain/vocabulary';
import type { RoomImportPlan, RowRef } from '../../shared/domain/export';
import { InputError } from '../engine/errors';
import type { Engine } from '../engine/types';
import type { CliIo } from './run';

/** What the commands need from run.ts. */
export interface ExportCommandsContext {
  io: CliIo;
  openEngine: (db?: string, options?: { mustExist?: boolean }) => Engine;
  dbOption: () => Option;
}

const collectType = (value: string, previous: DeviceType[] = []): DeviceType[] => {
  if (!(DEVICE_TYPES as readonly string[]).includes(value)) {
    throw new InputError(`Unknown device type "${value}": use ${DEVICE_TYPES.join(', ')}.`);
  }
  return [...previous, value as DeviceType];
};

const where = (row: RowRef) => (row.sheet ? `${row.sheet} line ${row.line}` : `line ${row.line}`);
const shown = (value: string | null) => (value === null ? '(empty)' : JSON.stringify(value));

/** A plan as lines for people: counts, then each change, unmatched and ambiguous row. */
export function formatPlan(plan: RoomImportPlan): string {
  const changed = plan.matched.filter((m) => m.changes.length > 0);
  const lines = [
    `${plan.file}: ${plan.rowCount} rows, ${plan.matched.length} matched (${changed.length} with changes), ` +
      `${plan.unmatched.length} unmatched, ${plan.ambiguous.length} ambiguous`,
  ];
  for (const m of changed) {
    for (const c of m.changes) {
      lines.push(
        `  change  ${where(m.row)}: ${m.device} (by ${m.matchedBy}) ${c.field} ${shown(c.from)} → ${shown(c.to)}`,
      );
    }
  }
  for (const u of plan.unmatched) lines.push(`  unmatched  ${where(u.row)}: ${u.reason}`);
  for (const a of plan.ambiguous)
    lines.push(`  ambiguous  ${where(a.row)}: ${a.reason} (devices ${a.deviceIds.join(', ')})`);
  return lines.join('\n') + '\n';
}

/** Adds `export` and `import rooms` to the program. */
export function registerExportCommands(
  program: Command,
  { io, openEngine, dbOption }: ExportCommandsContext,
): void {
  program
    .command('export')
    .description(
      'write the inventory to a file (csv, xlsx, json) or a folder (glpi, csv --split), without network',
    )
    .requiredOption('--format <format>', `file format: ${EXPORT_FORMATS.join(', ')}`)
    .requiredOption('--out <path>', 'file to write (a folder for glpi and csv --split)')
    .option('--type <type>', 'only this device type (repeatable)', collectType)
    .option('--split', 'csv: one file per device type in the folder --out')
    .option('--force', 'replace an existing file (or the same-named files of a folder)')
    .addOption(dbOption())
    .action(
      async (opts: {
        format: string;
        out: string;
        type?: DeviceType[];
        split?: boolean;
        force?: boolean;
        db?: string;
      }) => {
        if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format)) {
          throw new InputError(`Unknown export format "${opts.format}": use ${EXPORT_FORMATS.join(', ')}.`);
        }
        const engine = openEngine(opts.db, { mustExist: true });
        try {
          const { files, devices } = await engine.exports.write(opts.format, resolve(opts.out), {
            types: opts.type,
            split: Boolean(opts.split),
            force: Boolean(opts.force),
          });
          const target = files.length === 1 ? files[0] : `${files.length} files in ${resolve(opts.out)}`;
          io.stderr(`export: ${devices} devices written as ${opts.format} to ${target}\n`);
        } finally {
          engine.close();
        }
      },
    );

  program
    .command('import')
    .description('import data from a sheet')
    .command('rooms')
    .description(
      'set rooms, asset tags and notes from a .csv or .xlsx sheet (matched by serial, MAC, IP, name)',
    )
    .argument('<file>', 'the sheet (.csv or .xlsx)')
    .option('--apply', 'apply the changes (without it nothing is changed)')
    .option('--json', 'print the plan as JSON instead of text')
    .addOption(dbOption())
    .action(async (file: string, opts: { apply?: boolean; json?: boolean; db?: string }) => {
      const engine = openEngine(opts.db, { mustExist: true });
      try {
        const plan = await engine.imports.planRooms(resolve(file));
        io.stdout(opts.json ? JSON.stringify(plan, null, 2) + '\n' : formatPlan(plan));
        const count = plan.matched.reduce((n, m) => n + m.changes.length, 0);
        if (!opts.apply) {
          io.stderr(`import: nothing changed (${count} changes planned; add --apply to apply them)\n`);
          return;
        }
        const result = engine.imports.applyRooms(plan);
        io.stderr(
          `import: ${result.fieldsChanged} fields changed on ${result.devicesChanged} devices` +
            (result.conflicts.length > 0 ? `, ${result.conflicts.length} skipped (edited meanwhile)` : '') +
            '\n',
        );
      } finally {
        engine.close();
      }
    });
}
