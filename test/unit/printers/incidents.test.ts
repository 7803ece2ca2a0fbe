import { describe, expect, it } from 'vitest';
import { activeIncidents } from '../../../electron/engine/printers/incidents';
import type { PrinterReading, Supply } from '../../../shared/domain/printer';

const supply = (over: Partial<Supply>): Supply => ({
  index: 1,
  deviceIndex: 1,
  kind: 'toner',
  color: 'cyan',
  description: 'Cyan',
  partNumber: null,
  unit: 'percent',
  maxCapacity: 100,
  level: 50,
  percent: 50,
  state: 'ok',
  daysLeft: null,
  ...over,
});
const reading = (supplies: Supply[], errors: PrinterReading['errors'] = []): PrinterReading => ({
  status: 'idle',
  errors,
  alerts: [],
  display: null,
  pageCount: { total: null, mono: null, color: null },
  supplies,
  trays: [],
});
const T = { lowPercent: 10 };

describe('activeIncidents', () => {
  it('opens low and empty supplies and every error bit, never some-remaining or unknown', () => {
    const active = activeIncidents(
      reading(
        [
          supply({ index: 1, percent: 4, state: 'low' }),
          supply({ index: 2, percent: 0, state: 'empty' }),
          supply({ index: 3, percent: null, level: -3, state: 'some-remaining' }),
          supply({ index: 4, percent: null, level: -2, state: 'unknown' }),
          supply({ index: 5, kind: 'waste-toner', percent: 100, state: 'full' }),
        ],
        ['jammed', 'output-tray-missing'],
      ),
      T,
      new Set(),
    );
    expect([...active].sort()).toEqual([
      'printer-error:jammed',
      'printer-error:output-tray-missing',
      'supply-empty:1.2',
      'supply-empty:1.5',
      'supply-low:1.1',
    ]);
  });

  it('keeps a low incident open while the level flaps just above the threshold (hysteresis)', () => {
    const open = new Set(['supply-low:1.1']);
    expect(
      activeIncidents(reading([supply({ percent: 11, state: 'ok' })]), T, open).has('supply-low:1.1'),
    ).toBe(true);
    expect(
      activeIncidents(reading([supply({ percent: 15, state: 'ok' })]), T, open).has('supply-low:1.1'),
    ).toBe(true);
    expect(
      activeIncidents(reading([supply({ percent: 16, state: 'ok' })]), T, open).has('supply-low:1.1'),
    ).toBe(false);
    // Not open before: 11 % opens nothing.
    expect(activeIncidents(reading([supply({ percent: 11, state: 'ok' })]), T, new Set()).size).toBe(0);
  });

  it('reads a waste receptacle by its free space', () => {
    const open = new Set(['supply-low:1.1']);
    const waste = (percent: number) => supply({ kind: 'waste-toner', percent, state: 'ok' });
    expect(activeIncidents(reading([waste(86)]), T, open).size).toBe(1);
    expect(activeIncidents(reading([waste(80)]), T, open).size).toBe(0);
  });
});
