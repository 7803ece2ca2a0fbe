import type { PjlinkErrors, PjlinkLevel } from '../../../../shared/domain/projector';
import type { ProjectorLamp, ProjectorSummary } from '../../../../shared/domain/projector-summary';

/** A lamp at or above this share of its rated life (percent) is flagged, as the engine's `lamp-end` alert. */
export const LAMP_FLAG_PERCENT = 90;

/** The ERST parts, in the PJLink order (fan, lamp, temperature, cover, filter, other). */
export const PJLINK_PARTS = ['fan', 'lamp', 'temperature', 'cover', 'filter', 'other'] as const;
export type PjlinkPart = (typeof PJLINK_PARTS)[number];

/** One part in warning or error, from PJLink ERST. */
export type PartProblem = { readonly part: PjlinkPart; readonly level: Exclude<PjlinkLevel, 'ok'> };

/** The name people know a projector by: its PJLink NAME, else its model, else its IP. */
export function projectorName(projector: Pick<ProjectorSummary, 'name' | 'model' | 'ip'>): string {
  return projector.name?.trim() || projector.model?.trim() || projector.ip;
}

/** True when a lamp has used 90 % or more of its rated life (the gauge is flagged). */
export function isLampFlagged(lamp: Pick<ProjectorLamp, 'percentUsed'>): boolean {
  return lamp.percentUsed >= LAMP_FLAG_PERCENT;
}

/** The most worn lamp's share of its rated life, rounded to a whole percent; null without lamps. */
export function worstLampPercent(projector: Pick<ProjectorSummary, 'lamps'>): number | null {
  if (projector.lamps.length === 0) return null;
  return Math.round(Math.max(...projector.lamps.map((lamp) => lamp.percentUsed)));
}

/** The projectors with a `lamp-end` alert (« Lampes à prévoir »), in the engine's order. */
export function lampsToPlan(projectors: readonly ProjectorSummary[]): readonly ProjectorSummary[] {
  return projectors.filter((projector) => projector.alerts.some((alert) => alert.code === 'lamp-end'));
}

/** True when the engine says the filter is due (`filter-due` alert: ERST filter in warning or error). */
export function isFilterDue(projector: Pick<ProjectorSummary, 'alerts'>): boolean {
  return projector.alerts.some((alert) => alert.code === 'filter-due');
}

/** The ERST parts in warning or error, in the PJLink order; empty when all ok or never read. */
export function partProblems(errors: PjlinkErrors | null): readonly PartProblem[] {
  if (!errors) return [];
  return PJLINK_PARTS.flatMap((part) => {
    const level = errors[part];
    return level === 'ok' ? [] : [{ part, level }];
  });
}

/**
 * The projectors by room, keeping the engine's order (alerts first): a room comes where its
 * first projector is, and the devices without a room (`room: null`) come last.
 */
export function groupProjectorsByRoom(
  projectors: readonly ProjectorSummary[],
): ReadonlyArray<{ readonly room: string | null; readonly projectors: readonly ProjectorSummary[] }> {
  const groups = new Map<string | null, ProjectorSummary[]>();
  for (const projector of projectors) {
    const room = projector.room?.trim() || null;
    const group = groups.get(room);
    if (group) group.push(projector);
    else groups.set(room, [projector]);
  }
  const rooms: Array<string | null> = [...groups.keys()].filter((room) => room !== null);
  if (groups.has(null)) rooms.push(null);
  return rooms.map((room) => ({ room, projectors: groups.get(room) ?? [] }));
}
