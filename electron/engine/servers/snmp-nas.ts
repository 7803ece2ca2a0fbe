/**
 * A NAS's own health from its vendor MIB: system status, temperature, disks and RAID groups,
 * declared as data (one `NasMib` per MIB) and read by one generic reader. Sources:
 * - Synology DiskStation MIB Guide: SYNOLOGY-SYSTEM-MIB `1.3.6.1.4.1.6574.1` (systemStatus .1.0:
 *   1 Normal, 2 Failed; temperature .2.0 °C), SYNOLOGY-DISK-MIB `.6574.2` (diskTable .1.1: diskID
 *   .2, diskModel .3, diskStatus .5: 1 Normal, 2 Initialized, 3 NotInitialized,
 *   4 SystemPartitionFailed, 5 Crashed; diskTemperature .6 °C), SYNOLOGY-RAID-MIB `.6574.3`
 *   (raidTable .1.1: raidName .2, raidStatus .3, 1–21, as LibreNMS's dsm.yaml lists them);
 * - QNAP NAS-MIB `1.3.6.1.4.1.24681`: systemHdTable `.1.2.11.1` (HdDescr .2, HdTemperature .3
 *   as text `28 C/82 F`, HdStatus .4: 0 ready, -4 unknown, -5 noDisk, -6 invalid, -9 rwError),
 *   SystemTemperature `.1.2.6.0` (text), enclosureTable's enclosureSystemTemp
 *   `.1.4.1.1.1.1.1.2.1.7` (°C), raidGroupTable's raidStatus `.1.4.1.1.1.2.1.2.1.5` (0 Ready,
 *   1 Degraded, 2 Rebuilding, 3 Synchronizing, 4 Failure, 5 Offline, 6 Migrating; LibreNMS qnap.yaml).
 */
import { firstRows, getScalars, walkColumn } from '../snmp/read';
import type { SnmpSession } from '../snmp/session';
import { varbindNumber, varbindText, type Varbind } from '../snmp/values';
import type { NasHealth } from '../../../shared/domain/server';

/** How bad a NAS status is. */
export type NasSeverity = 'ok' | 'warning' | 'critical' | 'unknown';

/** A status table: raw INTEGER → the MIB's word (lowerCamel) and its severity. */
export type NasStates = Readonly<Record<number, readonly [string, NasSeverity]>>;

/** How a temperature is written: an INTEGER in °C, or text such as `28 C/82 F`. */
export type TemperatureFormat = 'celsius' | 'celsius-text';

/** One vendor MIB's health objects. */
export interface NasMib {
  id: string;
  /** Subtree whose presence says the agent has this MIB (one GETNEXT). */
  root: string;
  systemStatus?: { oid: string; states: NasStates };
  /** Tried in order; the first readable one wins. Scalars end in `.0`; other OIDs are columns (first row). */
  temperature?: readonly { oid: string; format: TemperatureFormat }[];
  disks?: {
    entry: string;
    nameColumn: number;
    statusColumn: number;
    states: NasStates;
    temperatureColumn?: number;
    temperatureFormat?: TemperatureFormat;
    /** Name when the name column is absent: `{n}` is the row index + `nameIndexOffset`. */
    fallbackName: string;
    nameIndexOffset?: number;
  };
  raids?: {
    entry: string;
    nameColumn?: number;
    statusColumn: number;
    states: NasStates;
    fallbackName: string;
  };
}

const SYNOLOGY_DISK_STATES: NasStates = {
  1: ['normal', 'ok'],
  2: ['initialized', 'warning'],
  3: ['notInitialized', 'warning'],
  4: ['systemPartitionFailed', 'critical'],
  5: ['crashed', 'critical'],
};

const SYNOLOGY_RAID_STATES: NasStates = {
  1: ['normal', 'ok'],
  2: ['repairing', 'warning'],
  3: ['migrating', 'warning'],
  4: ['expanding', 'warning'],
  5: ['deleting', 'warning'],
  6: ['creating', 'warning'],
  7: ['raidSyncing', 'warning'],
  8: ['raidParityChecking', 'warning'],
  9: ['raidAssembling', 'warning'],
  10: ['canceling', 'warning'],
  11: ['degrade', 'critical'],
  12: ['crashed', 'critical'],
  13: ['dataScrubbing', 'warning'],
  14: ['raidDeploying', 'warning'],
  15: ['raidUnDeploying', 'warning'],
  16: ['raidMountCache', 'warning'],
  17: ['raidUnmountCache', 'warning'],
  18: ['raidExpandingUnfinishedSHR', 'warning'],
  19: ['raidConvertSHRToPool', 'warning'],
  20: ['raidMigrateSHR1ToSHR2', 'warning'],
  21: ['raidUnknownStatus', 'unknown'],
};

const QNAP_HD_STATES: NasStates = {
  0: ['ready', 'ok'],
  [-4]: ['unknown', 'unknown'],
  [-5]: ['noDisk', 'ok'],
  [-6]: ['invalid', 'critical'],
  [-9]: ['rwError', 'critical'],
};

const QNAP_RAID_STATES: NasStates = {
  0: ['ready', 'ok'],
  1: ['degraded', 'critical'],
  2: ['rebuilding', 'warning'],
  3: ['synchronizing', 'warning'],
  4: ['failure', 'critical'],
  5: ['offline', 'critical'],
  6: ['migrating', 'warning'],
};

/** The NAS MIBs Parc reads, as data. */
export const NAS_MIBS: readonly NasMib[] = [
  {
    id: 'synology',
    root: '1.3.6.1.4.1.6574',
    systemStatus: {
      oid: '1.3.6.1.4.1.6574.1.1.0',
      states: { 1: ['normal', 'ok'], 2: ['failed', 'critical'] },
    },
    temperature: [{ oid: '1.3.6.1.4.1.6574.1.2.0', format: 'celsius' }],
    disks: {
      entry: '1.3.6.1.4.1.6574.2.1.1',
      nameColumn: 2,
      statusColumn: 5,
      states: SYNOLOGY_DISK_STATES,
      temperatureColumn: 6,
      temperatureFormat: 'celsius',
      fallbackName: 'Disk {n}',
      nameIndexOffset: 1,
    },
    raids: {
      entry: '1.3.6.1.4.1.6574.3.1.1',
      nameColumn: 2,
      statusColumn: 3,
      states: SYNOLOGY_RAID_STATES,
      fallbackName: 'RAID {n}',
    },
  },
  {
    id: 'qnap',
    root: '1.3.6.1.4.1.24681',
    temperature: [
      { oid: '1.3.6.1.4.1.24681.1.4.1.1.1.1.1.2.1.7', format: 'celsius' },
      { oid: '1.3.6.1.4.1.24681.1.2.6.0', format: 'celsius-text' },
    ],
    disks: {
      entry: '1.3.6.1.4.1.24681.1.2.11.1',
      nameColumn: 2,
      statusColumn: 4,
      states: QNAP_HD_STATES,
      temperatureColumn: 3,
      temperatureFormat: 'celsius-text',
      fallbackName: 'HDD{n}',
    },
    raids: {
      entry: '1.3.6.1.4.1.24681.1.4.1.1.1.2.1.2.1',
      statusColumn: 5,
      states: QNAP_RAID_STATES,
      fallbackName: 'RAID {n}',
    },
  },
];

/** Every status word of `NAS_MIBS` → its severity (for alerts). */
export const NAS_STATUS_SEVERITY: ReadonlyMap<string, NasSeverity> = new Map(
  NAS_MIBS.flatMap((mib) =>
    [mib.systemStatus?.states, mib.disks?.states, mib.raids?.states]
      .filter((s): s is NasStates => s !== undefined)
      .flatMap((states) => Object.values(states).map(([word, severity]) => [word, severity] as const)),
  ),
);

/** A temperature in °C from an INTEGER or a text like `28 C/82 F`; null when absent or absurd. */
export function parseTemperature(vb: Varbind | undefined | null, format: TemperatureFormat): number | null {
  if (!vb) return null;
  let value: number | null;
  if (format === 'celsius') value = varbindNumber(vb);
  else {
    const match = /(-?\d+(?:[.,]\d+)?)\s*°?\s*C\b/i.exec(varbindText(vb) ?? '');
    value = match ? Number(match[1].replace(',', '.')) : null;
  }
  return value !== null && Number.isFinite(value) && value > -50 && value < 150 ? value : null;
}

/** A status word from a states table, `unknown(N)` for a value the table lacks, null when absent. */
function statusWord(vb: Varbind | undefined, states: NasStates): string | null {
  const n = varbindNumber(vb);
  if (n === null) return null;
  return states[n]?.[0] ?? `unknown(${n})`;
}

function rowName(vb: Varbind | undefined, fallback: string, index: string, offset = 0): string {
  const name = varbindText(vb);
  if (name) return name;
  const n = Number(index);
  return fallback.replace('{n}', Number.isInteger(n) ? String(n + offset) : index);
}

async function readTemperature(session: SnmpSession, mib: NasMib): Promise<number | null> {
  for (const { oid, format } of mib.temperature ?? []) {
    const vb = oid.endsWith('.0')
      ? (await getScalars(session, [oid])).get(oid)
      : (await firstRows(session, [oid])).get(oid);
    const celsius = parseTemperature(vb, format);
    if (celsius !== null) return celsius;
  }
  return null;
}

/** Reads one NAS MIB (see `NAS_MIBS`). @throws SnmpError when the agent stops answering. */
export async function readNasMib(session: SnmpSession, mib: NasMib): Promise<NasHealth> {
  const status = mib.systemStatus
    ? statusWord(
        (await getScalars(session, [mib.systemStatus.oid])).get(mib.systemStatus.oid),
        mib.systemStatus.states,
      )
    : null;
  const disks: NasHealth['disks'] = [];
  if (mib.disks) {
    const d = mib.disks;
    const statuses = await walkColumn(session, `${d.entry}.${d.statusColumn}`, 256);
    const names = statuses.size ? await walkColumn(session, `${d.entry}.${d.nameColumn}`, 256) : new Map();
    const temps =
      statuses.size && d.temperatureColumn
        ? await walkColumn(session, `${d.entry}.${d.temperatureColumn}`, 256)
        : new Map<string, Varbind>();
    for (const [index, vb] of statuses) {
      disks.push({
        name: rowName(names.get(index), d.fallbackName, index, d.nameIndexOffset),
        status: statusWord(vb, d.states) ?? 'unknown',
        temperatureCelsius: parseTemperature(temps.get(index), d.temperatureFormat ?? 'celsius'),
      });
    }
  }
  const raids: NasHealth['raids'] = [];
  if (mib.raids) {
    const r = mib.raids;
    const statuses = await walkColumn(session, `${r.entry}.${r.statusColumn}`, 256);
    const names =
      statuses.size && r.nameColumn
        ? await walkColumn(session, `${r.entry}.${r.nameColumn}`, 256)
        : new Map();
    for (const [index, vb] of statuses) {
      raids.push({
        name: rowName(names.get(index), r.fallbackName, index),
        status: statusWord(vb, r.states) ?? 'unknown',
      });
    }
  }
  return { systemStatus: status, temperatureCelsius: await readTemperature(session, mib), disks, raids };
}

/**
 * Reads the health of a NAS from the first vendor MIB of `NAS_MIBS` the agent has (one GETNEXT
 * per MIB root tells which).
 * @returns the health, or null when the agent has none of these MIBs (not a NAS).
 * @throws SnmpError when the agent stops answering.
 */
export async function readNasHealth(session: SnmpSession): Promise<NasHealth | null> {
  const present = await firstRows(
    session,
    NAS_MIBS.map((m) => m.root),
  );
  const mib = NAS_MIBS.find((m) => present.has(m.root));
  if (!mib) return null;
  const health = await readNasMib(session, mib);
  const empty =
    health.systemStatus === null &&
    health.temperatureCelsius === null &&
    health.disks.length === 0 &&
    health.raids.length === 0;
  return empty ? null : health;
}
