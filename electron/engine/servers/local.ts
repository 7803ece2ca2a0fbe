/**
 * The server's figures when Parc runs on it: systeminformation (disks, processor load, memory,
 * uptime, processes) and Node's `os.loadavg()`, no SNMP. Each call is bounded in time, so one
 * stuck probe (a hung network mount in `df`) costs a problem line, not the whole collection.
 */
import { availableParallelism, loadavg } from 'node:os';
import systeminformation from 'systeminformation';
import type { Volume } from '../../../shared/domain/server';
import { isPseudoFsType, isPseudoMount, usedPercent } from './volume-filter';

/** The part of systeminformation used here (tests pass a fake). */
export interface LocalSystemInfo {
  fsSize(): Promise<{ fs: string; type: string; size: number; used: number; mount: string }[]>;
  currentLoad(): Promise<{ currentLoad: number }>;
  mem(): Promise<{ total: number; available: number }>;
  time(): { uptime: number | string };
  processes(): Promise<{ list: { name: string }[] }>;
}

/** The real systeminformation. */
export const realSystemInfo: LocalSystemInfo = {
  fsSize: () => systeminformation.fsSize(),
  currentLoad: () => systeminformation.currentLoad(),
  mem: () => systeminformation.mem(),
  time: () => systeminformation.time(),
  processes: () => systeminformation.processes(),
};

/** What the local collection found; absent figures are null, `problems` says why. */
export interface LocalFigures {
  volumes: Volume[];
  cpuPercent: number | null;
  /** Logical processors (`os.availableParallelism()`). */
  cpuCount: number | null;
  load: [number, number, number] | null;
  memoryTotalBytes: number | null;
  memoryAvailableBytes: number | null;
  uptimeSeconds: number | null;
  /** Names of running processes, or null when the list could not be read. */
  processNames: string[] | null;
  problems: string[];
}

/** Resolves `work` or rejects after `ms` milliseconds with `what timed out`. */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    timer.unref();
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Volumes from systeminformation's `fsSize()`: pseudo file systems (by type and mount point)
 * left out, each mount once, `source: 'local'`.
 */
export function localVolumes(rows: Awaited<ReturnType<LocalSystemInfo['fsSize']>>): Volume[] {
  const volumes: Volume[] = [];
  for (const row of rows) {
    if (isPseudoFsType(row.type) || isPseudoMount(row.mount)) continue;
    if (!(row.size > 0) || volumes.some((v) => v.name === row.mount)) continue;
    const usedBytes = Math.max(0, row.used);
    volumes.push({
      name: row.mount,
      sizeBytes: row.size,
      usedBytes,
      percent: usedPercent(usedBytes, row.size),
      source: 'local',
    });
  }
  return volumes;
}

/**
 * Collects this machine's figures: `fsSize`, `currentLoad`, `mem` (total, available),
 * `time().uptime`, `processes()` names, and `os.loadavg()` (not on Windows, where it is 0s).
 * @param timeoutMs bound on each call.
 * @returns the figures; a call that fails or times out leaves its figure null with a problem line. Never throws.
 */
export async function collectLocal(
  timeoutMs: number,
  si: LocalSystemInfo = realSystemInfo,
): Promise<LocalFigures> {
  const problems: string[] = [];
  const attempt = async <T>(what: string, work: () => Promise<T>): Promise<T | null> => {
    try {
      return await withTimeout(work(), timeoutMs, what);
    } catch (error) {
      problems.push(`local ${what}: ${(error as Error).message}`);
      return null;
    }
  };
  const [fs, load, mem, processes] = await Promise.all([
    attempt('disks', () => si.fsSize()),
    attempt('processor load', () => si.currentLoad()),
    attempt('memory', () => si.mem()),
    attempt('processes', () => si.processes()),
  ]);
  const uptime = await attempt('uptime', async () => Number(si.time().uptime));
  const averages = process.platform === 'win32' ? null : (loadavg() as [number, number, number]);
  return {
    volumes: fs ? localVolumes(fs) : [],
    cpuPercent: load && Number.isFinite(load.currentLoad) ? Math.round(load.currentLoad * 100) / 100 : null,
    cpuCount: availableParallelism(),
    load: averages,
    memoryTotalBytes: mem?.total ?? null,
    memoryAvailableBytes: mem?.available ?? null,
    uptimeSeconds: uptime !== null && Number.isFinite(uptime) ? Math.floor(uptime) : null,
    processNames: processes ? [...new Set(processes.list.map((p) => p.name))] : null,
    problems,
  };
}
