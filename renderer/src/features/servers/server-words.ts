/**
 * The « Serveur » screen's words and numbers, pure: the colour tone of each state, sizes in
 * Go / To, and the engine's English texts (SMB errors, what could not be read) as i18n keys.
 */
import type { ServerAlert, ServerHealth, ServerVolumeStatus } from '../../../../shared/domain/server';

/** The badge tone (`status-*` class) of each server state; the state is always written too. */
export const HEALTH_TONE: Readonly<Record<ServerHealth, string>> = {
  ok: 'ok',
  warning: 'warning',
  critical: 'error',
  unknown: 'muted',
};

/** The badge tone of each volume state. */
export const VOLUME_TONE: Readonly<Record<ServerVolumeStatus['state'], string>> = {
  ok: 'ok',
  warning: 'warning',
  critical: 'error',
};

/** Size units, as i18n keys under `servers.units` (Go, To in French). */
export type SizeUnit = 'B' | 'KB' | 'MB' | 'GB' | 'TB' | 'PB';

const UNITS: readonly SizeUnit[] = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/**
 * Splits a byte count into a value and a binary unit (1 Go = 2^30 octets, as Windows' explorer
 * and `df -h` count), the value with one decimal under 10 and none above (`3,6 To`, `31 Go`).
 * @returns `{ value, unit, digits }`; a negative or non-finite count is 0 B.
 */
export function sizeParts(bytes: number): { value: number; unit: SizeUnit; digits: 0 | 1 } {
  let value = Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
  let index = 0;
  while (value >= 1024 && index < UNITS.length - 1) {
    value /= 1024;
    index++;
  }
  // 9.96 would print as « 10,0 »: count it with the values of 10 and more.
  const digits = index === 0 || Math.round(value * 10) / 10 >= 10 ? 0 : 1;
  return { value, unit: UNITS[index]!, digits };
}

/** Formats a byte count in the locale with a unit word, e.g. `3,6 To` (see `sizeParts`). */
export function formatSize(bytes: number, locale: string, unitWord: (unit: SizeUnit) => string): string {
  const { value, unit, digits } = sizeParts(bytes);
  const number = new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
  return `${number} ${unitWord(unit)}`;
}

/** Formats a load average with two decimals in the locale (`0,42`). */
export function formatLoad(load: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(load);
}

/** Whole days of an uptime in seconds, or null when unknown. */
export function uptimeDays(uptimeSeconds: number | null): number | null {
  if (uptimeSeconds === null || !Number.isFinite(uptimeSeconds) || uptimeSeconds < 0) return null;
  return Math.floor(uptimeSeconds / 86_400);
}

/** A text of the engine as an i18n key under `servers.engine` and its parameters. */
export type EngineWords = { key: string; params: Record<string, string> };

/**
 * What the engine writes (electron/engine/servers: smb.ts, smb-negotiate.ts, collect.ts) → the
 * UI's sentence. Tried in order on the text without its ` (NT_STATUS_…)` suffix; captures fill
 * the named parameters.
 */
const ENGINE_PHRASES: readonly { pattern: RegExp; key: string; params?: readonly string[] }[] = [
  { pattern: /^connection refused$/, key: 'connectionRefused' },
  { pattern: /^host unreachable$/, key: 'hostUnreachable' },
  { pattern: /^network unreachable$/, key: 'hostUnreachable' },
  { pattern: /^unknown host$/, key: 'unknownHost' },
  { pattern: /^connection reset$/, key: 'connectionReset' },
  { pattern: /^connection dropped$/, key: 'connectionReset' },
  { pattern: /^connection failed \((.+)\)$/, key: 'connectionFailed', params: ['code'] },
  { pattern: /^connection closed without an SMB answer$/, key: 'notSmb' },
  { pattern: /^no SMB answer within (\d+) ms$/, key: 'smbTimeout', params: ['ms'] },
  { pattern: /^server answered SMB1 only$/, key: 'smb1Only' },
  { pattern: /^not an SMB answer/, key: 'notSmb' },
  { pattern: /^(answer too short|answer too large|truncated( SMB2)? answer|malformed .*)$/, key: 'notSmb' },
  { pattern: /^NEGOTIATE refused/, key: 'negotiateRefused' },
  { pattern: /^unknown dialect/, key: 'negotiateRefused' },
  { pattern: /^not listed: SMB unreachable$/, key: 'notListed' },
  { pattern: /^wrong account or password$/, key: 'logonFailure' },
  { pattern: /^account disabled$/, key: 'accountDisabled' },
  { pattern: /^account locked out$/, key: 'accountLocked' },
  { pattern: /^password expired$/, key: 'passwordExpired' },
  { pattern: /^access denied to the share$/, key: 'accessDenied' },
  { pattern: /^no such share$/, key: 'noSuchShare' },
  { pattern: /^(timed out|listing timed out after \d+ ms)$/, key: 'timedOut' },
  { pattern: /^authentication method not supported$/, key: 'authNotSupported' },
  { pattern: /^smbclient is not installed/, key: 'smbclientMissing' },
  { pattern: /^SNMP: no answer with any credential/, key: 'snmpNoAnswer' },
  { pattern: /^SNMP: no credential to try$/, key: 'snmpNoCredential' },
  { pattern: /^SNMP: refused \((.+)\)$/, key: 'snmpRefused', params: ['detail'] },
  { pattern: /^SNMP ([^:]+): (.+)$/, key: 'snmpPart', params: ['part', 'detail'] },
  { pattern: /^SMB: (.+)$/, key: 'smbFailed', params: ['detail'] },
  { pattern: /^services: the process list could not be read$/, key: 'processList' },
  { pattern: /^local (.+?): (.+)$/, key: 'localPart', params: ['part', 'detail'] },
];

/**
 * Finds the UI sentence of an engine text (an SMB error, a problem of a collection).
 * @returns the key (under `servers.engine`) and its parameters, or, for a text no phrase knows,
 *   `unknown` with the text as `detail` (shown as it is after a French lead-in).
 */
export function engineWords(text: string): EngineWords {
  const bare = text.replace(/ \(NT_STATUS_[A-Z_]+\)$/, '').trim();
  for (const phrase of ENGINE_PHRASES) {
    const match = phrase.pattern.exec(bare);
    if (!match) continue;
    const params: Record<string, string> = {};
    (phrase.params ?? []).forEach((name, i) => (params[name] = match[i + 1] ?? ''));
    return { key: phrase.key, params };
  }
  return { key: 'unknown', params: { detail: text } };
}

/** Alerts critical first, then the oldest first. */
export function sortAlerts(alerts: readonly ServerAlert[]): ServerAlert[] {
  const rank = { critical: 0, warning: 1 } as const;
  return [...alerts].sort(
    (a, b) => rank[a.severity] - rank[b.severity] || Date.parse(a.startedAt) - Date.parse(b.startedAt),
  );
}
