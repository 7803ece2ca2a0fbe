import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  inventoryFileName,
  readInventoryFolder,
  writeInventoryFile,
} from '../../../electron/engine/inventory/files';
import { pcDocument } from './documents';

const tempDir = () => mkdtempSync(join(tmpdir(), 'parc-inv-'));

describe('inventoryFileName', () => {
  it('is <host>-<serial>, else <host>-<first physical MAC>, safe for Windows', () => {
    expect(inventoryFileName(pcDocument(7))).toBe('PC-7-SN00007.json');
    const noSerial = pcDocument(7, {
      system: { ...pcDocument(7).system!, serial: 'To be filled by O.E.M.' },
    });
    expect(inventoryFileName(noSerial)).toBe('PC-7-001b21000007.json');
    expect(inventoryFileName(pcDocument(7, { hostName: 'A:B/C', system: null, network: [] }))).toBe(
      'A_B_C.json',
    );
    expect(inventoryFileName(pcDocument(7, { hostName: null, system: null, network: null }))).toBe(
      'unknown.json',
    );
    expect(inventoryFileName(pcDocument(7, { hostName: 'nul', system: null, network: [] }))).toBe(
      '_nul.json',
    );
    expect(inventoryFileName(pcDocument(7, { hostName: 'COM1. ', system: null, network: [] }))).toBe(
      '_COM1.json',
    );
  });
});

describe('writeInventoryFile', () => {
  it('writes into an existing folder under the document name, with no temporary file left', async () => {
    const dir = tempDir();
    const path = await writeInventoryFile(pcDocument(3), dir);
    expect(path).toBe(join(dir, 'PC-3-SN00003.json'));
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(pcDocument(3));
    expect(readdirSync(dir)).toEqual(['PC-3-SN00003.json']);
  });

  it('writes (and replaces) a file path, and refuses a missing folder in one sentence', async () => {
    const dir = tempDir();
    const target = join(dir, 'moi.json');
    await writeInventoryFile(pcDocument(1), target);
    await writeInventoryFile(pcDocument(2), target);
    expect(JSON.parse(readFileSync(target, 'utf8')).hostName).toBe('PC-2');
    expect(readdirSync(dir)).toEqual(['moi.json']);
    await expect(writeInventoryFile(pcDocument(1), join(dir, 'nope', 'x.json'))).rejects.toThrow(
      `The folder ${join(dir, 'nope')} does not exist.`,
    );
  });

  it('refuses to replace a link, a pipe or a device, and leaves it as it was', async () => {
    const dir = tempDir();
    const real = join(dir, 'real.json');
    writeFileSync(real, 'before');
    symlinkSync(real, join(dir, 'link.json'));
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    for (const name of ['link.json', 'fifo']) {
      await expect(writeInventoryFile(pcDocument(1), join(dir, name))).rejects.toThrow(/not a plain file/);
    }
    await expect(writeInventoryFile(pcDocument(1), '/dev/null')).rejects.toThrow(/not a plain file/);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'fifo')).isFIFO()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('before');
  });
});

describe('readInventoryFolder', () => {
  it('reads *.json files with their sha256, and says why the others are not self-inventories', async () => {
    const dir = tempDir();
    const good = JSON.stringify(pcDocument(1));
    writeFileSync(join(dir, 'a-good.json'), good);
    writeFileSync(join(dir, 'b-bom.JSON'), '\uFEFF' + JSON.stringify(pcDocument(2)));
    writeFileSync(join(dir, 'c-broken.json'), '{"format": "parc-self');
    writeFileSync(join(dir, 'd-other.json'), JSON.stringify({ devices: [] }));
    writeFileSync(join(dir, 'e-future.json'), JSON.stringify({ ...pcDocument(3), version: 2 }));
    writeFileSync(
      join(dir, 'f-bad-field.json'),
      JSON.stringify({ ...pcDocument(4), memory: { totalBytes: -1 } }),
    );
    writeFileSync(join(dir, 'g-huge.json'), Buffer.alloc(5 * 1024 * 1024 + 1, 0x20));
    writeFileSync(join(dir, 'notes.txt'), good);
    writeFileSync(join(dir, '.hidden.json'), good);
    mkdirSync(join(dir, 'sub.json'));

    const files = await readInventoryFolder(dir);
    expect(files.map((f) => f.file)).toEqual([
      'a-good.json',
      'b-bom.JSON',
      'c-broken.json',
      'd-other.json',
      'e-future.json',
      'f-bad-field.json',
      'g-huge.json',
    ]);
    expect(files[0]).toEqual({
      file: 'a-good.json',
      sha256: createHash('sha256').update(good).digest('hex'),
      document: pcDocument(1),
    });
    expect(files[1]).toMatchObject({ document: { hostName: 'PC-2' } });
    expect(files.slice(2).map((f) => ('code' in f ? f.code : 'document'))).toEqual([
      'invalid-json',
      'not-self-inventory',
      'unknown-version',
      'invalid',
      'too-big',
    ]);
    expect(files[4]).toMatchObject({
      reason: 'Self-inventory version 2 is unknown to this Parc (it reads version 1).',
    });
    expect(files[5]).toMatchObject({ reason: expect.stringContaining('memory.totalBytes') });
    expect(files[6]).toMatchObject({ sha256: null });
  });

  it('refuses a folder that does not exist', async () => {
    await expect(readInventoryFolder(join(tempDir(), 'missing'))).rejects.toThrow(
      /Cannot read the folder .*: it does not exist\./,
    );
  });
});
