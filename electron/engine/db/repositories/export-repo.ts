/**
 * What exports and rooms imports read and write: the devices with their asset tag
 * (`devices.asset_tag`, migration 0004), and the room / asset tag / notes a rooms import sets.
 * It names its columns one by one and never reads the credentials table.
 */
import type { ExportedDevice, RoomImportField } from '../../../../shared/domain/export';
import type { Db } from '../database';
import { toDevice, type DeviceRow } from './devices-repo';

const COLUMNS = `id, ip, type, vendor, model, serial, mac, sys_name, sys_descr, sys_object_id, sys_location,
  sys_contact, firmware, uptime_seconds, first_seen, last_seen, missing, room, notes, asset_tag, identity,
  host_name, workgroup, os, open_ports, sources, inventoried_at`;

/** The SQL column of each field a rooms import may change. */
const FIELD_COLUMN: Record<RoomImportField, string> = { room: 'room', assetTag: 'asset_tag', notes: 'notes' };

/** One field to write on one device, applied only if it still holds `from` (null = empty). */
export interface FieldWrite {
  deviceId: number;
  field: RoomImportField;
  from: string | null;
  to: string | null;
}

/** The export and rooms-import queries on `db` (a migrated Parc database). */
export function createExportRepo(db: Db) {
  const all = db.prepare<[], DeviceRow>(`SELECT ${COLUMNS} FROM devices`);
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
      return all.all().map(toDevice);
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
