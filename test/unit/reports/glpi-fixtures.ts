/** Test helpers for the GLPI connector: the printers' summaries it is given. */
import type { Db } from '../../../electron/engine/db/database';
import { createExportRepo } from '../../../electron/engine/db/repositories/export-repo';
import type { PrinterSummary } from '../../../shared/domain/printer';
import { READING } from '../export/seed';

/** The printers' summaries the connector is given (printer 1 with the seed's reading). */
export function printerSummaries(db: Db): PrinterSummary[] {
  return createExportRepo(db)
    .devices()
    .filter((d) => d.type === 'printer')
    .map((d) => ({
      ...READING,
      deviceId: d.id,
      ip: d.ip,
      sysName: d.sysName,
      vendor: d.vendor,
      model: d.model,
      serial: d.serial,
      room: d.room,
      readAt: '2026-03-02T08:15:00.000Z',
      pagesPerMonth: null,
      incidents: [],
    }));
}
