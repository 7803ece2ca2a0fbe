import type { Migration } from './index';

/**
 * A running scan's heartbeat: another Parc process starting up closes only the scans whose
 * heartbeat stopped (a crash), never one that another process is running.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'scan-heartbeat',
  up: `ALTER TABLE scans ADD COLUMN heartbeat_at TEXT;`,
};
