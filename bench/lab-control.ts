/**
 * The lab of ../shared/lab for the benchmark: whether it runs, whether it serves the
 * `--scale 1000` clones on 127.21.0.0/22, and starting it (and later stopping it) only when
 * nothing runs. A lab someone else started is never stopped; it is restarted with the clones
 * (and left running) only when asked with BENCH_RESTART_LAB=1.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LAB_DIR, loadLab, type LabDevice } from '../test/lab/lab';

/** Clones the benchmark asks of the lab (issue 8: 1,000 devices on 127.21.0.1–127.21.3.254). */
export const LAB_SCALE = 1000;

/** The lab as the benchmark uses it. */
export interface BenchLab {
  devices: LabDevice[];
  /** True when the clones of `--scale` answer on 127.21.0.0/22. */
  scaled: boolean;
  /** Stops the lab if this process started it; does nothing otherwise. */
  stop(): void;
  /** What was found or done, for the report. */
  note: string;
}

/**
 * True when `ip` answers an SNMPv2c GET of sysName.0 (RFC 3418) with community `public` within
 * 1 s (net-snmp's `snmpget`, as scripts/check.sh does). `ip` must be a loopback address.
 */
function answers(ip: string): boolean {
  if (!ip.startsWith('127.')) throw new Error(`bench: refusing to contact ${ip} (loopback only)`);
  try {
    execFileSync('snmpget', ['-v2c', '-c', 'public', '-t', '1', '-r', '0', ip, '1.3.6.1.2.1.1.5.0'], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds the running lab, or starts `lab/start --scale 1000` when none runs (as root; the lab
 * needs UDP port 161). @returns the lab, or why it cannot be used (the caller then falls back to
 * Parc's own simulator).
 */
export function prepareLab(): BenchLab | { skip: string } {
  if (!existsSync(LAB_DIR)) return { skip: `../shared/lab is absent (${LAB_DIR})` };
  let started = false;
  let note: string;
  const lab = loadLab();
  if ('devices' in lab && answers('127.20.0.10')) {
    note = 'lab already running (left running)';
  } else {
    const start = spawnSync(join(LAB_DIR, 'start'), ['--scale', String(LAB_SCALE)], {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    if (start.status !== 0)
      return {
        skip: `../shared/lab/start --scale ${LAB_SCALE} failed: ${start.stderr.trim().split('\n').pop()}`,
      };
    started = true;
    note = `lab started with --scale ${LAB_SCALE} by the bench (stopped at the end)`;
  }
  const first = loadLab();
  if (!('devices' in first)) return { skip: first.skip };
  const loaded = { devices: first.devices };
  let scaled = loaded.devices.some((d) => d.role === 'clone') && answers('127.21.0.1');
  if (!scaled && !started && process.env.BENCH_RESTART_LAB === '1') {
    spawnSync(join(LAB_DIR, 'stop'), [], { stdio: 'ignore' });
    const restart = spawnSync(join(LAB_DIR, 'start'), ['--scale', String(LAB_SCALE)], { stdio: 'ignore' });
    const again = loadLab();
    if (restart.status === 0 && 'devices' in again) {
      loaded.devices = again.devices;
      scaled = answers('127.21.0.1');
      note = `running lab restarted with --scale ${LAB_SCALE} (BENCH_RESTART_LAB=1; left running)`;
    }
  }
  if (!scaled)
    note += `; the /22 is not served (the running lab has no clones; BENCH_RESTART_LAB=1 restarts it with --scale ${LAB_SCALE})`;
  return {
    devices: loaded.devices,
    scaled,
    note,
    stop() {
      if (started) spawnSync(join(LAB_DIR, 'stop'), [], { stdio: 'ignore' });
      started = false;
    },
  };
}
