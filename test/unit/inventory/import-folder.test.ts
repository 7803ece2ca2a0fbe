import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/engine/db/database';
import { createDevicesRepo } from '../../../electron/engine/db/repositories/devices-repo';
import { createInventoriesRepo } from '../../../electron/engine/db/repositories/inventories-repo';
import { writeInventoryFile } from '../../../electron/engine/inventory/files';
import { importInventoryFolder } from '../../../electron/engine/inventory/import-folder';
import { pcDocument } from './documents';

const tempDir = () => mkdtempSync(join(tmpdir(), 'parc-inv-folder-'));

describe('importInventoryFolder', () => {
  it('200 PCs imported twice make 200 devices; 20 changed files then update exactly those 20', async () => {
    const dir = tempDir();
    const db = openDatabase(join(tempDir(), 'parc.db'));
    const repo = createInventoriesRepo(db);
    const devices = createDevicesRepo(db);
    for (let i = 1; i <= 200; i++) await writeInventoryFile(pcDocument(i), dir);

    const first = await importInventoryFolder(dir, repo, '2026-03-03T10:00:00.000Z');
    expect(first).toEqual({
      files: 200,
      imported: 200,
      created: 200,
      updated: 0,
      unchanged: 0,
      skippedAlreadyImported: 0,
      invalid: [],
      unmatched: [],
    });
    const second = await importInventoryFolder(dir, repo, '2026-03-03T11:00:00.000Z');
    expect(second).toMatchObject({
      files: 200,
      imported: 0,
      created: 0,
      updated: 0,
      skippedAlreadyImported: 200,
    });
    expect(devices.list()).toHaveLength(200);

    // A week later, 20 PCs (every tenth) ran the collector again: their files are replaced.
    const changed = Array.from({ length: 20 }, (_, k) => 10 * (k + 1));
    for (const i of changed) {
      await writeInventoryFile(
        pcDocument(i, { collectedAt: '2026-03-09T08:00:00.000Z', memory: { totalBytes: 34_359_738_368 } }),
        dir,
      );
    }
    const third = await importInventoryFolder(dir, repo, '2026-03-09T12:00:00.000Z');
    expect(third).toMatchObject({
      files: 200,
      imported: 20,
      created: 0,
      updated: 20,
      unchanged: 0,
      skippedAlreadyImported: 180,
    });
    const list = devices.list();
    expect(list).toHaveLength(200);
    const updated = list.filter((d) => d.inventoriedAt === '2026-03-09T08:00:00.000Z').map((d) => d.hostName);
    expect(updated.sort()).toEqual(changed.map((i) => `PC-${i}`).sort());
    const pc10 = list.find((d) => d.hostName === 'PC-10')!;
    expect(repo.get(pc10.id)?.memory?.totalBytes).toBe(34_359_738_368);
    db.close();
  });

  it('reports invalid and unmatched files, and an old copy beside a newer one as unchanged', async () => {
    const dir = tempDir();
    const repo = createInventoriesRepo(openDatabase(':memory:'));
    await writeInventoryFile(
      pcDocument(1, { collectedAt: '2026-03-09T08:00:00.000Z' }),
      join(dir, 'a-new.json'),
    );
    await writeInventoryFile(pcDocument(1), join(dir, 'b-old.json'));
    await writeInventoryFile(
      pcDocument(2, { hostName: null, system: null, network: [] }),
      join(dir, 'c-anon.json'),
    );
    writeFileSync(join(dir, 'd-broken.json'), 'not json');

    const result = await importInventoryFolder(dir, repo, '2026-03-10T00:00:00.000Z');
    expect(result).toEqual({
      files: 4,
      imported: 2,
      created: 1,
      updated: 0,
      unchanged: 1,
      skippedAlreadyImported: 0,
      invalid: [{ file: 'd-broken.json', code: 'invalid-json', reason: 'Not valid JSON.' }],
      unmatched: [{ file: 'c-anon.json', hostName: null }],
    });
    // Unmatched and invalid files are not recorded: the next import reports them again.
    rmSync(join(dir, 'a-new.json'));
    const again = await importInventoryFolder(dir, repo, '2026-03-11T00:00:00.000Z');
    expect(again).toMatchObject({
      files: 3,
      skippedAlreadyImported: 1,
      invalid: [{ file: 'd-broken.json' }],
      unmatched: [{ file: 'c-anon.json' }],
    });
  });
});
