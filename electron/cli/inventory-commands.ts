/**
 * `parc inventory --self` (what is inside this PC, for a logon script) and
 * `parc import inventories FOLDER` (a folder of such files into the inventory).
 * Bad input exits 2 (see run.ts).
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, type Option } from 'commander';
import { version as PARC_VERSION } from '../../package.json';
import { describeOs, type InventoryImportResult, type SelfInventory } from '../../shared/domain/inventory';
import { InputError } from '../engine/errors';
import { writeInventoryFile } from '../engine/inventory/files';
import {
  collectSelfInventory,
  SELF_INVENTORY_TIMEOUT_MS,
  type CollectOptions,
} from '../engine/inventory/self';
import type { Engine } from '../engine/types';
import { printable } from './format';
import type { CliIo } from './run';

/** What the commands need from run.ts. */
export interface InventoryCommandsContext {
  io: CliIo;
  /** Opens the engine on `--db` (created when missing: an import may be the first thing Parc learns). */
  openEngine: (db?: string) => Engine;
  dbOption: () => Option;
  /** The collector (tests pass one with a fake systeminformation). Default: `collectSelfInventory`. */
  collect?: (options: CollectOptions) => Promise<SelfInventory>;
}

/** Bytes as `476.9 Go` (binary gigabytes, French unit first as the UI does). */
const gigabytes = (bytes: number | null) => (bytes === null ? '?' : `${(bytes / 1024 ** 3).toFixed(1)} Go`);
const known = (...values: (string | number | null | undefined)[]) =>
  values.filter((v) => v !== null && v !== undefined && v !== '').join(' ');

/** A self-inventory as a few lines for people, French first (`Libellé / Label : value`). */
export function formatSelfInventory(doc: SelfInventory): string {
  const line = (label: string, value: string) => `${label.padEnd(28)} : ${printable(value || '?')}`;
  const s = doc.system;
  const boards = (doc.usb ?? []).filter((u) => u.interactiveBoard !== null);
  const lines = [
    line('Poste / Computer', doc.hostName ?? '?'),
    line(
      'Machine',
      known(s?.manufacturer, s?.model) + (s?.serial ? ` — n° de série / serial ${s.serial}` : ''),
    ),
    line('Système / OS', known(describeOs(doc.os), doc.os?.arch ? `(${doc.os.arch})` : null)),
    line(
      'Processeur / CPU',
      doc.cpu
        ? known(doc.cpu.brand, doc.cpu.cores ? `— ${doc.cpu.cores} cœurs logiques / threads` : null) +
            (doc.cpu.speedGHz ? `, ${doc.cpu.speedGHz} GHz` : '')
        : '',
    ),
    line('Mémoire / Memory', doc.memory ? gigabytes(doc.memory.totalBytes) : ''),
    line(
      'Disques / Disks',
      (doc.disks ?? [])
        .map((d) => known(d.name, gigabytes(d.sizeBytes), d.interfaceType && `(${d.interfaceType})`))
        .join(', ') || (doc.disks ? 'aucun / none' : ''),
    ),
    line(
      'Volumes',
      (doc.volumes ?? [])
        .map((v) => `${v.mount} ${gigabytes(v.sizeBytes)}, ${gigabytes(v.usedBytes)} utilisés / used`)
        .join(' ; ') || (doc.volumes ? 'aucun / none' : ''),
    ),
    line(
      'Réseau / Network',
      (doc.network ?? [])
        .filter((n) => !n.virtual)
        .map((n) => known(n.iface, n.mac, n.ipv4))
        .join(' ; ') || (doc.network ? 'aucun / none' : ''),
    ),
    line(
      'Écrans / Displays',
      (doc.displays ?? [])
        .map((d) =>
          known(
            d.vendor,
            d.model,
            d.resolutionX && d.resolutionY ? `${d.resolutionX}×${d.resolutionY}` : null,
          ),
        )
        .join(' ; ') || (doc.displays ? 'aucun / none' : ''),
    ),
    line(
      'USB',
      doc.usb
        ? `${doc.usb.length} périphériques / devices` +
            (boards.length > 0
              ? ` ; TNI / interactive board : ${boards.map((b) => known(b.interactiveBoard?.vendor, b.interactiveBoard?.model)).join(', ')}`
              : '')
        : '',
    ),
    line(
      'Batterie / Battery',
      doc.battery
        ? doc.battery.present
          ? known(
              doc.battery.healthPercent !== null ? `santé / health ${doc.battery.healthPercent} %` : null,
              doc.battery.cycleCount !== null ? `, ${doc.battery.cycleCount} cycles` : null,
            ) || 'présente / present'
          : 'aucune / none'
        : '',
    ),
    line('Démarré le / Last boot', doc.lastBoot ?? ''),
  ];
  if (doc.incomplete.length > 0) {
    lines.push(
      line(
        'Incomplet / Incomplete',
        `${doc.incomplete.join(', ')} (délai dépassé ou erreur / timeout or error)`,
      ),
    );
  }
  return lines.join('\n') + '\n';
}

/** An import result as lines for people: counts, then each invalid and unmatched file. */
export function formatImportResult(folder: string, r: InventoryImportResult): string {
  const lines = [
    `${folder}: ${r.files} fichiers / files — ${r.created} nouveaux / new, ${r.updated} mis à jour / updated, ` +
      `${r.unchanged} inchangés / unchanged, ${r.skippedAlreadyImported} déjà importés / already imported, ` +
      `${r.invalid.length} invalides / invalid, ${r.unmatched.length} non rattachés / unmatched`,
    ...r.invalid.map((i) => `  invalide / invalid  ${printable(i.file)}: ${printable(i.reason)}`),
    ...r.unmatched.map(
      (u) =>
        `  non rattaché / unmatched  ${printable(u.file)}: ` +
        (u.hostName
          ? `several devices are named ${printable(u.hostName)} and the file has no serial or MAC`
          : 'no serial, MAC or host name'),
    ),
  ];
  return lines.join('\n') + '\n';
}

/** A whole number of milliseconds within [min, max]. */
const milliseconds = (value: string) => {
  const n = /^\d{1,7}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 100 && n <= 600_000)) throw new InputError('--timeout takes a whole number from 100 to 600000.');
  return n;
};

/**
 * Adds `inventory --self` and `import inventories` to the program. `import` is the command group
 * that `registerExportCommands` declares (call this after it); it is created when missing.
 */
export function registerInventoryCommands(
  program: Command,
  { io, openEngine, dbOption, collect = collectSelfInventory }: InventoryCommandsContext,
): void {
  const now = () => io.engineOptions?.now?.() ?? new Date().toISOString();

  program
    .command('inventory')
    .description('record what is inside this PC (self-inventory) — needs --self')
    .option('--self', 'inventory the PC this command runs on')
    .option('--json', 'print the JSON document instead of a summary')
    .option(
      '--out <path>',
      'write the JSON document to this file, or into this folder as <host>-<serial or MAC>.json',
    )
    .option(
      '--timeout <ms>',
      'bound of each hardware query, milliseconds',
      milliseconds,
      SELF_INVENTORY_TIMEOUT_MS,
    )
    .option('--save', "also store it in this PC's Parc inventory (with the boards plugged in by USB)")
    .addOption(dbOption())
    .action(
      async (opts: {
        self?: boolean;
        json?: boolean;
        out?: string;
        timeout: number;
        save?: boolean;
        db?: string;
      }) => {
        if (!opts.self)
          throw new InputError('parc inventory needs --self (it inventories the PC it runs on).');
        if (opts.out !== undefined && opts.out.trim() === '')
          throw new InputError('--out needs a file or folder name.');
        const doc = await collect({ timeoutMs: opts.timeout, now, parcVersion: PARC_VERSION });
        if (opts.json) io.stdout(JSON.stringify(doc, null, 2) + '\n');
        else io.stdout(formatSelfInventory(doc));
        if (opts.out !== undefined) {
          const path = await writeInventoryFile(doc, resolve(opts.out));
          io.stderr(`inventaire écrit dans / inventory written to ${path}\n`);
        }
        if (opts.save) {
          const engine = openEngine(opts.db);
          try {
            io.stderr(`inventaire enregistré / inventory stored: ${engine.inventories.record(doc)}\n`);
          } finally {
            engine.close();
          }
        }
      },
    );

  const group =
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('import data from a sheet or a folder');
  group
    .command('inventories')
    .description('add or update the PCs of a folder of self-inventories (*.json from parc inventory --self)')
    .argument('<folder>', 'the folder (not its subfolders)')
    .option('--json', 'print the result as JSON instead of text')
    .addOption(dbOption())
    .action(async (folder: string, opts: { json?: boolean; db?: string }) => {
      if (folder.trim() === '') throw new InputError('parc import inventories needs a folder name.');
      const path = resolve(folder);
      if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
        throw new InputError(`The folder ${path} does not exist or is not a folder.`);
      }
      const engine = openEngine(opts.db);
      try {
        const result = await engine.inventories.importFolder(path);
        io.stdout(opts.json ? JSON.stringify(result, null, 2) + '\n' : formatImportResult(path, result));
      } finally {
        engine.close();
      }
    });
}
