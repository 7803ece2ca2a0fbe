import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkTarget,
  writeDataAtomically,
  writeFileAtomically,
  writeFolderAtomically,
} from '../../../electron/engine/export/atomic-write';
import { InputError } from '../../../electron/engine/errors';

const folder = () => mkdtempSync(join(tmpdir(), 'parc-atomic-'));
const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

describe('writeFileAtomically', () => {
  it('a failure mid-write leaves no file at the path and no temporary file', async () => {
    const dir = folder();
    const path = join(dir, 'inventaire.xlsx');
    await expect(
      writeFileAtomically(path, async (temp) => {
        await writeFile(temp, 'half a workbook');
        throw enospc();
      }),
    ).rejects.toThrow(`Cannot write ${path}: the disk is full. Nothing was written there.`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a failure when replacing keeps the old file whole', async () => {
    const dir = folder();
    const path = join(dir, 'inventaire.csv');
    writeFileSync(path, 'old complete file');
    await expect(
      writeFileAtomically(path, async (temp) => {
        await writeFile(temp, 'new but');
        throw new Error('crash');
      }),
    ).rejects.toThrow('crash');
    expect(readFileSync(path, 'utf8')).toBe('old complete file');
    expect(readdirSync(dir)).toEqual(['inventaire.csv']);
  });

  it('writes and replaces', async () => {
    const dir = folder();
    const path = join(dir, 'a.json');
    await writeDataAtomically(path, '1');
    await writeDataAtomically(path, '2');
    expect(readFileSync(path, 'utf8')).toBe('2');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });
});

describe('writeFolderAtomically', () => {
  it('creates the folder whole, or not at all', async () => {
    const dir = folder();
    const ok = await writeFolderAtomically(join(dir, 'glpi'), [
      { name: '1-a.json', data: '{}' },
      { name: '2-b.json', data: '{}' },
    ]);
    expect(ok).toEqual([join(dir, 'glpi', '1-a.json'), join(dir, 'glpi', '2-b.json')]);
    // The second file collides with the first: the write fails midway.
    await expect(
      writeFolderAtomically(join(dir, 'broken'), [
        { name: 'x.json', data: '{}' },
        { name: 'x.json', data: '{}' },
      ]),
    ).rejects.toThrow(`Cannot write ${join(dir, 'broken')}`);
    expect(readdirSync(dir)).toEqual(['glpi']);
  });

  it('into an existing folder, replaces same-named files and leaves the others', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'printer.csv'), 'old');
    writeFileSync(join(dir, 'mine.txt'), 'keep');
    await writeFolderAtomically(dir, [{ name: 'printer.csv', data: 'new' }]);
    expect(readdirSync(dir).sort()).toEqual(['mine.txt', 'printer.csv']);
    expect(readFileSync(join(dir, 'printer.csv'), 'utf8')).toBe('new');
  });
});

describe('checkTarget', () => {
  it('refuses, as bad input, a missing folder, an existing file or a non-empty folder without force', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'x.csv'), '');
    mkdirSync(join(dir, 'full'));
    writeFileSync(join(dir, 'full', 'a'), '');
    mkdirSync(join(dir, 'empty'));
    const cases: [string, 'file' | 'folder', boolean, string | null][] = [
      [join(dir, 'nope', 'x.csv'), 'file', false, 'does not exist'],
      [join(dir, 'x.csv'), 'file', false, 'already exists: use --force'],
      [join(dir, 'x.csv'), 'file', true, null],
      [join(dir, 'full'), 'file', true, 'is a folder'],
      [join(dir, 'x.csv'), 'folder', true, 'is a file'],
      [join(dir, 'full'), 'folder', false, 'is not empty: use --force'],
      [join(dir, 'full'), 'folder', true, null],
      [join(dir, 'empty'), 'folder', false, null],
      [join(dir, 'new'), 'folder', false, null],
    ];
    for (const [path, kind, force, message] of cases) {
      const result = checkTarget(path, kind, force);
      if (message === null) await expect(result).resolves.toBeUndefined();
      else {
        await expect(result).rejects.toBeInstanceOf(InputError);
        await expect(checkTarget(path, kind, force)).rejects.toThrow(message);
      }
    }
  });
});
