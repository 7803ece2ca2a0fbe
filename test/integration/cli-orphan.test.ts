/**
 * `bin/parc.js` may run the CLI in a child Node (for DES): killing `parc` with SIGKILL must not
 * leave that child writing the database on its own.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const PARC = resolve(__dirname, '../../bin/parc.js');
const running = (marker: string) =>
  execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(marker)).length;

describe.skipIf(process.platform === 'win32')('parc killed with SIGKILL (POSIX only: it reads `ps`)', () => {
  it('leaves no child process behind', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'parc-orphan-')), 'parc.db');
    // Silent loopback addresses: the scan waits on timeouts, long enough to be killed mid-way.
    const parent = spawn(process.execPath, [PARC, 'scan', '127.66.9.0/28', '--timeout', '3000', '--db', db], {
      stdio: 'ignore',
    });
    // bin/parc.js and the child it started with --openssl-legacy-provider.
    await expect.poll(() => running(db), { timeout: 10_000 }).toBe(2);
    parent.kill('SIGKILL');
    await expect.poll(() => running(db), { timeout: 5_000 }).toBe(0);
  }, 30_000);
});
