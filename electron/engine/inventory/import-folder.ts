/**
 * Importing a folder of self-inventories (`parc import inventories FOLDER`): the folder where a
 * logon script drops one file per PC, read again and again as it fills. Files already imported
 * (same bytes) are skipped, so importing twice never duplicates a machine.
 */
import type { InventoryImportResult } from '../../../shared/domain/inventory';
import type { InventoriesRepo } from '../db/repositories/inventories-repo';
import { readInventoryFolder } from './files';

/**
 * Imports every `*.json` file of `folder` (not recursive), each in its own transaction, in file
 * name order (so two documents of one PC in one folder end with the newer one, whatever the order).
 * @param now ISO 8601 time recorded as each file's import time.
 * @returns the counts and lists of InventoryImportResult (each file in exactly one of them).
 * @throws InputError when the folder cannot be listed (missing, not a folder, permission).
 */
export async function importInventoryFolder(
  folder: string,
  repo: InventoriesRepo,
  now: string,
): Promise<InventoryImportResult> {
  const files = await readInventoryFolder(folder);
  const result: InventoryImportResult = {
    files: files.length,
    imported: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    skippedAlreadyImported: 0,
    invalid: [],
    unmatched: [],
  };
  for (const entry of files) {
    if (!('document' in entry)) {
      result.invalid.push({ file: entry.file, code: entry.code, reason: entry.reason });
      continue;
    }
    const outcome = repo.importDocument(entry.document, { sha256: entry.sha256, fileName: entry.file, now });
    switch (outcome) {
      case 'created':
      case 'updated':
      case 'unchanged':
        result[outcome]++;
        result.imported++;
        break;
      case 'already-imported':
        result.skippedAlreadyImported++;
        break;
      case 'unmatched':
        result.unmatched.push({ file: entry.file, hostName: entry.document.hostName });
        break;
      default:
        assertNever(outcome);
    }
  }
  return result;
}

function assertNever(value: never): never {
  throw new Error(`Unexpected import outcome ${String(value)}`);
}
