/**
 * Entry point of the `parc` command (built to out/main/parc.js, started by bin/parc.js).
 * Ctrl-C during a scan cancels it (what was found is kept); a second Ctrl-C quits at once.
 */
import { join } from 'node:path';
import { startBridge } from '../bridge/server';
import { runCli } from './run';

/** Longest wait for the event loop to empty after the command ended, milliseconds. */
const LINGER_MS = 5000;

// Started by bin/parc.js over an IPC channel: when that parent dies (even by SIGKILL), stop too.
if (process.send) {
  process.on('disconnect', () => process.exit(137));
  process.channel?.unref(); // the channel alone must not keep parc running
}

/** What the first Ctrl-C does (cancel the scan, stop the UI server); the next one quits. */
let onInterrupt: (() => void) | null = null;
process.on('SIGINT', () => {
  if (!onInterrupt) process.exit(130);
  onInterrupt();
  onInterrupt = null;
});

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  onScanStarted: (cancel) => {
    onInterrupt = () => {
      process.stderr.write('parc: cancelling the scan (Ctrl-C again to quit now)\n');
      cancel();
    };
  },
  startUi: async (engine, port) => {
    const bridge = await startBridge({ engine, rendererDir: join(__dirname, '../renderer'), port });
    const stopSchedule = engine.reports.startSchedule();
    process.stdout.write(`Parc is served on ${bridge.url}\n(Ctrl-C to stop)\n`);
    await new Promise<void>((resolve) => {
      onInterrupt = resolve;
      process.once('SIGTERM', resolve);
    });
    stopSchedule();
    await bridge.close();
  },
}).then((code) => {
  process.exitCode = code;
  // A systeminformation child that outlived its time bound (parc inventory --self on a hung
  // network drive) must not keep parc alive; normal exits happen before this (unref) timer.
  setTimeout(() => process.exit(code), LINGER_MS).unref();
});
