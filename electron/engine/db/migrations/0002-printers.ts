import type { Migration } from './index';

/** Printer readings, supply level history and recorded cartridge replacements (issue 3). */
export const migration0002: Migration = {
  version: 2,
  name: 'printers',
  up: `
    CREATE TABLE printer_readings (
      id INTEGER PRIMARY KEY,
      device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
      read_at TEXT NOT NULL,
      reading TEXT NOT NULL             -- JSON PrinterReading (shared/domain/printer.ts)
    );
    CREATE INDEX printer_readings_device ON printer_readings(device_id, read_at);

    CREATE TABLE supply_samples (
      device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
      supply_key TEXT NOT NULL,         -- hrDeviceIndex.prtMarkerSuppliesIndex
      read_at TEXT NOT NULL,
      percent REAL,                     -- null when the level is not a real value
      page_count INTEGER                -- prtMarkerLifeCount at that time, or null
    );
    CREATE INDEX supply_samples_key ON supply_samples(device_id, supply_key, read_at);

    CREATE TABLE supply_replacements (
      device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
      supply_key TEXT NOT NULL,
      replaced_at TEXT NOT NULL,
      source TEXT NOT NULL              -- 'manual' (the TOS agent said so) or 'detected' (level jumped up)
    );
    CREATE INDEX supply_replacements_key ON supply_replacements(device_id, supply_key, replaced_at);
  `,
};
