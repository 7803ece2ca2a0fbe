/**
 * Terminal output of the CLI: the devices table and progress lines.
 */
import type { ProjectorSummary } from '../../shared/domain/projector-summary';
import type { Device } from '../../shared/domain/device';
import type { PrinterSummary, Supply } from '../../shared/domain/printer';
import type { ScanProgress, ScanSummary } from '../../shared/domain/scan';

const COLUMNS: readonly [string, (d: Device) => string | null][] = [
  ['IP', (d) => d.ip],
  ['TYPE', (d) => d.type + (d.missing ? ' (missing)' : '')],
  ['VENDOR', (d) => d.vendor],
  ['MODEL', (d) => d.model],
  ['SERIAL', (d) => d.serial],
  ['MAC', (d) => d.mac],
  ['NAME', (d) => d.sysName ?? d.hostName],
  ['OS', (d) => d.os],
];

/** Longest text shown in a cell; longer values are cut with an ellipsis. */
const MAX_CELL = 32;

/** Control characters, and the bidi controls that reorder a line, that a device could use to mess with the terminal. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with its unprintable characters (see UNPRINTABLE) replaced by spaces. */
export const printable = (text: string) => text.replace(UNPRINTABLE, ' ');

/** Formats devices as an aligned text table (one header line, one line per device). */
export function formatDeviceTable(devices: readonly Device[]): string {
  const rows = devices.map((d) =>
    COLUMNS.map(([, get]) => {
      const text = printable(get(d) ?? '-');
      return text.length > MAX_CELL ? text.slice(0, MAX_CELL - 1) + '…' : text;
    }),
  );
  const header = COLUMNS.map(([name]) => name);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** One progress line: `scan: 120/254 addresses, 12 devices`, then `scan: 3/12 printers read`. */
export function formatProgress(p: ScanProgress): string {
  return p.phase === 'printers'
    ? `scan: ${p.done}/${p.total} printers read`
    : `scan: ${p.done}/${p.total} addresses, ${p.found} devices`;
}

/** The closing summary of a scan, with its problems. */
export function formatSummary(scan: ScanSummary): string {
  const seconds = scan.finishedAt ? (Date.parse(scan.finishedAt) - Date.parse(scan.startedAt)) / 1000 : 0;
  const lines = [
    `scan ${scan.status}: ${scan.addressCount} addresses in ${seconds.toFixed(1)} s, ${scan.respondedCount} devices ` +
      `(${scan.newCount} new, ${scan.updatedCount} updated, ${scan.missingCount} missing)`,
    ...scan.problems.map((p) => `  problem: ${p.ip}: ${printable(p.reason)}`),
    ...(scan.respondedCount === 0 && scan.missingCount > 0
      ? ['  warning: no device answered, yet some were known here: check the community or SNMPv3 user']
      : []),
  ];
  return lines.join('\n') + '\n';
}

/** Supply states in words for the terminal. */
const STATE_WORDS: Record<Supply['state'], string> = {
  ok: 'ok',
  low: 'LOW',
  empty: 'EMPTY',
  'almost-full': 'ALMOST FULL',
  full: 'FULL',
  'some-remaining': 'some left',
  unknown: 'unknown',
  unlimited: 'unlimited',
};

/** The printers as text: one line per printer, then one indented line per supply. */
export function formatPrinters(printers: readonly PrinterSummary[]): string {
  const lines = printers.flatMap((p) => [
    `${p.ip}  ${printable(p.sysName ?? p.model ?? '-')}  ${printable(p.model ?? '')}  [${p.status}${p.errors.length ? ': ' + p.errors.join(', ') : ''}]${p.room ? '  room ' + printable(p.room) : ''}`,
    ...p.supplies.map((s) => {
      const level =
        s.percent === null
          ? STATE_WORDS[s.state]
          : `${Math.round(s.percent)}% ${s.state === 'ok' ? '' : STATE_WORDS[s.state]}`;
      const days = s.daysLeft === null ? '' : `  ~${s.daysLeft} days`;
      return `    ${s.kind}${s.color ? ' ' + s.color : ''}: ${level.trim()}${days}  ${printable(s.description ?? '')}${s.partNumber ? ' (' + printable(s.partNumber) + ')' : ''}`;
    }),
  ]);
  return lines.join('\n') + '\n';
}

/** A projector's state in French and English, as the TNI view words it. */
const PROJECTOR_STATE_WORDS: Record<ProjectorSummary['state'], string> = {
  on: 'allumé / on',
  standby: 'veille / standby',
  off: 'éteint / off',
  unreachable: 'injoignable / unreachable',
};

/** `parc projectors`: one line per projector or panel (alerts first), then one per lamp. */
export function formatProjectors(projectors: readonly ProjectorSummary[]): string {
  if (projectors.length === 0) return 'No projector or interactive panel known: scan the network first.\n';
  const lines = projectors.flatMap((p) => [
    `${p.ip}  ${printable(p.name ?? '-')}  ${printable([p.vendor, p.model].filter(Boolean).join(' '))}  [${PROJECTOR_STATE_WORDS[p.state]}]${p.room ? '  room ' + printable(p.room) : ''}${p.alerts.length ? '  ALERT: ' + p.alerts.map((a) => a.part ?? a.code).join(', ') : ''}`,
    ...p.lamps.map(
      (lamp, i) =>
        `    lamp ${i + 1}: ${lamp.hours} h / ${lamp.ratedHours} h (${lamp.percentUsed}%)${p.lampModel ? '  replacement ' + printable(p.lampModel) : ''}`,
    ),
    ...(p.filterHours === null ? [] : [`    filter: ${p.filterHours} h`]),
  ]);
  return lines.join('\n') + '\n';
}
