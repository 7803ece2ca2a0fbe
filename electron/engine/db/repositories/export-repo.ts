/**
 * What exports and rooms imports read and write: the devices with their asset tag
 * (`devices.asset_tag`, migration 0004), and the room / asset tag / notes a rooms import sets.
 * It names its columns one by one and never reads the credentials table.
 */
import type { DeviceType } from '../../../../shared/domain/device';
import type { ExportedDevice, RoomImportField } from '../../../../shared/domain/export';
import type { Db } from '../database';

interface ExportRow {
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
  first_seen: string;
  last_seen: string;
  missing: number;
  room: string | null;
  notes: string | null;
  asset_tag: string | null;
}

const COLUMNS = `id, ip, type, vendor, model, serial, mac, sys_name, sys_descr, sys_object_id, sys_location,
  sys_contact, firmware, uptime_seconds, first_seen, last_seen, missing, room, notes, asset_tag`;

/** The SQL column of each field a rooms import may change. */
const FIELD_COLUMN: Record<RoomImportField, string> = { room: 'room', assetTag: 'asset_tag', notes: 'notes' };

const toExported = (row: ExportRow): ExportedDevice => ({
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
});

/** One field to write on one device, applied only if it still holds `from` (null = empty). */
export interface FieldWrite {
  deviceId: number;
  field: RoomImportField;
  from: string | null;
  to: string | null;
}

/** The export and rooms-import queries on `db` (a migrated Parc database). */
export function createExportRepo(db: Db) {
  const all = db.prepare<[], ExportRow>(`SELECT ${COLUMNS} FROM devices`);
  const read = (field: RoomImportField) =>
    db.prepare<[number], { value: string | null }>(
      `SELECT ${FIELD_COLUMN[field]} AS value FROM devices WHERE id = ?`,
    );
  const update = (field: RoomImportField) =>
    db.prepare<[string | null, number]>(`UPDATE devices SET ${FIELD_COLUMN[field]} = ? WHERE id = ?`);
  const current = { room: read('room'), assetTag: read('assetTag'), notes: read('notes') };
  const write = { room: update('room'), assetTag: update('assetTag'), notes: update('notes') };

  const apply = db.transaction((writes: readonly FieldWrite[]) => {
    const conflicts: { deviceId: number; field: RoomImportField; reason: string }[] = [];
    const changed = new Set<number>();
    let fields = 0;
    for (const w of writes) {
      const row = current[w.field].get(w.deviceId);
      if (!row) {
        conflicts.push({ deviceId: w.deviceId, field: w.field, reason: 'the device no longer exists' });
      } else if ((row.value ?? null) !== w.from) {
        conflicts.push({ deviceId: w.deviceId, field: w.field, reason: 'changed since the plan was made' });
      } else {
        write[w.field].run(w.to, w.deviceId);
        changed.add(w.deviceId);
        fields++;
      }
    }
    return { devicesChanged: changed.size, fieldsChanged: fields, conflicts };
  });

  return {
    /** Every device with its asset tag, in id order (callers sort for display). */
    devices(): ExportedDevice[] {
      return all.all().map(toExported);
    },

    /**
     * Writes room, asset tag and notes in one IMMEDIATE transaction. A field whose value is no
     * longer `from` (edited meanwhile) or whose device is gone is skipped and reported.
     */
    applyFields(writes: readonly FieldWrite[]) {
      return apply.immediate(writes);
    },
  };
}

export type ExportRepo = ReturnType<typeof createExportRepo>;
