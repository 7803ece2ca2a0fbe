/**
 * The JSON export: the whole inventory as one `ExportDocument` (shared/domain/export.ts,
 * `schemaVersion` 1), checked against its own schema before it is written.
 */
import { EXPORT_SCHEMA_VERSION, ExportDocument } from '../../../shared/domain/export';
import type { InventorySnapshot } from './inventory';

/** The document of a snapshot. @throws ZodError if it would not match the published schema (a bug). */
export function buildJsonDocument(snapshot: InventorySnapshot, version: string): ExportDocument {
  return ExportDocument.parse({
    schemaVersion: EXPORT_SCHEMA_VERSION,
    generator: { name: 'Parc', version },
    exportedAt: snapshot.exportedAt,
    school: snapshot.school,
    devices: snapshot.devices,
    printers: [...snapshot.printers.values()]
      .filter((p) => p.readAt !== null)
      .map((p) => ({
        deviceId: p.deviceId,
        readAt: p.readAt,
        reading: {
          status: p.status,
          errors: p.errors,
          alerts: p.alerts,
          display: p.display,
          pageCount: p.pageCount,
          supplies: p.supplies,
          trays: p.trays,
        },
      })),
  });
}

/** The document as text (2-space indent, final newline). */
export const renderJson = (snapshot: InventorySnapshot, version: string) =>
  JSON.stringify(buildJsonDocument(snapshot, version), null, 2) + '\n';
