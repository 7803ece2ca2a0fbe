/**
 * Splits an uptime in seconds into whole days and remaining hours (for "12 j 5 h").
 * @returns null for a missing or negative uptime.
 */
export function splitUptime(uptimeSeconds: number | null): { days: number; hours: number } | null {
  if (uptimeSeconds === null || !Number.isFinite(uptimeSeconds) || uptimeSeconds < 0) return null;
  const hoursTotal = Math.floor(uptimeSeconds / 3600);
  return { days: Math.floor(hoursTotal / 24), hours: hoursTotal % 24 };
}

/** One formatter per locale: building an `Intl.DateTimeFormat` costs far more than formatting. */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Formats an ISO 8601 time for people, in the given locale (e.g. `fr-FR` → `29/11/2026 14:05`).
 * @returns the input itself when it is not a valid date.
 */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
    dateTimeFormats.set(locale, format);
  }
  return format.format(date);
}

const countFormats = new Map<string, Intl.NumberFormat>();

/** Formats an integer with the locale's thousands separator. */
export function formatCount(value: number, locale: string): string {
  let format = countFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    countFormats.set(locale, format);
  }
  return format.format(value);
}
