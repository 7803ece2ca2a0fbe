/**
 * Access to the simulated lycée network of `../shared/lab` (the team's kit, beside the repo):
 * where its manifest is and whether it is running. The lab suite is extra: when the kit is
 * absent or the lab is not started, it is skipped with a message saying so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const LAB_DIR = resolve(__dirname, '../../../shared/lab');
const STATE_DIR = process.env.LAB_STATE ?? '/tmp/lycee-snmp-lab';

/** One row of the lab manifest (see ../shared/lab/README.md). */
export interface LabDevice {
  ip: string;
  port: number;
  community: string;
  name: string;
  type: string;
  vendor: string;
  role: 'device' | 'clone' | 'credential-fallback' | 'silent' | 'closed';
  recording: string;
  sysName: string;
  serial: string;
  mac: string;
}

/** The manifest of the running lab, or a reason why there is none. */
export function loadLab(): { devices: LabDevice[] } | { skip: string } {
  if (!existsSync(LAB_DIR)) return { skip: `../shared/lab is absent (${LAB_DIR}): lab suite SKIPPED` };
  const manifest = join(STATE_DIR, 'manifest.json');
  if (!existsSync(manifest))
    return { skip: `the lab is not running (no ${manifest}): run ../shared/lab/start` };
  return { devices: (JSON.parse(readFileSync(manifest, 'utf8')) as { devices: LabDevice[] }).devices };
}
