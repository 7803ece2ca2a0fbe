/**
 * HOST-RESOURCES-MIB (RFC 2790) for a file server: its volumes (hrStorageTable), processor
 * load, uptime and running processes. hrStorageSize and hrStorageUsed are Integer32 counts of
 * allocation units: beyond 2^31 units (8 TiB with 4 KiB units) some agents send them wrapped
 * negative, so wrapped values are unwrapped here and UCD-SNMP-MIB's 64-bit dskTable is preferred
 * for the same mount point when the agent has it.
 */
import { getScalars, walkColumn } from '../snmp/read';
import type { SnmpSession } from '../snmp/session';
import { varbindNumber, varbindOid, varbindText, type Varbind } from '../snmp/values';
import { hrStorageEntry } from '../snmp/mibs/host-resources-mib';
import type { Volume } from '../../../shared/domain/server';
import type { UcdDisk } from './snmp-ucd';
import { ucdVolume } from './snmp-ucd';
import { isPseudoMount, usedPercent } from './volume-filter';

/** hrStorageTable columns (RFC 2790 §hrStorageEntry). */
export const HR_STORAGE_COLUMN = {
  hrStorageType: 2,
  hrStorageDescr: 3,
  hrStorageAllocationUnits: 4,
  hrStorageSize: 5,
  hrStorageUsed: 6,
} as const;

/** hrStorageTypes (RFC 2790, `1.3.6.1.2.1.25.2.1.N`) and whether a row of that type is a volume. */
export const HR_STORAGE_TYPES: Readonly<Record<string, { name: string; volume: boolean }>> = {
  '1.3.6.1.2.1.25.2.1.1': { name: 'hrStorageOther', volume: false },
  '1.3.6.1.2.1.25.2.1.2': { name: 'hrStorageRam', volume: false },
  '1.3.6.1.2.1.25.2.1.3': { name: 'hrStorageVirtualMemory', volume: false },
  '1.3.6.1.2.1.25.2.1.4': { name: 'hrStorageFixedDisk', volume: true },
  '1.3.6.1.2.1.25.2.1.5': { name: 'hrStorageRemovableDisk', volume: true },
  '1.3.6.1.2.1.25.2.1.6': { name: 'hrStorageFloppyDisk', volume: false },
  '1.3.6.1.2.1.25.2.1.7': { name: 'hrStorageCompactDisc', volume: false },
  '1.3.6.1.2.1.25.2.1.8': { name: 'hrStorageRamDisk', volume: false },
  '1.3.6.1.2.1.25.2.1.9': { name: 'hrStorageFlashMemory', volume: false },
  '1.3.6.1.2.1.25.2.1.10': { name: 'hrStorageNetworkDisk', volume: true },
};
/** hrStorageRam: the row that gives physical memory when UCD-SNMP-MIB is absent. */
export const hrStorageRam = '1.3.6.1.2.1.25.2.1.2';

/** hrSystemUptime.0 (TimeTicks, hundredths of a second since the host, not the agent, started). */
export const hrSystemUptime = '1.3.6.1.2.1.25.1.1.0';
/** hrProcessorLoad column of hrProcessorTable (percent over the last minute, one row per processor). */
export const hrProcessorLoad = '1.3.6.1.2.1.25.3.3.1.2';
/** hrSWRunName column of hrSWRunTable (the program's name, e.g. `smbd`, `LanmanServer`…). */
export const hrSWRunName = '1.3.6.1.2.1.25.4.2.1.2';

/** One hrStorageTable row as the agent sent it (Integer32 values, maybe wrapped). */
export interface HrStorageRow {
  index: string;
  /** hrStorageType OID (no leading dot), or null. */
  hrStorageType: string | null;
  hrStorageDescr: string;
  /** Bytes per allocation unit. */
  hrStorageAllocationUnits: number;
  hrStorageSize: number;
  hrStorageUsed: number;
}

const TWO_32 = 2 ** 32;

/** An Integer32 count of units sent wrapped (negative) read as the unsigned count it stands for. */
export function unwrapInteger32(value: number): number {
  return value < 0 ? value + TWO_32 : value;
}

/**
 * Groups hrStorageTable columns (column number → row index → varbind) into rows; rows without
 * a description or positive allocation unit are dropped.
 */
export function hrStorageRowsFromColumns(
  columns: ReadonlyMap<number, ReadonlyMap<string, Varbind>>,
): HrStorageRow[] {
  const col = (n: number) => columns.get(n) ?? new Map<string, Varbind>();
  const rows: HrStorageRow[] = [];
  for (const [index, descrVb] of col(HR_STORAGE_COLUMN.hrStorageDescr)) {
    const descr = varbindText(descrVb);
    const units = varbindNumber(col(HR_STORAGE_COLUMN.hrStorageAllocationUnits).get(index));
    const size = varbindNumber(col(HR_STORAGE_COLUMN.hrStorageSize).get(index));
    const used = varbindNumber(col(HR_STORAGE_COLUMN.hrStorageUsed).get(index));
    if (!descr || units === null || units <= 0 || size === null || used === null) continue;
    rows.push({
      index,
      hrStorageType: varbindOid(col(HR_STORAGE_COLUMN.hrStorageType).get(index)),
      hrStorageDescr: descr,
      hrStorageAllocationUnits: units,
      hrStorageSize: size,
      hrStorageUsed: used,
    });
  }
  return rows;
}

/**
 * Walks hrStorageTable (`1.3.6.1.2.1.25.2.3.1`: type, descr, allocation units, size, used).
 * @throws SnmpError when the agent stops answering.
 */
export async function readHrStorage(session: SnmpSession): Promise<HrStorageRow[]> {
  const columns = new Map<number, Map<string, Varbind>>();
  for (const n of Object.values(HR_STORAGE_COLUMN)) {
    columns.set(n, await walkColumn(session, `${hrStorageEntry}.${n}`, 1000));
  }
  return hrStorageRowsFromColumns(columns);
}

/**
 * The mount point a description names: net-snmp gives the path (`/srv`), Windows
 * `C:\ Label:Data  Serial Number 10f82425` (kept as `C:\`).
 */
export function mountOfDescr(descr: string): string {
  const drive = /^([A-Za-z]:\\)/.exec(descr);
  return drive ? drive[1] : descr.trim();
}

/**
 * The server's volumes: hrStorage rows typed as disks (fixed, removable, network), pseudo
 * file systems left out, bytes = units × allocation unit with wrapped Integer32 values
 * unwrapped (`source: 'hr-storage'`); a UCD dskTable row for the same mount replaces the row
 * (`source: 'ucd-dsk'`, exact 64-bit kB); UCD rows HOST-RESOURCES lacks are added.
 * @param ucdDisks dskTable rows (already without pseudo file systems), or empty.
 */
export function volumesFromHrStorage(rows: readonly HrStorageRow[], ucdDisks: readonly UcdDisk[]): Volume[] {
  const volumes: Volume[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const type = row.hrStorageType ? HR_STORAGE_TYPES[row.hrStorageType] : undefined;
    if (!type?.volume) continue;
    const mount = mountOfDescr(row.hrStorageDescr);
    if (isPseudoMount(mount) || seen.has(mount)) continue;
    seen.add(mount);
    const ucd = ucdDisks.find((d) => d.path === mount);
    if (ucd) {
      volumes.push(ucdVolume(ucd));
      continue;
    }
    const units = row.hrStorageAllocationUnits;
    const sizeBytes = unwrapInteger32(row.hrStorageSize) * units;
    const usedBytes = unwrapInteger32(row.hrStorageUsed) * units;
    volumes.push({
      name: mount,
      sizeBytes,
      usedBytes,
      percent: usedPercent(usedBytes, sizeBytes),
      source: 'hr-storage',
    });
  }
  for (const disk of ucdDisks) if (!seen.has(disk.path)) volumes.push(ucdVolume(disk));
  return volumes;
}

/** Physical memory from the hrStorageRam row: total and (total − used) in bytes, or null. */
export function memoryFromHrStorage(
  rows: readonly HrStorageRow[],
): { totalBytes: number; availableBytes: number } | null {
  const ram = rows.find((r) => r.hrStorageType === hrStorageRam);
  if (!ram) return null;
  const total = unwrapInteger32(ram.hrStorageSize) * ram.hrStorageAllocationUnits;
  const used = unwrapInteger32(ram.hrStorageUsed) * ram.hrStorageAllocationUnits;
  return { totalBytes: total, availableBytes: Math.max(0, total - used) };
}

/** What HOST-RESOURCES-MIB says of the host itself. */
export interface HrSystem {
  /** hrSystemUptime / 100, or null. */
  uptimeSeconds: number | null;
  /** Mean of hrProcessorLoad over the processors, or null when the table is empty. */
  cpuPercent: number | null;
  /** Rows of hrProcessorTable (processors or cores), or null when the table is empty. */
  cpuCount: number | null;
  /** hrSWRunName of every running program (duplicates kept once), or null when the table is empty. */
  processNames: string[] | null;
}

/**
 * Reads hrSystemUptime.0, hrProcessorLoad and hrSWRunName.
 * @throws SnmpError when the agent stops answering.
 */
export async function readHrSystem(session: SnmpSession): Promise<HrSystem> {
  const scalars = await getScalars(session, [hrSystemUptime]);
  const ticks = varbindNumber(scalars.get(hrSystemUptime));
  const loads = [...(await walkColumn(session, hrProcessorLoad, 512)).values()]
    .map(varbindNumber)
    .filter((n): n is number => n !== null && n >= 0 && n <= 100);
  const names = [...(await walkColumn(session, hrSWRunName, 8000)).values()]
    .map(varbindText)
    .filter((n): n is string => n !== null);
  return {
    uptimeSeconds: ticks === null ? null : Math.floor(ticks / 100),
    cpuPercent: loads.length
      ? Math.round((loads.reduce((a, b) => a + b, 0) / loads.length) * 100) / 100
      : null,
    cpuCount: loads.length || null,
    processNames: names.length ? [...new Set(names)] : null,
  };
}

/**
 * Whether each watched service runs, from process names: case-insensitive, `.exe` ignored
 * (`smbd` matches `smbd`, `LanmanServer` matches `lanmanserver.exe`).
 */
export function servicesRunning(
  watched: readonly string[],
  processNames: readonly string[],
): { name: string; running: boolean }[] {
  const norm = (s: string) =>
    s
      .trim()
      .toLowerCase()
      .replace(/\.exe$/, '');
  const running = new Set(processNames.map(norm));
  return watched.map((name) => ({ name, running: running.has(norm(name)) }));
}
