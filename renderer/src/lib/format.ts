/**
 * Splits an uptime in seconds into whole days and remaining hours (for "12 j 5 h").
 * @returns null for a missing or negative uptime.
 */
export function splitUptime(uptimeSeconds: number | null): { days: number; hours: number } | null {
  if (uptimeSeconds === null || !Number.isFinite(uptimeSeconds) || uptimeSeconds < 0) return null;
  const hoursTotal = Math.floor(uptimeSeconds / 3600);
  return { days: Math.floor(hoursTotal / 24), hours: hoursTotal % 24 };
}

/**
 * Formats an ISO 8601 time for people, in the given locale (e.g. `fr-FR` → `29/11/2026 14:05`).
 * @returns the input itself when it is not a valid date.
 */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

/** Formats an integer with the locale's thousands separator. */
export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}
