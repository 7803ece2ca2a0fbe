#!/usr/bin/env node
// The `parc` command: runs the CLI built by `npm install` (electron-vite build → out/main/parc.js).
// SNMPv3 DES privacy needs OpenSSL's legacy provider, which Node 20+ only loads from its command
// line: when DES is missing, the CLI runs in a child Node started with --openssl-legacy-provider.
const { spawn } = require('node:child_process');
const { getCiphers } = require('node:crypto');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const built = join(__dirname, '..', 'out', 'main', 'parc.js');
if (!existsSync(built)) {
  process.stderr.write(
    'parc: the CLI is not built yet: run "npm install" (or "npm run build") in the Parc folder.\n',
  );
  process.exit(1);
}
if (getCiphers().includes('des-cbc') || process.execArgv.includes('--openssl-legacy-provider')) {
  require(built);
} else {
  // The IPC channel is the child's lifeline: when this process dies, even by SIGKILL, it closes
  // and the child stops too (electron/cli/parc.ts), so no orphan goes on writing the database.
  // Small young-generation spaces: a scan's garbage (packets, sockets) dies young, and 4 MB
  // semi-spaces keep a /22 scan's peak memory about 30 MB lower for the same CPU time.
  const flags = ['--openssl-legacy-provider', '--max-semi-space-size=4'];
  const child = spawn(process.execPath, [...flags, built, ...process.argv.slice(2)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  // A terminal's Ctrl-C reaches the child by itself (same process group), which decides what it
  // means; SIGTERM and SIGHUP sent to this process alone are passed on, so the child never outlives it.
  process.on('SIGINT', () => undefined);
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
