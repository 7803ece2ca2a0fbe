import type { Migration } from './index';

/**
 * The outbox of documents sent to the regional hub or a GLPI server, and the secrets used to
 * send them (issue 6). An entry is written and committed before any network use; it leaves
 * `pending` only for `sent` (after a 2xx) or `rejected` (a 4xx other than 408/429).
 */
export const migration0009: Migration = {
  version: 9,
  name: 'outbox',
  up: `
    CREATE TABLE outbox (
      id TEXT PRIMARY KEY,              -- the document's id (UUID), also the Idempotency-Key
      kind TEXT NOT NULL CHECK (kind IN ('report', 'glpi')),
      destination TEXT NOT NULL,        -- where it goes, for people (hub URL, GLPI URL)
      created_at TEXT NOT NULL,         -- ISO 8601
      body TEXT NOT NULL,               -- the document, JSON
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'rejected')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT NOT NULL,    -- ISO 8601; due when <= now
      last_error TEXT,                  -- the last failure, for people (never a secret)
      sent_at TEXT,
      hub_answer TEXT                   -- the hub's answer to the accepted POST (JSON or text)
    );
    CREATE INDEX outbox_due ON outbox(status, next_attempt_at);

    -- Hub token and signing secret, stored as-is for now: issue 9 encrypts them at rest.
    -- Never listed: callers only learn whether a name is set.
    CREATE TABLE secrets (
      name TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
  `,
};
