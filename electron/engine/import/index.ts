/**
 * Rooms import (issue 7): the referent's knowledge — room, asset tag, notes — from a CSV or
 * XLSX sheet (often one Parc exported and someone edited in Excel). `planRooms` reads and
 * matches without changing anything; `applyRooms` writes a plan in one transaction.
 */
import { basename } from 'node:path';
import { RoomImportPlan, type RoomImportResult } from '../../../shared/domain/export';
import type { ExportRepo } from '../db/repositories/export-repo';
import { InputError } from '../errors';
import { planRoomImport } from './plan';
import { readTables } from './read-table';

/** The rooms import on the export repository (devices with asset tags; one-transaction writes). */
export function createImportService(deps: { repo: ExportRepo }) {
  return {
    /**
     * Reads `file` (.csv or .xlsx) and says what importing it would change.
     * @throws InputError when the file cannot be read or no sheet has an identifier column
     *   (N° de série, MAC, IP, Nom) and a column to import (Salle, N° d'inventaire, Notes).
     */
    async planRooms(file: string): Promise<RoomImportPlan> {
      const plan = planRoomImport(basename(file), await readTables(file), deps.repo.devices());
      if (plan.columns.length === 0) {
        throw new InputError(
          `${basename(file)} has no sheet with an identifier column (N° de série, MAC, IP, Nom) and a column to import (Salle, N° d'inventaire, Notes).`,
        );
      }
      return plan;
    },

    /**
     * Applies the changes of a plan in one transaction. A field edited since the plan was made
     * (or of a device removed since) is left as it is and reported in `conflicts`.
     * @throws InputError when `plan` is not a valid plan.
     */
    applyRooms(plan: RoomImportPlan): RoomImportResult {
      const parsed = RoomImportPlan.safeParse(plan);
      if (!parsed.success) throw new InputError('Not a rooms import plan.');
      return deps.repo.applyFields(
        parsed.data.matched.flatMap((m) => m.changes.map((c) => ({ deviceId: m.deviceId, ...c }))),
      );
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
