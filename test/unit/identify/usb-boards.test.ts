import { describe, expect, it } from 'vitest';
import { matchUsbBoard, USB_BOARDS } from '../../../electron/engine/identify/usb-boards';

describe('matchUsbBoard', () => {
  it.each([
    [
      'SMART SB6 controller',
      0x0b8c,
      0x0001,
      { vendor: 'SMART Technologies', model: 'Interactive Whiteboard Controller (SB6)' },
    ],
    ['another SMART product', 0x0b8c, 0x1234, { vendor: 'SMART Technologies', model: null }],
    ['Promethean ActivBoard', 0x0d48, 0x0004, { vendor: 'Promethean', model: 'ActivBoard' }],
    ['another Promethean product', 0x0d48, 0x0100, { vendor: 'Promethean', model: null }],
    [
      'GTCO whiteboard digitizer',
      0x078c,
      0x0400,
      { vendor: 'GTCO CalComp', model: 'Digitizer (Whiteboard)' },
    ],
    ['Panasonic Elite Panaboard', 0x04da, 0x104d, { vendor: 'Panasonic', model: 'Elite Panaboard UB-T880' }],
    ['Luidia eBeam', 0x2650, 0x1311, { vendor: 'Luidia', model: 'eBeam Classic' }],
    ['Virtual Ink', 0x08d3, 0x0001, { vendor: 'Virtual Ink', model: null }],
    ['a GTCO tablet', 0x078c, 0x0100, null],
    ['a Panasonic CD-R/RW drive', 0x04da, 0x0b01, null],
    ['an eGalax touchscreen', 0x0eef, 0x0001, null],
    ['Weida Hi-Tech, not Promethean', 0x2575, 0x0001, null],
  ])('%s', (_name, vendorId, productId, board) => {
    expect(matchUsbBoard(vendorId, productId)).toEqual(board);
  });

  it('has ids in the USB range and no duplicate rows', () => {
    const keys = USB_BOARDS.map((row) => `${row.vendorId}:${row.productId}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const row of USB_BOARDS) {
      expect(row.vendorId).toBeGreaterThanOrEqual(0);
      expect(row.vendorId).toBeLessThanOrEqual(0xffff);
      if (row.productId !== null) expect(row.productId).toBeLessThanOrEqual(0xffff);
    }
  });
});
