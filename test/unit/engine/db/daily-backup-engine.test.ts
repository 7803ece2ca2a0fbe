import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../../electron/engine';
import { dailyBackupName } from '../../../../electron/engine/db/backup';
import { createLogger } from '../../../../electron/engine/log';

describe('the app keeps a daily backup', () => {
  it("writes today's backup beside the database once, and none for the CLI's engines", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parc-daily-'));
    const dbPath = join(dir, 'parc.db');
    createEngine({ dbPath }).close();
    expect(existsSync(join(dir, 'backups'))).toBe(false);

    const lines: string[] = [];
    const engine = createEngine({
      dbPath,
      dailyBackup: true,
      logger: createLogger((line) => lines.push(line), 'info'),
    });
    await expect
      .poll(() => lines, { timeout: 5000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('daily backup written')]));
    engine.close();
    expect(readdirSync(join(dir, 'backups'))).toEqual([dailyBackupName(new Date())]);
  });
});
