import { describe, expect, it } from 'vitest';
import { alertSeverity, decodeErrorState, printerStatus } from '../../../electron/engine/printers/status';

describe('decodeErrorState', () => {
  it.each([
    ['no error', [0x00], []],
    ['bit 0 (MSB of the first octet)', [0x80], ['low-paper']],
    ['low toner and offline', [0x22], ['low-toner', 'offline']],
    ['a bit of the second octet', [0x00, 0x40], ['output-tray-missing']],
    ['overdue preventive maintenance (bit 14)', [0x00, 0x02], ['overdue-prevent-maint']],
    ['an unknown bit 15', [0x00, 0x01], []],
    ['every known bit', [0xff, 0xfe], 15],
    ['no octet', [], []],
  ])('%s', (_name, octets, expected) => {
    const errors = decodeErrorState(Buffer.from(octets));
    if (typeof expected === 'number') expect(errors).toHaveLength(expected);
    else expect(errors).toEqual(expected);
  });
});

describe('printerStatus', () => {
  it.each([
    [3, 2, [], 'idle'],
    [4, 2, [], 'printing'],
    [5, 2, [], 'warmup'],
    [1, 2, [], 'idle'],
    [null, 2, [], 'idle'],
    [null, null, [], 'unknown'],
    [2, 1, [], 'unknown'],
    [3, 3, [], 'warning'],
    [4, 2, ['low-toner'], 'warning'],
    [3, 2, ['jammed'], 'error'],
    [3, 5, [], 'error'],
    [3, 2, ['offline', 'jammed'], 'offline'],
  ] as const)('hrPrinterStatus %s hrDeviceStatus %s errors %j → %s', (printer, device, errors, status) => {
    expect(printerStatus(printer, device, errors)).toBe(status);
  });
});

describe('alertSeverity', () => {
  it.each([
    [3, 'critical'],
    [4, 'warning'],
    [5, 'warning'],
    [1, 'other'],
    [null, 'other'],
  ])('%s → %s', (code, severity) => {
    expect(alertSeverity(code)).toBe(severity);
  });
});
