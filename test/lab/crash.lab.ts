/**
 * Issue 9 on the lab: `parc scan 127.20.0.0/24` killed with SIGKILL as soon as it has stored a device
 * leaves a whole database with the earlier inventory, and the next scan completes with every device.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadLab } from './lab';

const lab = loadLab();
const ROOT = resolve(__dirname, '../..');

/** Runs the built CLI in one process (no wrapper between it and SIGKILL); kills it when `killWhen` says so. */
function parc(args: string[], killWhen?: (stderr: string) => boolean) {
  const child = spawn(process.execPath, ['--openssl-legacy-provider', join(ROOT, 'bin/parc.js'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PARC_COMMUNITY: '' },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    if (killWhen?.(err) && child.exitCode === null) child.kill('SIGKILL');
  });
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal, out })),
  );
}

describe.skipIf('skip' in lab)(`SIGKILL during a lab scan${'skip' in lab ? ` — ${lab.skip}` : ''}`, () => {
  it('leaves an intact database with the earlier devices; the next scan completes', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'parc-lab-crash-')), 'parc.db');
    const args = ['scan', '127.20.0.0/24', '-c', 'public', '-c', 'lycee-ro', '--json', '--db', db];
    const first = await parc(args);
    expect(first.code).toBe(0);
    const count = (JSON.parse(first.out) as { devices: unknown[] }).devices.length;
    expect(count).toBeGreaterThan(30);

    const killed = await parc(args, (err) => /scan: \d+\/\d+ addresses, [1-9]\d* devices/.test(err));
    expect(killed.signal).toBe('SIGKILL');
    const raw = new Database(db, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM devices').get()?.n).toBe(count);
    raw.close();

    const next = await parc(args);
    expect(next.code).toBe(0);
    const result = JSON.parse(next.out) as { scan: { status: string }; devices: unknown[] };
    expect(result.scan.status).toBe('done');
    expect(result.devices).toHaveLength(count);
  }, 120_000);
});

if ('skip' in lab) console.warn(`\n*** ${lab.skip} ***\n`);
