/**
 * The rooms import plan, pure: each row of the sheets is matched to a device by its serial,
 * else its MAC, else its IP, else its name (the first identifier the row has that matches any
 * device decides); the room, asset tag and notes of the sheet are compared with the device's,
 * and only the fields that differ become changes. Nothing is written here.
 */
import type {
  ExportedDevice,
  FieldChange,
  MatchKey,
  RoomImportField,
  RoomImportPlan,
} from '../../../shared/domain/export';
import { unneutralise } from '../export/neutralise';
import { columnOf, type ImportColumn } from './headers';
import type { Table } from './read-table';

const MATCH_ORDER: readonly MatchKey[] = ['serial', 'mac', 'ip', 'name'];
const FIELDS: readonly RoomImportField[] = ['room', 'assetTag', 'notes'];
/** Longest text each field takes (as the device edit form allows). */
const MAX_LENGTH: Readonly<Record<RoomImportField, number>> = { room: 100, assetTag: 100, notes: 5000 };
const FIELD_WORDS: Readonly<Record<RoomImportField, string>> = {
  room: 'room',
  assetTag: 'asset tag',
  notes: 'notes',
};

/** A MAC in any usual writing (`AA-BB-…`, `aabb.ccdd.eeff`, `AABBCCDDEEFF`) as `aa:bb:cc:dd:ee:ff`, or null. */
export function normaliseMac(text: string): string | null {
  const hex = text.toLowerCase().replace(/[^0-9a-f]/g, '');
  return hex.length === 12 ? hex.match(/../g)!.join(':') : null;
}

/** How an identifier is compared: serials and names without case, MACs normalised, IPs as written. */
const keyOf: Readonly<Record<MatchKey, (text: string) => string | null>> = {
  serial: (t) => t.toLowerCase() || null,
  mac: normaliseMac,
  ip: (t) => t || null,
  name: (t) => t.toLowerCase() || null,
};
const deviceValue: Readonly<Record<MatchKey, (d: ExportedDevice) => string | null>> = {
  serial: (d) => d.serial,
  mac: (d) => d.mac,
  ip: (d) => d.ip,
  name: (d) => d.sysName ?? d.hostName,
};

/** A cell as a field value: trimmed, un-neutralised, empty → null. */
const fieldValue = (cell: string | undefined) =>
  cell === undefined ? null : unneutralise(cell.trim()) || null;

/** Indexes of the devices by each identifier. */
function indexDevices(devices: readonly ExportedDevice[]) {
  const index = Object.fromEntries(
    MATCH_ORDER.map((k) => [k, new Map<string, ExportedDevice[]>()]),
  ) as Record<MatchKey, Map<string, ExportedDevice[]>>;
  for (const device of devices) {
    for (const key of MATCH_ORDER) {
      const raw = deviceValue[key](device);
      const value = raw === null ? null : keyOf[key](raw.trim());
      if (value === null) continue;
      const list = index[key].get(value);
      if (list) list.push(device);
      else index[key].set(value, [device]);
    }
  }
  return index;
}

/** Builds the plan of `tables` (the sheets of `file`) against `devices`. */
export function planRoomImport(
  file: string,
  tables: readonly Table[],
  devices: readonly ExportedDevice[],
): RoomImportPlan {
  const index = indexDevices(devices);
  const plan: RoomImportPlan = { file, columns: [], rowCount: 0, matched: [], unmatched: [], ambiguous: [] };
  const taken = new Map<number, RoomImportPlan['matched'][number]['row']>();
  const columns = new Set<RoomImportField>();

  for (const table of tables) {
    const at = new Map<ImportColumn, number>();
    table.header.forEach((h, i) => {
      const column = columnOf(h);
      if (column && !at.has(column)) at.set(column, i);
    });
    const editable = FIELDS.filter((f) => at.has(f));
    if (editable.length === 0 || !MATCH_ORDER.some((k) => at.has(k))) continue;
    editable.forEach((f) => columns.add(f));

    for (const { line, cells } of table.rows) {
      const row = { sheet: table.sheet, line };
      plan.rowCount++;
      const cell = (c: ImportColumn) => (at.has(c) ? (cells[at.get(c)!] ?? '').trim() : '');
      const tried = MATCH_ORDER.filter((k) => cell(k) !== '');
      if (tried.length === 0) {
        plan.unmatched.push({ row, reason: 'no serial number, MAC, IP or name' });
        continue;
      }
      const hit = tried
        .map((key) => ({ key, found: index[key].get(keyOf[key](cell(key)) ?? '') ?? [] }))
        .find((h) => h.found.length > 0);
      if (!hit) {
        plan.unmatched.push({
          row,
          reason: `no device with ${tried.map((k) => `${k} "${cell(k)}"`).join(', ')}`,
        });
        continue;
      }
      if (hit.found.length > 1) {
        plan.ambiguous.push({
          row,
          matchedBy: hit.key,
          deviceIds: hit.found.map((d) => d.id),
          reason: `${hit.found.length} devices have ${hit.key} "${cell(hit.key)}"`,
        });
        continue;
      }
      const device = hit.found[0];
      const earlier = taken.get(device.id);
      if (earlier) {
        plan.ambiguous.push({
          row,
          matchedBy: hit.key,
          deviceIds: [device.id],
          reason: `the same device as ${earlier.sheet ? `${earlier.sheet} ` : ''}line ${earlier.line}`,
        });
        continue;
      }
      const tooLong = editable.find((f) => (fieldValue(cell(f)) ?? '').length > MAX_LENGTH[f]);
      if (tooLong) {
        plan.unmatched.push({
          row,
          reason: `${FIELD_WORDS[tooLong]} longer than ${MAX_LENGTH[tooLong]} characters`,
        });
        continue;
      }
      taken.set(device.id, row);
      const changes: FieldChange[] = editable
        .map((field) => ({ field, from: device[field], to: fieldValue(cell(field)) }))
        .filter((c) => c.from !== c.to);
      plan.matched.push({
        row,
        deviceId: device.id,
        device: device.sysName ?? device.hostName ?? device.ip,
        matchedBy: hit.key,
        changes,
      });
    }
  }
  plan.columns = FIELDS.filter((f) => columns.has(f));
  return plan;
}
