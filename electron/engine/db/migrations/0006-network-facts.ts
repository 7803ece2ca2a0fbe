import type { Migration } from './index';

/**
 * What Parc learns about machines without SNMP (issue 10): computer name, workgroup, OS, open
 * TCP ports, where each device was learned from, and when it was last self-inventoried.
 * Devices found before this version came from SNMP.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'network-facts',
  up: `
    ALTER TABLE devices ADD COLUMN host_name TEXT;
    ALTER TABLE devices ADD COLUMN workgroup TEXT;
    ALTER TABLE devices ADD COLUMN os TEXT;
    ALTER TABLE devices ADD COLUMN open_ports TEXT NOT NULL DEFAULT '[]'; -- JSON array of port numbers
    ALTER TABLE devices ADD COLUMN sources TEXT NOT NULL DEFAULT '["snmp"]'; -- JSON array of DeviceSource
    ALTER TABLE devices ADD COLUMN inventoried_at TEXT;
    CREATE INDEX devices_host_name ON devices(host_name);
  `,
};
