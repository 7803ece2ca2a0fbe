/** Test helpers for the outbox, the sender and the reference hub: a minimal valid report. */
import { randomUUID } from 'node:crypto';
import { DEVICE_TYPES } from '../../../shared/domain/vocabulary';
import {
  HEALTH_REPORT_FORMAT,
  HEALTH_REPORT_VERSION,
  type HealthReport,
} from '../../../shared/domain/report';

/** The token and signing secret the tests configure (and then look for everywhere). */
export const TOKEN = 'tok-7f3a9c1e-hub-bearer-0042';
export const SECRET = 'sec-b61d22e8-signing-key-0042';

/** A minimal valid health report (no devices), with a fresh UUID v4 unless given. */
export function minimalReport(
  id: string = randomUUID(),
  generatedAt = '2026-03-02T07:30:00.000Z',
): HealthReport {
  return {
    format: HEALTH_REPORT_FORMAT,
    version: HEALTH_REPORT_VERSION,
    id,
    school: { uai: '0750655E', name: 'Lycée de test', town: 'Paris' },
    generatedAt,
    period: { from: '2026-03-01T07:30:00.000Z', to: generatedAt },
    parcVersion: '0.1.0',
    inventory: {
      total: 0,
      byType: Object.fromEntries(DEVICE_TYPES.map((t) => [t, 0])) as HealthReport['inventory']['byType'],
      missing: 0,
    },
    changes: { newDevices: [], missingDevices: [] },
    incidents: [],
    toOrder: [],
    projectors: { count: 0, hoursPerDayAverage: null },
    fileServer: null,
  };
}
