import type { Migration } from './index';

/** Printer incidents, opened once and closed when they clear (issue 3, thresholds). */
export const migration0003: Migration = {
  version: 3,
  name: 'printer-incidents',
  up: `
    CREATE TABLE printer_incidents (
      id INTEGER PRIMARY KEY,
      device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
      incident_key TEXT NOT NULL,       -- supply-empty:<key>, supply-low:<key>, printer-error:<error>
      opened_at TEXT NOT NULL,
      closed_at TEXT
    );
    CREATE INDEX printer_incidents_open ON printer_incidents(device_id, closed_at);
  `,
};
