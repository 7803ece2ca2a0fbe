import type { Migration } from './index';

/**
 * Self-inventories (issue 10): the files already imported (by the sha256 of their bytes, so a
 * folder imported again is skipped file by file) and the latest document of each device.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'self-inventories',
  up: `
    CREATE TABLE inventory_files (
      sha256 TEXT PRIMARY KEY,          -- hex sha256 of the file's bytes
      file_name TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      device_id INTEGER REFERENCES devices(id)
    );
    CREATE TABLE self_inventories (
      device_id INTEGER PRIMARY KEY REFERENCES devices(id),
      collected_at TEXT NOT NULL,       -- ISO 8601 UTC, the document's collectedAt
      document TEXT NOT NULL            -- JSON of the SelfInventory document
    );
  `,
};
