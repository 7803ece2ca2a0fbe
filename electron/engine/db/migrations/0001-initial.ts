import type { Migration } from './index';

/** Devices, scans, credentials, settings and metadata (issue 2). */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    CREATE TABLE scans (
      id INTEGER PRIMARY KEY,
      targets TEXT NOT NULL,            -- JSON array of the targets as typed
      status TEXT NOT NULL,             -- running | done | cancelled | failed
      started_at TEXT NOT NULL,
      finished_at TEXT,
      address_count INTEGER NOT NULL,
      responded_count INTEGER NOT NULL DEFAULT 0,
      new_count INTEGER NOT NULL DEFAULT 0,
      updated_count INTEGER NOT NULL DEFAULT 0,
      missing_count INTEGER NOT NULL DEFAULT 0,
      problems TEXT NOT NULL DEFAULT '[]' -- JSON array of {ip, reason}
    );

    CREATE TABLE devices (
      id INTEGER PRIMARY KEY,
      identity TEXT NOT NULL,           -- serial:…, mac:…, or name:sysName@ip (best key known)
      ip TEXT NOT NULL,
      type TEXT NOT NULL,
      vendor TEXT, model TEXT, serial TEXT, mac TEXT,
      sys_name TEXT, sys_descr TEXT, sys_object_id TEXT, sys_location TEXT, sys_contact TEXT,
      firmware TEXT,
      uptime_seconds INTEGER,
      raw_system TEXT,                  -- JSON of the SNMPv2-MIB system group as read
      credential_key TEXT,              -- keyed hash of the credential that worked, never the secret
      first_seen TEXT NOT NULL,
      last_seen TEXT NOT NULL,
      missing INTEGER NOT NULL DEFAULT 0,
      last_scan_id INTEGER REFERENCES scans(id),
      room TEXT,
      notes TEXT
    );
    CREATE INDEX devices_identity ON devices(identity);
    CREATE INDEX devices_ip ON devices(ip);
    CREATE INDEX devices_mac ON devices(mac);
    CREATE INDEX devices_serial ON devices(serial);

    CREATE TABLE credentials (
      id INTEGER PRIMARY KEY,
      position INTEGER NOT NULL,
      secret TEXT NOT NULL              -- JSON of the credential (community or v3 keys)
    );

    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
};
