/**
 * What a test sweep needs from the engine (`SweepDeps`) on a test database: its repositories, a
 * silent logger, a fixed clock and no pacing, each replaceable through `overrides`.
 */
import type { Db } from '../../electron/engine/db/database';
import { createCredentialsRepo } from '../../electron/engine/db/repositories/credentials-repo';
import { createDevicesRepo } from '../../electron/engine/db/repositories/devices-repo';
import type { SweepDeps } from '../../electron/engine/discovery/scan';
import { createLogger } from '../../electron/engine/log';

/** @returns the deps of a sweep on `db`, `overrides` (at least `openSession`) replacing the defaults. */
export function sweepDeps(db: Db, overrides: Partial<SweepDeps> & Pick<SweepDeps, 'openSession'>): SweepDeps {
  return {
    devices: createDevicesRepo(db),
    credentialsRepo: createCredentialsRepo(db),
    logger: createLogger(() => undefined, 'error'),
    now: () => '2026-03-02T08:00:00.000Z',
    maxRequestsPerSecond: 0,
    ...overrides,
  };
}
