/**
 * Terminal output of the CLI: the devices table and progress lines.
 */
import type { Device } from '../../shared/domain/device';
import type { ScanProgress, ScanSummary } from '../../shared/domain/scan';

const COLUMNS: readonly [string, (d: Device) => string | null][] = [
  ['IP', (d) => d.ip],
  ['TYPE', (d) => d.type + (d.missing ? ' (missing)' : '')],
  ['VENDOR', (d) => d.vendor],
  ['MODEL', (d) => d.model],
  ['SERIAL', (d) => d.serial],
  ['MAC', (d) => d.mac],
  ['NAME', (d) => d.sysName],
];

/** Longest text shown in a cell; longer values are cut with an ellipsis. */
const MAX_CELL = 32;

/** Removes control characters a device could use to mess with the terminal. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const printable = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');

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

/** One progress line: `scan: 120/254 addresses, 12 devices`. */
export function formatProgress(p: ScanProgress): string {
  return `scan: ${p.done}/${p.total} addresses, ${p.found} devices`;
}

/** The closing summary of a scan, with its problems. */
export function formatSummary(scan: ScanSummary): string {
  const seconds = scan.finishedAt ? (Date.parse(scan.finishedAt) - Date.parse(scan.startedAt)) / 1000 : 0;
  const lines = [
    `scan ${scan.status}: ${scan.addressCount} addresses in ${seconds.toFixed(1)} s, ${scan.respondedCount} devices ` +
      `(${scan.newCount} new, ${scan.updatedCount} updated, ${scan.missingCount} missing)`,
    ...scan.problems.map((p) => `  problem: ${p.ip}: ${printable(p.reason)}`),
  ];
  return lines.join('\n') + '\n';
}
