/**
 * The printer's condition in words: hrPrinterDetectedErrorState bits (RFC 2790 + RFC 3805),
 * hrPrinterStatus and hrDeviceStatus (RFC 2790) folded into one status, and alert severities.
 */
import type { PrinterAlert, PrinterError, PrinterStatus } from '../../../shared/domain/printer';
import { PRINTER_ERRORS } from '../../../shared/domain/vocabulary';

/**
 * Every error bit set in hrPrinterDetectedErrorState (`1.3.6.1.2.1.25.3.5.1.2`), all octets:
 * bit 0 is the most significant bit of the first octet. Bits past the known ones are ignored.
 * @returns the errors, in bit order.
 */
export function decodeErrorState(bytes: Buffer): PrinterError[] {
  return PRINTER_ERRORS.filter((_, bit) => ((bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0);
}

/** Errors that stop printing (status `error`); the others only warn. `offline` is a status of its own. */
const STOPPING: ReadonlySet<PrinterError> = new Set([
  'no-paper',
  'no-toner',
  'door-open',
  'jammed',
  'service-requested',
  'input-tray-missing',
  'output-tray-missing',
  'marker-supply-missing',
  'output-full',
]);

/** hrPrinterStatus → status (1 other and 2 unknown leave it to hrDeviceStatus). */
const PRINTER_STATUS: Readonly<Record<number, PrinterStatus>> = { 3: 'idle', 4: 'printing', 5: 'warmup' };

/** hrDeviceStatus → status when the printer status does not tell (2 running, 3 warning, 5 down). */
const DEVICE_STATUS: Readonly<Record<number, PrinterStatus>> = { 2: 'idle', 3: 'warning', 5: 'error' };

/**
 * One status word, the worst first: `offline` (error bit), `error` (hrDeviceStatus down or a
 * stopping error bit), `warning` (hrDeviceStatus warning or another error bit), then what
 * hrPrinterStatus says (idle, printing, warmup), then hrDeviceStatus running → `idle`, else `unknown`.
 * @param hrPrinterStatus 1 other, 2 unknown, 3 idle, 4 printing, 5 warmup; null when not served.
 * @param hrDeviceStatus 1 unknown, 2 running, 3 warning, 4 testing, 5 down; null when not served.
 */
export function printerStatus(
  hrPrinterStatus: number | null,
  hrDeviceStatus: number | null,
  errors: readonly PrinterError[],
): PrinterStatus {
  if (errors.includes('offline')) return 'offline';
  if (hrDeviceStatus === 5 || errors.some((error) => STOPPING.has(error))) return 'error';
  if (hrDeviceStatus === 3 || errors.length > 0) return 'warning';
  return (
    (hrPrinterStatus === null ? undefined : PRINTER_STATUS[hrPrinterStatus]) ??
    (hrDeviceStatus === null ? undefined : DEVICE_STATUS[hrDeviceStatus]) ??
    'unknown'
  );
}

/** prtAlertSeverityLevel (RFC 3805 PrtAlertSeverityLevelTC) → severity: 3 critical, 4 warning, 5 warningBinaryChangeEvent. */
const ALERT_SEVERITY: Readonly<Record<number, PrinterAlert['severity']>> = {
  3: 'critical',
  4: 'warning',
  5: 'warning',
};

/** The severity of an alert; `other` for 1 other and unknown codes. */
export function alertSeverity(code: number | null): PrinterAlert['severity'] {
  return (code === null ? undefined : ALERT_SEVERITY[code]) ?? 'other';
}
