/**
 * Numbered schema migrations. Each runs once, in order, inside a transaction; the database's
 * `PRAGMA user_version` records the last one applied. Never edit a released migration: add one.
 */
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-printers';
import { migration0003 } from './0003-printer-incidents';
import { migration0005 } from './0005-scan-heartbeat';
import { migration0004 } from './0004-asset-tag';
import { migration0006 } from './0006-network-facts';
import { migration0007 } from './0007-self-inventories';
import { migration0008 } from './0008-projectors';
import { migration0009 } from './0009-outbox';
import { migration0010 } from './0010-servers';

export interface Migration {
  version: number;
  name: string;
  /** SQL run as one script. */
  up: string;
}

export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
];
