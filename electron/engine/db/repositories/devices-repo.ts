/**
 * Devices: the inventory. A device is matched across scans by its serial, else its MAC, else
 * its sysName at the same IP (a host without SNMP: its computer name or its address), so a
 * re-scan updates rather than duplicates.
 */
import {
  DEVICE_SOURCES,
  type Device,
  type DeviceEdit,
  type DeviceSource,
  type DeviceType,
} from '../../../../shared/domain/device';
import type { DeviceSummary } from '../../../../shared/ipc/contract';
import { compareIp, ipv4ToNumber } from '../../../../shared/domain/ip-order';
import type { SystemGroup } from '../../identify/facts';
import type { Identity } from '../../identify/identify';
import type { Db } from '../database';

/** What the agentless probes learned about a host (TCP ports, NetBIOS, DNS, PJLink). */
export interface NetworkFacts {
  /** NetBIOS computer name, else reverse DNS name. */
  hostName: string | null;
  workgroup: string | null;
  /** OS guessed from ports and NetBIOS (`Windows`, `Linux`, `macOS`), or null. */
  os: string | null;
  /** Ports (of the probed list) that accepted a connection. */
  openPorts: number[];
  /** The sources these facts come from: `network`, and `pjlink` when a projector answered. */
  sources: DeviceSource[];
}

/** What one scan learned about one device that answered SNMP (and maybe the other probes). */
export interface DeviceObservation extends Identity {
  ip: string;
  system: SystemGroup;
  /** Keyed hash of the credential that worked (see credentials-repo), or null. */
  credentialKey: string | null;
  /** What the agentless probes saw at the same address, if they ran. */
  network?: NetworkFacts;
}

/** A host seen only by the agentless probes: no SNMP agent answered. */
export interface NetworkObservation extends NetworkFacts {
  ip: string;
  type: DeviceType;
  vendor: string | null;
  model: string | null;
  serial: string | null;
  mac: string | null;
}

/** A row of the `devices` table, as the inventory reads it. */
export interface DeviceRow {
  id: number;
  ip: string;
  type: string;
  vendor: string | null;
  model: string | null;
  serial: string | null;
  mac: string | null;
  sys_name: string | null;
  sys_descr: string | null;
  sys_object_id: string | null;
  sys_location: string | null;
  sys_contact: string | null;
  firmware: string | null;
  uptime_seconds: number | null;
  identity: string;
  first_seen: string;
  last_seen: string;
  missing: number;
  room: string | null;
  notes: string | null;
  asset_tag: string | null;
  host_name: string | null;
  workgroup: string | null;
  os: string | null;
  open_ports: string;
  sources: string;
  inventoried_at: string | null;
}

/** Parses a JSON array column, or [] if it is not one. */
function jsonArray(text: string): unknown[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

/** The union of two source lists, in DEVICE_SOURCES order. */
export function mergeSources(a: readonly string[], b: readonly string[]): DeviceSource[] {
  return DEVICE_SOURCES.filter((s) => a.includes(s) || b.includes(s));
}

/** A `devices` row as the `Device` the UI, the CLI and exports see. */
export const toDevice = (row: DeviceRow): Device => ({
  id: row.id,
  ip: row.ip,
  type: row.type as DeviceType,
  vendor: row.vendor,
  model: row.model,
  serial: row.serial,
  mac: row.mac,
  sysName: row.sys_name,
  sysDescr: row.sys_descr,
  sysObjectID: row.sys_object_id,
  sysLocation: row.sys_location,
  sysContact: row.sys_contact,
  firmware: row.firmware,
  uptimeSeconds: row.uptime_seconds,
  firstSeen: row.first_seen,
  lastSeen: row.last_seen,
  missing: row.missing === 1,
  room: row.room,
  notes: row.notes,
  assetTag: row.asset_tag,
  hostName: row.host_name,
  workgroup: row.workgroup,
  os: row.os,
  openPorts: jsonArray(row.open_ports).filter((p): p is number => Number.isInteger(p)),
  sources: mergeSources(jsonArray(row.sources) as string[], []),
  inventoriedAt: row.inventoried_at,
});

/** The best stable key of an observation: `serial:…`, else `mac:…`, else `name:sysName@ip`. */
export function identityOf(o: Pick<DeviceObservation, 'serial' | 'mac' | 'ip' | 'system'>): string {
  if (o.serial) return `serial:${o.serial}`;
  if (o.mac) return `mac:${o.mac}`;
  return `name:${o.system.sysName ?? ''}@${o.ip}`;
}

/** The key of a host seen without SNMP: `serial:…`, else `mac:…`, else `host:name@ip`, else `ip:…`. */
export function networkIdentityOf(o: Pick<NetworkObservation, 'serial' | 'mac' | 'ip' | 'hostName'>): string {
  if (o.serial) return `serial:${o.serial}`;
  if (o.mac) return `mac:${o.mac}`;
  return o.hostName ? `host:${o.hostName}@${o.ip}` : `ip:${o.ip}`;
}

/**
 * Sorts devices by address as `compareIp` (shared/domain/ip-order.ts) does, then by id, reading
 * each address once (not once per comparison: 5,000 devices take ~60,000 comparisons).
 * @returns a new array; `items` is left as it was.
 */
export function sortByIp<T extends { readonly ip: string; readonly id: number }>(items: readonly T[]): T[] {
  const keyed = items.map((item) => ({ item, key: ipv4ToNumber(item.ip) }));
  keyed.sort((a, b) => {
    const byIp = a.key !== null && b.key !== null ? a.key - b.key : compareIp(a.item.ip, b.item.ip);
    return byIp || a.item.id - b.item.id;
  });
  return keyed.map(({ item }) => item);
}

/**
 * The columns of a `DeviceSummary` (the devices table), in `SUMMARY_COLUMNS` order: read as
 * arrays (better-sqlite3 `raw`), which is about twice as fast as one object per row for 5,000 rows.
 */
type DeviceSummaryRow = [
  id: number,
  ip: string,
  type: string,
  vendor: string | null,
  model: string | null,
  serial: string | null,
  mac: string | null,
  sysName: string | null,
  hostName: string | null,
  room: string | null,
  lastSeen: string,
  missing: number,
];

const SUMMARY_COLUMNS =
  'id, ip, type, vendor, model, serial, mac, sys_name, host_name, room, last_seen, missing';

/** A summary row as the `DeviceSummary` the devices table shows. */
const toDeviceSummary = (row: DeviceSummaryRow): DeviceSummary => {
  const [id, ip, type, vendor, model, serial, mac, sysName, hostName, room, lastSeen, missing] = row;
  const base = { id, ip, vendor, model, serial, mac, sysName, hostName, room, lastSeen };
  return { ...base, type: type as DeviceType, missing: missing === 1 };
};

/**
 * The devices repository on a migrated database: record, markMissing, list, listSummaries, get,
 * edit, system, credentialKeysByIp. All SQL on the `devices` table lives here.
 */
export function createDevicesRepo(db: Db) {
  // One serial at two addresses under two names in the same scan is two devices (cloned or
  // placeholder serials, e.g. the "AAA0A00000" of some JetDirect cards); a device answering at two
  // addresses under one name (wired and Wi-Fi) stays one. The device with the same MAC comes first.
  const bySerialStatement = db.prepare<
    { serial: string; ip: string; mac: string | null; name: string | null; scanId: number },
    { id: number }
  >(`SELECT id FROM devices WHERE serial = @serial
       AND NOT (last_scan_id = @scanId AND ip <> @ip AND sys_name IS NOT @name)
     ORDER BY mac IS @mac DESC, id LIMIT 1`);
  const bySerial = (
    serial: string | null,
    ip: string,
    mac: string | null,
    name: string | null,
    scanId: number,
  ) => (serial ? bySerialStatement.get({ serial, ip, mac, name, scanId }) : undefined);
  const byMac = db.prepare<[string], { id: number }>(
    'SELECT id FROM devices WHERE mac = ? ORDER BY id LIMIT 1',
  );
  const byIdentity = db.prepare<[string], { id: number }>(
    'SELECT id FROM devices WHERE identity = ? ORDER BY id LIMIT 1',
  );
  const byId = db.prepare<[number], DeviceRow>('SELECT * FROM devices WHERE id = ?');
  const listAll = db.prepare<[], DeviceRow>('SELECT * FROM devices');
  const listOfType = db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE type = ?');
  const summariesAll = db.prepare<[], DeviceSummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM devices`).raw(true);
  const summariesOfType = db
    .prepare<[string], DeviceSummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM devices WHERE type = ?`)
    .raw(true);
  const insert = db.prepare(`
    INSERT INTO devices (identity, ip, type, vendor, model, serial, mac, sys_name, sys_descr, sys_object_id,
      sys_location, sys_contact, firmware, uptime_seconds, raw_system, credential_key, first_seen, last_seen,
      missing, last_scan_id)
    VALUES (@identity, @ip, @type, @vendor, @model, @serial, @mac, @sysName, @sysDescr, @sysObjectID,
      @sysLocation, @sysContact, @firmware, @uptimeSeconds, @rawSystem, @credentialKey, @now, @now, 0, @scanId)`);
  const update = db.prepare(`
    UPDATE devices SET identity = @identity, ip = @ip, type = @type, vendor = COALESCE(@vendor, vendor),
      model = COALESCE(@model, model), serial = COALESCE(@serial, serial), mac = @mac, sys_name = @sysName, sys_descr = @sysDescr, sys_object_id = @sysObjectID,
      sys_location = @sysLocation, sys_contact = @sysContact, firmware = @firmware, uptime_seconds = @uptimeSeconds,
      raw_system = @rawSystem, credential_key = @credentialKey, last_seen = @now, missing = 0, last_scan_id = @scanId
    WHERE id = @id`);

  const setNetwork = db.prepare(`
    UPDATE devices SET host_name = @hostName, workgroup = @workgroup, os = @os, open_ports = @openPorts,
      sources = @sources WHERE id = @id`);
  const byIpWithoutMac = db.prepare<[string], { id: number }>(
    'SELECT id FROM devices WHERE ip = ? AND mac IS NULL ORDER BY last_seen DESC, id LIMIT 1',
  );
  const byIp = db.prepare<[string], { id: number }>(
    'SELECT id FROM devices WHERE ip = ? ORDER BY last_seen DESC, id LIMIT 1',
  );
  const updateSeen = db.prepare(`
    UPDATE devices SET identity = @identity, ip = @ip, type = @type, vendor = @vendor, model = @model,
      serial = @serial, mac = @mac, last_seen = @now, missing = 0, last_scan_id = @scanId WHERE id = @id`);
  const insertNetwork = db.prepare(`
    INSERT INTO devices (identity, ip, type, vendor, model, serial, mac, first_seen, last_seen, missing,
      last_scan_id, sources)
    VALUES (@identity, @ip, @type, @vendor, @model, @serial, @mac, @now, @now, 0, @scanId, '[]')`);

  /**
   * Writes the agentless facts (null: the probes did not run, keep what is stored) and adds
   * `sources`; a self-inventoried OS is exact and is kept over a guess.
   */
  const writeNetwork = (id: number, facts: NetworkFacts | null, sources: readonly DeviceSource[]) => {
    const row = byId.get(id) as DeviceRow;
    setNetwork.run({
      id,
      hostName: facts?.hostName ?? row.host_name,
      workgroup: facts?.workgroup ?? row.workgroup,
      os: row.inventoried_at ? row.os : (facts?.os ?? row.os),
      openPorts: facts ? JSON.stringify(facts.openPorts) : row.open_ports,
      sources: JSON.stringify(
        mergeSources(jsonArray(row.sources) as string[], [...sources, ...(facts?.sources ?? [])]),
      ),
    });
  };

  const record = db.transaction(
    (o: DeviceObservation, scanId: number, now: string): { id: number; created: boolean } => {
      const identity = identityOf(o);
      const match =
        bySerial(o.serial, o.ip, o.mac, o.system.sysName, scanId) ??
        (o.mac ? byMac.get(o.mac) : undefined) ??
        byIdentity.get(`name:${o.system.sysName ?? ''}@${o.ip}`);
      const params = {
        identity,
        ip: o.ip,
        type: o.type,
        vendor: o.vendor,
        model: o.model,
        serial: o.serial,
        mac: o.mac,
        sysName: o.system.sysName,
        sysDescr: o.system.sysDescr,
        sysObjectID: o.system.sysObjectID,
        sysLocation: o.system.sysLocation,
        sysContact: o.system.sysContact,
        firmware: o.firmware,
        uptimeSeconds: o.system.sysUpTime === null ? null : Math.floor(o.system.sysUpTime / 100),
        rawSystem: JSON.stringify(o.system),
        credentialKey: o.credentialKey,
        now,
        scanId,
      };
      const id = match ? match.id : Number(insert.run(params).lastInsertRowid);
      if (match) update.run({ ...params, id });
      writeNetwork(id, o.network ?? null, ['snmp']);
      return { id, created: !match };
    },
  );

  const recordNetwork = db.transaction(
    (o: NetworkObservation, scanId: number, now: string): { id: number; created: boolean } => {
      const identity = networkIdentityOf(o);
      const match =
        bySerial(o.serial, o.ip, o.mac, o.hostName, scanId) ??
        (o.mac ? byMac.get(o.mac) : undefined) ??
        byIdentity.get(identity) ??
        (o.mac ? byIpWithoutMac.get(o.ip) : byIp.get(o.ip));
      const params = { identity, ...o, now, scanId };
      if (!match) {
        const id = Number(insertNetwork.run(params).lastInsertRowid);
        writeNetwork(id, o, []);
        return { id, created: true };
      }
      const row = byId.get(match.id) as DeviceRow;
      // What an SNMP agent or a self-inventory said wins over what ports suggest.
      const known = (jsonArray(row.sources) as string[]).some((s) => s === 'snmp' || s === 'self-inventory');
      const keptIdentity = /^(serial|mac|name):/.test(row.identity ?? '') ? row.identity : identity;
      updateSeen.run({
        ...params,
        id: match.id,
        identity: keptIdentity,
        type: known ? row.type : o.type,
        vendor: row.vendor ?? o.vendor,
        model: row.model ?? o.model,
        serial: row.serial ?? o.serial,
        mac: row.mac ?? o.mac,
      });
      writeNetwork(match.id, o, []);
      return { id: match.id, created: false };
    },
  );

  const markMissing = db.transaction(
    (startedAt: string, scanned: (ip: string) => boolean, searched: readonly DeviceSource[]): number => {
      const rows = db
        .prepare<[string], { id: number; ip: string; sources: string }>(
          'SELECT id, ip, sources FROM devices WHERE last_seen < ?',
        )
        .all(startedAt);
      const setMissing = db.prepare('UPDATE devices SET missing = 1 WHERE id = ?');
      let count = 0;
      for (const row of rows) {
        if (!scanned(row.ip)) continue;
        // Only what this scan looked for can be found missing (not a PC known from its own
        // inventory, a USB board, nor a PC when the scan was SNMP only).
        if (!(jsonArray(row.sources) as string[]).some((source) => searched.includes(source as DeviceSource)))
          continue;
        setMissing.run(row.id);
        count++;
      }
      return count;
    },
  );
  return {
    /**
     * Records what a scan saw: updates the matching device (serial, else MAC, else sysName@IP)
     * or creates one. Room and notes are never touched. Runs in one transaction.
     * @returns the device id and whether it is new.
     */
    record(o: DeviceObservation, scanId: number, now: string): { id: number; created: boolean } {
      // IMMEDIATE takes the write lock first: two processes writing at once wait, never fail.
      return record.immediate(o, scanId, now);
    },

    /**
     * Records a host that only the agentless probes saw (no SNMP agent answered): updates the
     * device with the same serial, MAC, computer name at that address, or address (a device at
     * that address without a MAC when this host reports one), or creates one. The type of a device
     * known from SNMP or a self-inventory is kept. Runs in one IMMEDIATE transaction.
     * @returns the device id and whether it is new.
     */
    recordNetwork(o: NetworkObservation, scanId: number, now: string): { id: number; created: boolean } {
      return recordNetwork.immediate(o, scanId, now);
    },

    /**
     * Sets the MAC of a device that has none, from the ARP cache (and its vendor from the OUI if
     * it has none either). Does nothing when another device already has that MAC.
     */
    learnMac(id: number, mac: string, vendor: string | null): void {
      db.prepare(
        `UPDATE devices SET mac = @mac, vendor = COALESCE(vendor, @vendor),
           identity = CASE WHEN identity LIKE 'serial:%' THEN identity ELSE 'mac:' || @mac END
         WHERE id = @id AND mac IS NULL AND NOT EXISTS (SELECT 1 FROM devices WHERE mac = @mac)`,
      ).run({ id, mac, vendor });
    },

    /**
     * Marks as missing the devices of the scanned addresses that no scan has seen since
     * `startedAt` (time decides, not the scan id, so two scans at once never mark each other's devices).
     * @param scanned tells whether an address was part of the scan.
     * @param searched the sources the scan looked with (`snmp`, and `network`, `pjlink` unless SNMP only):
     *   a device known only otherwise is left alone.
     * @returns how many devices of the scanned addresses are missing.
     */
    markMissing(
      startedAt: string,
      scanned: (ip: string) => boolean,
      searched: readonly DeviceSource[],
    ): number {
      return markMissing.immediate(startedAt, scanned, searched);
    },

    /** The inventory, optionally of one type, sorted by IP. */
    list(type?: DeviceType): Device[] {
      const rows = type ? listOfType.all(type) : listAll.all();
      return sortByIp(rows.map(toDevice));
    },

    /**
     * The devices table's rows (`DeviceSummary`), optionally of one type, sorted by IP then id
     * like `list`. Reads only the table's columns: about a third of `list`'s time for 5,000
     * devices (no sysDescr, notes or network facts to read, copy and parse).
     */
    listSummaries(type?: DeviceType): DeviceSummary[] {
      const rows = type ? summariesOfType.all(type) : summariesAll.all();
      return sortByIp(rows.map(toDeviceSummary));
    },

    /** One device, or undefined. */
    get(id: number): Device | undefined {
      const row = byId.get(id);
      return row ? toDevice(row) : undefined;
    },

    /** Updates room, notes and asset tag (empty text clears them). @returns the device, or undefined if unknown. */
    edit(edit: DeviceEdit): Device | undefined {
      const clean = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() || null);
      const fields = { room: clean(edit.room), notes: clean(edit.notes), asset_tag: clean(edit.assetTag) };
      for (const [column, value] of Object.entries(fields)) {
        if (value !== undefined)
          db.prepare(`UPDATE devices SET ${column} = ? WHERE id = ?`).run(value, edit.id);
      }
      return this.get(edit.id);
    },

    /** The SNMPv2-MIB system group as last read from a device (empty values if never read). */
    system(id: number): SystemGroup {
      const row = db
        .prepare<[number], { raw_system: string | null }>('SELECT raw_system FROM devices WHERE id = ?')
        .get(id);
      const empty: SystemGroup = {
        sysDescr: null,
        sysObjectID: null,
        sysUpTime: null,
        sysContact: null,
        sysName: null,
        sysLocation: null,
        sysServices: null,
      };
      try {
        return { ...empty, ...(JSON.parse(row?.raw_system ?? '{}') as Partial<SystemGroup>) };
      } catch {
        return empty;
      }
    },

    /** The credential key remembered for each device address (to try that credential first). */
    credentialKeysByIp(): Map<string, string> {
      const rows = db
        .prepare<[], { ip: string; credential_key: string }>(
          'SELECT ip, credential_key FROM devices WHERE credential_key IS NOT NULL',
        )
        .all();
      return new Map(rows.map((r) => [r.ip, r.credential_key]));
    },
  };
}

export type DevicesRepo = ReturnType<typeof createDevicesRepo>;
