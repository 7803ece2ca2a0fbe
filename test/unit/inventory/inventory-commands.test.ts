import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerInventoryCommands } from '../../../electron/cli/inventory-commands';
import { registerExportCommands } from '../../../electron/cli/export-commands';
import { createEngine } from '../../../electron/engine';
import { InputError } from '../../../electron/engine/errors';
import type { SelfInventory } from '../../../shared/domain/inventory';
import { pcDocument } from './documents';

const tempDir = () => mkdtempSync(join(tmpdir(), 'parc-inv-cli-'));

/** The two command groups as run.ts registers them, with a fake collector. */
async function cli(args: string[], doc: SelfInventory = pcDocument(4)) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) };
  const dbOption = () => new Option('--db <file>');
  const program = new Command('parc')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  registerExportCommands(program, {
    io,
    dbOption,
    openEngine: (db) => createEngine({ dbPath: db ?? ':memory:' }),
  });
  const timeouts: (number | undefined)[] = [];
  registerInventoryCommands(program, {
    io,
    openEngine: (db) => createEngine({ dbPath: db ?? ':memory:', now: () => '2026-03-03T10:00:00.000Z' }),
    dbOption,
    collect: async (options) => {
      timeouts.push(options.timeoutMs);
      return { ...doc, parcVersion: options.parcVersion ?? 'none' };
    },
  });
  let error: unknown = null;
  await program.parseAsync(args, { from: 'user' }).catch((e: unknown) => (error = e));
  return { out: out.join(''), err: err.join(''), error, timeouts };
}

describe('parc inventory --self', () => {
  it('--save stores this PC and the board plugged into it by USB', async () => {
    const db = join(tempDir(), 'parc.db');
    const board = {
      vendorId: 0x0d48,
      productId: 0x0004,
      name: 'ACTIVboard',
      manufacturer: 'Promethean',
      interactiveBoard: { vendor: 'Promethean', model: 'ACTIVboard' },
    };
    const r = await cli(['inventory', '--self', '--save', '--db', db], pcDocument(4, { usb: [board] }));
    expect(r.error).toBeNull();
    expect(r.err).toContain('inventory stored: created');
    const engine = createEngine({ dbPath: db });
    const types = engine.inventory.list().map((d) => [d.type, d.hostName, d.sources]);
    engine.close();
    expect(types).toEqual([
      ['computer', 'PC-4', ['self-inventory']],
      ['interactive-display', 'PC-4', ['usb']],
    ]);
  });

  it('prints a French-first summary', async () => {
    const r = await cli(['inventory', '--self']);
    expect(r.error).toBeNull();
    expect(r.out).toContain('Poste / Computer             : PC-4');
    expect(r.out).toContain('Système / OS                 : Windows 11 Pro 10.0.22631 (x64)');
    expect(r.out).toContain('Mémoire / Memory             : 16.0 Go');
    expect(r.timeouts).toEqual([10_000]);
  });

  it('--json --out FOLDER prints the document and writes it as <host>-<serial>.json', async () => {
    const dir = tempDir();
    const r = await cli(['inventory', '--self', '--json', '--out', dir, '--timeout', '2500']);
    expect(JSON.parse(r.out)).toMatchObject({ format: 'parc-self-inventory', hostName: 'PC-4' });
    expect(readdirSync(dir)).toEqual(['PC-4-SN00004.json']);
    expect(JSON.parse(readFileSync(join(dir, 'PC-4-SN00004.json'), 'utf8')).parcVersion).toMatch(
      /^\d+\.\d+\.\d+/,
    );
    expect(r.err).toBe(`inventaire écrit dans / inventory written to ${join(dir, 'PC-4-SN00004.json')}\n`);
    expect(r.timeouts).toEqual([2500]);
  });

  it('without --self, or with a bad --timeout, is bad input', async () => {
    expect((await cli(['inventory'])).error).toBeInstanceOf(InputError);
    expect((await cli(['inventory', '--self', '--timeout', 'soon'])).error).toBeInstanceOf(InputError);
  });
});

describe('parc import inventories', () => {
  it('refuses an empty folder name instead of importing the current folder', async () => {
    const r = await cli(['import', 'inventories', '', '--db', join(tempDir(), 'parc.db')]);
    expect(r.error).toBeInstanceOf(InputError);
    expect((r.error as Error).message).toBe('parc import inventories needs a folder name.');
  });

  it('imports a folder beside `import rooms`, then skips it the second time', async () => {
    const dir = tempDir();
    const db = join(tempDir(), 'parc.db');
    await cli(['inventory', '--self', '--out', dir], pcDocument(1));
    await cli(['inventory', '--self', '--out', dir], pcDocument(2));
    const first = await cli(['import', 'inventories', dir, '--db', db]);
    expect(first.error).toBeNull();
    expect(first.out).toContain('2 fichiers / files — 2 nouveaux / new, 0 mis à jour / updated');
    const second = await cli(['import', 'inventories', dir, '--db', db, '--json']);
    expect(JSON.parse(second.out)).toMatchObject({ files: 2, created: 0, skippedAlreadyImported: 2 });
    const engine = createEngine({ dbPath: db });
    expect(engine.inventory.list().map((d) => d.hostName)).toEqual(['PC-1', 'PC-2']);
    engine.close();
    // `import rooms` is still there.
    const help = await cli(['import', '--help']);
    expect(help.out).toMatch(/rooms[\s\S]*inventories/);
  });

  it('a missing folder is bad input', async () => {
    const r = await cli([
      'import',
      'inventories',
      join(tempDir(), 'missing'),
      '--db',
      join(tempDir(), 'x.db'),
    ]);
    expect(r.error).toBeInstanceOf(InputError);
  });
});
