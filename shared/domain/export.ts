import { z } from 'zod';
import { EXPORT_FORMATS } from './vocabulary';
import { Device, DeviceType } from './device';
import { PrinterReading } from './printer';

export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** What to export and how (`exports.write`). */
export const ExportOptions = z.object({
  /** Only these device types (all when absent or empty). */
  types: z.array(DeviceType).optional(),
  /** CSV only: one file per type in the folder `path` instead of one file. */
  split: z.boolean().optional(),
  /** Replace an existing file (or the same-named files of an existing folder). */
  force: z.boolean().optional(),
});
export type ExportOptions = z.infer<typeof ExportOptions>;

/** What an export wrote: absolute paths of the files, and how many devices they hold. */
export const ExportResult = z.object({ files: z.array(z.string()), devices: z.number().int() });
export type ExportResult = z.infer<typeof ExportResult>;

/** A device as exported: the inventory `Device` plus the asset tag (_n° d'inventaire_) the referent noted. */
export const ExportedDevice = Device;
export type ExportedDevice = z.infer<typeof ExportedDevice>;

/** The version of the JSON export document; bumped when a field changes meaning or goes away. */
export const EXPORT_SCHEMA_VERSION = 1;

/**
 * Parc's JSON export (`parc export --format json`): the whole inventory, for another Parc or
 * any script. Times are ISO 8601 (UTC). Never holds a credential.
 */
export const ExportDocument = z.object({
  schemaVersion: z.literal(EXPORT_SCHEMA_VERSION),
  generator: z.object({ name: z.literal('Parc'), version: z.string() }),
  exportedAt: z.string(),
  /** The school, when the settings know it. */
  school: z.object({ name: z.string().nullable(), uai: z.string().nullable() }),
  devices: z.array(ExportedDevice),
  /** The last reading of each printer that has one (`printer_readings`). */
  printers: z.array(z.object({ deviceId: z.number().int(), readAt: z.string(), reading: PrinterReading })),
});
export type ExportDocument = z.infer<typeof ExportDocument>;

/** The fields a rooms import may change. */
export const ROOM_IMPORT_FIELDS = ['room', 'assetTag', 'notes'] as const;
export const RoomImportField = z.enum(ROOM_IMPORT_FIELDS);
export type RoomImportField = z.infer<typeof RoomImportField>;

/** Which identifier matched a row to a device, in the order they are tried. */
export const MatchKey = z.enum(['serial', 'mac', 'ip', 'name']);
export type MatchKey = z.infer<typeof MatchKey>;

/** Where a row is in the file: the sheet (XLSX, else null) and its row number as a spreadsheet shows it (header = 1). */
export const RowRef = z.object({ sheet: z.string().nullable(), line: z.number().int() });
export type RowRef = z.infer<typeof RowRef>;

/** One change of one field; `null` means empty. */
export const FieldChange = z.object({
  field: RoomImportField,
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type FieldChange = z.infer<typeof FieldChange>;

/**
 * What a rooms import would do (`imports.planRooms`), shown before anything is applied:
 * rows matched to one device (with the fields that differ), rows that match none, and rows
 * that match several devices or a device another row already took.
 */
export const RoomImportPlan = z.object({
  file: z.string(),
  /** The editable columns found (room, assetTag, notes); absent ones are left untouched. */
  columns: z.array(RoomImportField),
  rowCount: z.number().int(),
  matched: z.array(
    z.object({
      row: RowRef,
      deviceId: z.number().int(),
      /** How the device is called in reports: its name, else its IP. */
      device: z.string(),
      matchedBy: MatchKey,
      changes: z.array(FieldChange),
    }),
  ),
  unmatched: z.array(z.object({ row: RowRef, reason: z.string() })),
  ambiguous: z.array(
    z.object({ row: RowRef, matchedBy: MatchKey, deviceIds: z.array(z.number().int()), reason: z.string() }),
  ),
});
export type RoomImportPlan = z.infer<typeof RoomImportPlan>;

/** What applying a plan did: fields written, and changes skipped because the device moved on since the plan. */
export const RoomImportResult = z.object({
  devicesChanged: z.number().int(),
  fieldsChanged: z.number().int(),
  conflicts: z.array(z.object({ deviceId: z.number().int(), field: RoomImportField, reason: z.string() })),
});
export type RoomImportResult = z.infer<typeof RoomImportResult>;
