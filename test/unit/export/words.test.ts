import { describe, expect, it } from 'vitest';
import { supplyLabel } from '../../../electron/engine/export/words';

describe('supplyLabel', () => {
  it('agrees the colour with the kind, as the printers screen does', () => {
    expect(supplyLabel({ kind: 'toner', color: 'black' })).toBe('Toner noir');
    expect(supplyLabel({ kind: 'ink', color: 'black' })).toBe('Encre noire');
    expect(supplyLabel({ kind: 'ink', color: 'cyan' })).toBe('Encre cyan');
    expect(supplyLabel({ kind: 'waste-toner', color: null })).toBe('Collecteur de toner usagé');
  });
});
