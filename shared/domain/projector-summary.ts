import { z } from 'zod';
import { PjlinkErrors, PjlinkPower } from './projector';

/** Where a projector reading came from: PJLink (preferred) or the vendor's SNMP MIB. */
export const ProjectorSource = z.enum(['pjlink', 'snmp']);
export type ProjectorSource = z.infer<typeof ProjectorSource>;

/** One reading of a projector or interactive panel, as stored (hours are operating hours). */
export const ProjectorReading = z.object({
  source: ProjectorSource,
  power: PjlinkPower.nullable(),
  errors: PjlinkErrors.nullable(),
  /** Lamp hours of each lamp; `on` is null when the source does not say. */
  lamps: z.array(z.object({ hours: z.number().int().nonnegative(), on: z.boolean().nullable() })),
  filterHours: z.number().int().nonnegative().nullable(),
  /** PJLink NAME (the name the school gave it, e.g. `VP-B12`). */
  name: z.string().nullable(),
  /** Replacement lamp and filter model numbers (PJLink class 2 RLMP / RFIL), for ordering. */
  lampModel: z.string().nullable(),
  filterModel: z.string().nullable(),
  softwareVersion: z.string().nullable(),
});
export type ProjectorReading = z.infer<typeof ProjectorReading>;

/**
 * The state shown in the TNI view: `on` (allumé, also warming up and cooling down), `standby`
 * (veille: PJLink answers, lamp off), `off` (éteint: not seen at the last scan), `unreachable`
 * (injoignable: on the network, but PJLink and SNMP gave no status — password, error).
 */
export const ProjectorState = z.enum(['on', 'standby', 'off', 'unreachable']);
export type ProjectorState = z.infer<typeof ProjectorState>;

/** Alert codes: lamp at 90 % of its rated life, filter due, a PJLink error status in warning or error. */
export const ProjectorAlertCode = z.enum(['lamp-end', 'filter-due', 'pjlink-error']);
export type ProjectorAlertCode = z.infer<typeof ProjectorAlertCode>;

export const ProjectorAlert = z.object({
  code: ProjectorAlertCode,
  severity: z.enum(['warning', 'critical']),
  /** For `pjlink-error`: which part (fan, lamp, temperature, cover, filter, other); else null. */
  part: z.string().nullable(),
});
export type ProjectorAlert = z.infer<typeof ProjectorAlert>;

/** A lamp with its rated life (hours) and how much of it is used (percent, 0–100+). */
export const ProjectorLamp = z.object({
  hours: z.number().int().nonnegative(),
  on: z.boolean().nullable(),
  ratedHours: z.number().int().positive(),
  percentUsed: z.number(),
});
export type ProjectorLamp = z.infer<typeof ProjectorLamp>;

/** One projector or interactive panel, as `parc projectors --json` and the TNI view see it. */
export const ProjectorSummary = z.object({
  deviceId: z.number().int(),
  type: z.enum(['projector', 'interactive-display']),
  ip: z.string(),
  room: z.string().nullable(),
  name: z.string().nullable(),
  vendor: z.string().nullable(),
  model: z.string().nullable(),
  serial: z.string().nullable(),
  state: ProjectorState,
  power: PjlinkPower.nullable(),
  errors: PjlinkErrors.nullable(),
  lamps: z.array(ProjectorLamp),
  filterHours: z.number().int().nullable(),
  lampModel: z.string().nullable(),
  filterModel: z.string().nullable(),
  /** Where the last reading came from; null when never read. */
  source: ProjectorSource.nullable(),
  /** When the last reading was taken, ISO 8601; null when never read. */
  readAt: z.string().nullable(),
  lastSeen: z.string(),
  /** Average lamp hours per day over the last 30 days of readings (usage), or null. */
  hoursPerDay: z.number().nullable(),
  /** Whether the rated lamp life is the referent's own figure (else the model table or the default). */
  ratedByUser: z.boolean(),
  alerts: z.array(ProjectorAlert),
});
export type ProjectorSummary = z.infer<typeof ProjectorSummary>;

/** The referent's rated lamp life for one device; null goes back to the model table / default. */
export const ProjectorRatedLife = z.object({
  deviceId: z.number().int(),
  ratedLampHours: z.number().int().min(100).max(100_000).nullable(),
});
export type ProjectorRatedLife = z.infer<typeof ProjectorRatedLife>;
