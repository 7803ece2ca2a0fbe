/**
 * PJLink's text protocol as pure functions (JBMIA PJLink class 1 v1.04, class 2 v2.00): building a
 * query, reading the greeting and one response line, and turning each answer into a typed value.
 * Nothing here touches the network. Parsing is tolerant of what real projectors send: lower-case
 * headers (`%1powr=1`), trailing spaces, NUL padding and stray line feeds.
 */
import type {
  PjlinkErrors,
  PjlinkLamp,
  PjlinkLevel,
  PjlinkPower,
  PjlinkStatus,
} from '../../../../shared/domain/projector';

/** TCP port of PJLink commands (and UDP port of the class 2 search). */
export const PJLINK_PORT = 4352;

/** Terminator of every PJLink command and response: carriage return (0x0D). */
export const PJLINK_TERMINATOR = '\r';

/** PJLink error answers (`%1LAMP=ERR1`) and what the specification says each means. */
export const PJLINK_ERROR_CODES = {
  ERR1: 'undefined command',
  ERR2: 'out of parameter',
  ERR3: 'unavailable time',
  ERR4: 'projector/display failure',
  ERRA: 'authentication error',
} as const;
export type PjlinkErrorCode = keyof typeof PJLINK_ERROR_CODES;

/** What the greeting line said: `PJLINK 0`, `PJLINK 1 <random>`, or `PJLINK ERRx`. */
export type PjlinkGreeting =
  | { readonly kind: 'open' }
  | { readonly kind: 'challenge'; readonly random: string }
  | { readonly kind: 'error'; readonly code: PjlinkErrorCode };

/** One response line: a value, or an error code, for the command named in its header. */
export type PjlinkResponse =
  | { readonly kind: 'value'; readonly pjlinkClass: 1 | 2; readonly command: string; readonly value: string }
  | {
      readonly kind: 'error';
      readonly pjlinkClass: 1 | 2;
      readonly command: string;
      readonly code: PjlinkErrorCode;
    };

/**
 * Builds one command line, e.g. `buildCommand(1, 'POWR')` → `'%1POWR ?\r'`.
 * @param pjlinkClass 1 or 2, the `%n` prefix.
 * @param command Four letters, upper case (POWR, LAMP…).
 * @param parameter `?` for a query (the default).
 * @throws Error when the command is not four letters or the parameter holds a CR.
 */
export function buildCommand(pjlinkClass: 1 | 2, command: string, parameter = '?'): string {
  if (!/^[A-Z0-9]{4}$/.test(command)) throw new Error(`not a PJLink command: ${command}`);
  if (parameter.includes(PJLINK_TERMINATOR)) throw new Error('a PJLink parameter cannot hold a CR');
  return `%${pjlinkClass}${command} ${parameter}${PJLINK_TERMINATOR}`;
}

/** Removes what projectors pad lines with: NULs, spaces, tabs, LF and CR at either end. */
export function cleanLine(line: string): string {
  return line.replace(/^[\0\s]+|[\0\s]+$/g, '');
}

/**
 * Reads the greeting the projector sends on connection: `PJLINK 0` (no authentication),
 * `PJLINK 1 <random>` (MD5 authentication; `random` kept exactly as sent, case included) or
 * `PJLINK ERRA`/`ERRn`. Case-insensitive; padding tolerated.
 * @returns null when the line is not a PJLink greeting.
 */
export function parseGreeting(line: string): PjlinkGreeting | null {
  const match = /^PJLINK\s+(\S+)(?:\s+(\S+))?$/i.exec(cleanLine(line));
  if (!match) return null;
  const [, first, random] = match;
  if (first === '0' && random === undefined) return { kind: 'open' };
  if (first === '1' && random !== undefined) return { kind: 'challenge', random };
  const code = errorCode(first);
  return code && random === undefined ? { kind: 'error', code } : null;
}

/** True when `line` is the answer a projector gives to a wrong or missing digest: `PJLINK ERRA`. */
export function isAuthError(line: string): boolean {
  return /^PJLINK\s+ERRA$/i.test(cleanLine(line));
}

/**
 * Reads one response line, `%1POWR=1` or `%2FILT=ERR3`: header case-insensitive (the command is
 * returned upper case), value kept as sent minus padding.
 * @returns null when the line is not a PJLink response.
 */
export function parseResponse(line: string): PjlinkResponse | null {
  const match = /^%([12])([A-Z0-9]{4})=(.*)$/is.exec(cleanLine(line));
  if (!match) return null;
  const pjlinkClass = match[1] === '2' ? 2 : 1;
  const command = match[2].toUpperCase();
  const value = match[3];
  const code = errorCode(value);
  return code
    ? { kind: 'error', pjlinkClass, command, code }
    : { kind: 'value', pjlinkClass, command, value };
}

function errorCode(text: string): PjlinkErrorCode | null {
  const upper = text.toUpperCase();
  return Object.hasOwn(PJLINK_ERROR_CODES, upper) ? (upper as PjlinkErrorCode) : null;
}

const POWER_STATES: Readonly<Record<string, PjlinkPower>> = {
  '0': 'off',
  '1': 'on',
  '2': 'cooling',
  '3': 'warming',
};

/** POWR: `0` off, `1` on, `2` cooling, `3` warming up. @returns null when malformed. */
export function parsePower(value: string): PjlinkPower | null {
  return POWER_STATES[value.trim()] ?? null;
}

/**
 * AVMT: `11` video mute on, `21` audio mute on, `31` both on, `30` both off; class 2 also answers
 * `10` (video mute off) and `20` (audio mute off), read as nothing muted.
 * @returns null when malformed.
 */
export function parseAvMute(value: string): { video: boolean; audio: boolean } | null {
  const states: Readonly<Record<string, { video: boolean; audio: boolean }>> = {
    '10': { video: false, audio: false },
    '11': { video: true, audio: false },
    '20': { video: false, audio: false },
    '21': { video: false, audio: true },
    '30': { video: false, audio: false },
    '31': { video: true, audio: true },
  };
  return states[value.trim()] ?? null;
}

const ERROR_LEVELS: Readonly<Record<string, PjlinkLevel>> = { '0': 'ok', '1': 'warning', '2': 'error' };
const ERROR_PARTS = ['fan', 'lamp', 'temperature', 'cover', 'filter', 'other'] as const;

/**
 * ERST: six digits, fan, lamp, temperature, cover, filter, other; each 0 ok, 1 warning, 2 error.
 * @returns null when malformed.
 */
export function parseErrorStatus(value: string): PjlinkErrors | null {
  const digits = value.trim();
  if (digits.length !== ERROR_PARTS.length) return null;
  const levels = [...digits].map((digit) => ERROR_LEVELS[digit]);
  if (levels.some((level) => level === undefined)) return null;
  return Object.fromEntries(ERROR_PARTS.map((part, i) => [part, levels[i]])) as PjlinkErrors;
}

/**
 * LAMP: pairs of cumulative hours and lit flag, one pair per lamp (up to 8), e.g.
 * `1234 1 567 0` → [{hours:1234,on:true},{hours:567,on:false}].
 * @returns null when malformed (odd count, non-numbers, flag not 0/1).
 */
export function parseLamps(value: string): PjlinkLamp[] | null {
  const parts = value.trim().split(/\s+/);
  if (parts.length < 2 || parts.length % 2 !== 0) return null;
  const lamps: PjlinkLamp[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    if (!/^\d{1,10}$/.test(parts[i]) || !/^[01]$/.test(parts[i + 1])) return null;
    lamps.push({ hours: Number(parts[i]), on: parts[i + 1] === '1' });
  }
  return lamps;
}

/** CLSS: `1` or `2`; a later class (a digit above 2) is read as 2, whose commands it keeps. @returns null when malformed. */
export function parseClass(value: string): 1 | 2 | null {
  const text = value.trim();
  if (!/^[1-9]$/.test(text)) return null;
  return text === '1' ? 1 : 2;
}

/** FILT: filter usage time in hours (class 2). @returns null when malformed. */
export function parseHours(value: string): number | null {
  const text = value.trim();
  return /^\d{1,10}$/.test(text) ? Number(text) : null;
}

/** INPT: two characters, type digit then number (`31`; class 2 `3A`), returned upper case. @returns null when malformed. */
export function parseInput(value: string): string | null {
  const text = value.trim().toUpperCase();
  return /^[1-9][0-9A-Z]$/.test(text) ? text : null;
}

/** NAME, INF1, INF2, INFO, SNUM, SVER, RLMP, RFIL: free text, padding removed; null when empty. */
export function parseText(value: string): string | null {
  const text = cleanLine(value);
  return text === '' ? null : text;
}

/** Status fields a query fills, everything except the bookkeeping ones. */
type QueryField = Exclude<keyof PjlinkStatus, 'pjlinkClass' | 'authenticated' | 'unavailable'>;

/** One query of a PJLink read: which command, under which class prefix, into which status field. */
export interface PjlinkQuery {
  readonly command: string;
  /** Prefix to send it with; class 2 commands are only asked of class 2 projectors. */
  readonly pjlinkClass: 1 | 2;
  readonly field: QueryField;
  /** Writes the parsed value into `status`. @returns false when the value is malformed. */
  apply(status: Partial<PjlinkStatus>, value: string): boolean;
}

function query<K extends QueryField>(
  command: string,
  pjlinkClass: 1 | 2,
  field: K,
  parse: (value: string) => PjlinkStatus[K] | null,
  emptyIsValid = false,
): PjlinkQuery {
  return {
    command,
    pjlinkClass,
    field,
    apply(status, value) {
      const parsed = parse(value);
      if (parsed === null && !(emptyIsValid && cleanLine(value) === '')) return false;
      status[field] = parsed as Partial<PjlinkStatus>[K];
      return true;
    },
  };
}

/** CLSS, asked first (with `%1`, which every class understands) to know whether to ask class 2 commands. */
export const CLASS_COMMAND = 'CLSS';

/**
 * The status read, in order, after CLSS: class 1 commands with `%1`, then the class 2 ones with
 * `%2` (asked only when CLSS said 2). Text answers may be empty (null field, not unavailable).
 */
export const STATUS_QUERIES: readonly PjlinkQuery[] = [
  query('POWR', 1, 'power', parsePower),
  query('INPT', 1, 'input', parseInput),
  query('AVMT', 1, 'avMute', parseAvMute),
  query('ERST', 1, 'errors', parseErrorStatus),
  query('LAMP', 1, 'lamps', parseLamps),
  query('NAME', 1, 'name', parseText, true),
  query('INF1', 1, 'manufacturer', parseText, true),
  query('INF2', 1, 'product', parseText, true),
  query('INFO', 1, 'otherInfo', parseText, true),
  query('SNUM', 2, 'serial', parseText, true),
  query('SVER', 2, 'softwareVersion', parseText, true),
  query('FILT', 2, 'filterHours', parseHours),
  query('RLMP', 2, 'lampModel', parseText, true),
  query('RFIL', 2, 'filterModel', parseText, true),
];
