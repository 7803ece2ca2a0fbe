import type { Migration } from './index';

/** Projector and interactive panel readings (PJLink or SNMP), and rated lamp life set by hand (issue 4). */
export const migration0008: Migration = {
  version: 8,
  name: 'projectors',
  up: `
    CREATE TABLE projector_readings (
      id INTEGER PRIMARY KEY,
      device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
      read_at TEXT NOT NULL,
      reading TEXT NOT NULL             -- JSON ProjectorReading (shared/domain/projector-summary.ts)
    );
    CREATE INDEX projector_readings_device ON projector_readings(device_id, read_at);

    CREATE TABLE projector_settings (
      device_id INTEGER PRIMARY KEY REFERENCES devices(id) ON DELETE CASCADE,
      rated_lamp_hours INTEGER          -- the referent's figure; null = model table / default
    );
  `,
};
