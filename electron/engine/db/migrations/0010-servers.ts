import type { Migration } from './index';

/**
 * The watched file servers (issue 5): how to reach them (the SMB password sealed like the other
 * secrets), their samples, the numeric series kept at three resolutions (raw 7 days, hourly
 * averages 90 days, daily averages beyond), and their alerts with start and end times.
 * Series names: `cpu` (percent), `load1`, `memory` (used percent), `volume:<mount>` (used percent).
 */
export const migration0010: Migration = {
  version: 10,
  name: 'servers',
  up: `
    CREATE TABLE servers (
      id INTEGER PRIMARY KEY,
      device_id INTEGER REFERENCES devices(id) ON DELETE SET NULL,
      name TEXT NOT NULL,
      address TEXT NOT NULL,
      snmp INTEGER NOT NULL,            -- 0/1
      snmp_port INTEGER NOT NULL,
      smb_share TEXT,
      smb_user TEXT,
      smb_password TEXT,                -- a secret: sealed (os1:…) when the app can, never listed
      smb_port INTEGER NOT NULL,
      local INTEGER NOT NULL,           -- 0/1: Parc runs on this server
      services TEXT NOT NULL,           -- JSON array of process names (hrSWRunName)
      created_at TEXT NOT NULL
    );

    -- Raw samples, 7 days: the whole ServerSample as JSON (shared/domain/server.ts).
    CREATE TABLE server_samples (
      id INTEGER PRIMARY KEY,
      server_id INTEGER NOT NULL REFERENCES servers(id) ON DELETE CASCADE,
      at TEXT NOT NULL,                 -- ISO 8601 (UTC)
      sample TEXT NOT NULL
    );
    CREATE INDEX server_samples_server ON server_samples(server_id, at);
    CREATE INDEX server_samples_at ON server_samples(at);

    -- Raw numeric points of the samples, 7 days.
    CREATE TABLE server_points (
      server_id INTEGER NOT NULL REFERENCES servers(id) ON DELETE CASCADE,
      series TEXT NOT NULL,
      at TEXT NOT NULL,
      value REAL NOT NULL
    );
    CREATE INDEX server_points_series ON server_points(server_id, series, at);
    CREATE INDEX server_points_at ON server_points(at);

    -- Hourly aggregates (bucket = the hour's start, ISO 8601 UTC), 90 days; average = total / samples.
    CREATE TABLE server_hourly (
      server_id INTEGER NOT NULL REFERENCES servers(id) ON DELETE CASCADE,
      series TEXT NOT NULL,
      bucket TEXT NOT NULL,
      total REAL NOT NULL,
      samples INTEGER NOT NULL,
      min REAL NOT NULL,
      max REAL NOT NULL,
      PRIMARY KEY (server_id, series, bucket)
    );
    CREATE INDEX server_hourly_bucket ON server_hourly(bucket);

    -- Daily aggregates (bucket = the UTC day's start), kept about 5 years.
    CREATE TABLE server_daily (
      server_id INTEGER NOT NULL REFERENCES servers(id) ON DELETE CASCADE,
      series TEXT NOT NULL,
      bucket TEXT NOT NULL,
      total REAL NOT NULL,
      samples INTEGER NOT NULL,
      min REAL NOT NULL,
      max REAL NOT NULL,
      PRIMARY KEY (server_id, series, bucket)
    );
    CREATE INDEX server_daily_bucket ON server_daily(bucket);

    CREATE TABLE server_alerts (
      id INTEGER PRIMARY KEY,
      server_id INTEGER NOT NULL REFERENCES servers(id) ON DELETE CASCADE,
      code TEXT NOT NULL,
      subject TEXT NOT NULL DEFAULT '', -- volume or service; '' for the whole server
      severity TEXT NOT NULL CHECK (severity IN ('warning', 'critical')),
      started_at TEXT NOT NULL,
      ended_at TEXT,                    -- null while open
      last_value REAL,
      last_at TEXT NOT NULL
    );
    -- One open alert per condition and subject.
    CREATE UNIQUE INDEX server_alerts_open ON server_alerts(server_id, code, subject) WHERE ended_at IS NULL;
    CREATE INDEX server_alerts_server ON server_alerts(server_id, started_at);
  `,
};
