/**
 * UCD-SNMP-MIB (Net-SNMP's `1.3.6.1.4.1.2021`): load averages, real memory and the disk table
 * with its 64-bit size columns, which stay exact where HOST-RESOURCES-MIB's Integer32 wraps.
 * Net-SNMP agents (Linux servers, most NAS) answer it; Windows does not.
 */
import { getScalars, walkColumn } from '../snmp/read';
import type { SnmpSession } from '../snmp/session';
import { varbindNumber, varbindText, type Varbind } from '../snmp/values';
import type { Volume } from '../../../shared/domain/server';
import { isPseudoMount, usedPercent } from './volume-filter';

const UCD = '1.3.6.1.4.1.2021';
/** laLoad column of laTable (text, e.g. `0.42`); rows 1, 2, 3 are the 1, 5 and 15 minute averages. */
export const laLoad = `${UCD}.10.1.3`;
/** memTotalReal.0, kB. */
export const memTotalReal = `${UCD}.4.5.0`;
/** memAvailReal.0, kB. */
export const memAvailReal = `${UCD}.4.6.0`;
/** dskEntry of dskTable. */
export const dskEntry = `${UCD}.9.1`;
/** dskTable columns (UCD-SNMP-MIB): sizes in kB; `*Low`/`*High` are the two 32-bit halves of a 64-bit size. */
export const DSK_COLUMN = {
  dskPath: 2,
  dskTotal: 6,
  dskUsed: 8,
  dskTotalLow: 11,
  dskTotalHigh: 12,
  dskUsedLow: 15,
  dskUsedHigh: 16,
} as const;

/** One dskTable row, sizes in bytes. */
export interface UcdDisk {
  /** dskPath: the mount point. */
  path: string;
  sizeBytes: number;
  usedBytes: number;
  /** True when the 64-bit columns gave the sizes, false when only the 32-bit dskTotal/dskUsed did. */
  exact64: boolean;
}

/** What UCD-SNMP-MIB gives a file server. Absent figures are null. */
export interface UcdFigures {
  /** laLoad 1, 5 and 15 min. */
  load: [number, number, number] | null;
  /** memTotalReal × 1024. */
  memoryTotalBytes: number | null;
  /** memAvailReal × 1024. */
  memoryAvailableBytes: number | null;
  disks: UcdDisk[];
}

const TWO_32 = 2 ** 32;

/** A kB size from a 64-bit pair (high × 2^32 + low), else the 32-bit column; null when neither. */
function kilobytes(low: Varbind | undefined, high: Varbind | undefined, plain: Varbind | undefined) {
  const lo = varbindNumber(low);
  const hi = varbindNumber(high);
  if (lo !== null && hi !== null && lo >= 0 && hi >= 0) return { kb: hi * TWO_32 + lo, exact64: true };
  const kb = varbindNumber(plain);
  return kb !== null && kb >= 0 ? { kb, exact64: false } : null;
}

/**
 * Turns dskTable columns (row index → varbind) into disks in bytes, pseudo file systems left out.
 * @param columns column number (`DSK_COLUMN`) → rows.
 */
export function ucdDisksFromColumns(columns: ReadonlyMap<number, ReadonlyMap<string, Varbind>>): UcdDisk[] {
  const col = (n: number) => columns.get(n) ?? new Map<string, Varbind>();
  const disks: UcdDisk[] = [];
  for (const [index, pathVb] of col(DSK_COLUMN.dskPath)) {
    const path = varbindText(pathVb);
    if (!path || isPseudoMount(path)) continue;
    const total = kilobytes(
      col(DSK_COLUMN.dskTotalLow).get(index),
      col(DSK_COLUMN.dskTotalHigh).get(index),
      col(DSK_COLUMN.dskTotal).get(index),
    );
    const used = kilobytes(
      col(DSK_COLUMN.dskUsedLow).get(index),
      col(DSK_COLUMN.dskUsedHigh).get(index),
      col(DSK_COLUMN.dskUsed).get(index),
    );
    if (!total || !used) continue;
    // `disk /` plus `includeAllDisks` lists a mount twice: keep the first row.
    if (disks.some((d) => d.path === path)) continue;
    disks.push({
      path,
      sizeBytes: total.kb * 1024,
      usedBytes: used.kb * 1024,
      exact64: total.exact64 && used.exact64,
    });
  }
  return disks;
}

/** A load average from laLoad's text (`0.42`), else null. */
function loadValue(vb: Varbind | undefined): number | null {
  const text = varbindText(vb);
  if (text === null) return null;
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/**
 * Reads UCD-SNMP-MIB's load averages (laLoad.1–3), memTotalReal/memAvailReal and dskTable.
 * @returns the figures, or null when the agent has none of them (not a Net-SNMP agent).
 * @throws SnmpError when the agent stops answering.
 */
export async function readUcd(session: SnmpSession): Promise<UcdFigures | null> {
  const loadOids = [1, 2, 3].map((row) => `${laLoad}.${row}`);
  const scalars = await getScalars(session, [...loadOids, memTotalReal, memAvailReal]);
  const loads = loadOids.map((oid) => loadValue(scalars.get(oid)));
  const kb = (oid: string) => {
    const n = varbindNumber(scalars.get(oid));
    return n !== null && n >= 0 ? n * 1024 : null;
  };
  const columns = new Map<number, Map<string, Varbind>>();
  for (const n of Object.values(DSK_COLUMN)) {
    columns.set(n, await walkColumn(session, `${dskEntry}.${n}`, 500));
    if (n === DSK_COLUMN.dskPath && columns.get(n)?.size === 0) break;
  }
  const figures: UcdFigures = {
    load: loads.every((l) => l !== null) ? (loads as [number, number, number]) : null,
    memoryTotalBytes: kb(memTotalReal),
    memoryAvailableBytes: kb(memAvailReal),
    disks: ucdDisksFromColumns(columns),
  };
  const empty =
    figures.load === null &&
    figures.memoryTotalBytes === null &&
    figures.memoryAvailableBytes === null &&
    figures.disks.length === 0;
  return empty ? null : figures;
}

/** A UCD disk as a volume (`source: 'ucd-dsk'`). */
export function ucdVolume(disk: UcdDisk): Volume {
  return {
    name: disk.path,
    sizeBytes: disk.sizeBytes,
    usedBytes: disk.usedBytes,
    percent: usedPercent(disk.usedBytes, disk.sizeBytes),
    source: 'ucd-dsk',
  };
}
