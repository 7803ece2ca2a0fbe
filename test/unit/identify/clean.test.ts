import { describe, expect, it } from 'vitest';
import { cleanValue, firstValue } from '../../../electron/engine/identify/clean';

describe('cleanValue', () => {
  it.each([
    [null, null],
    ['', null],
    ['   ', null],
    ['0', null],
    ['000000', null],
    ['N/A', null],
    ['n/a', null],
    ['Unknown', null],
    ['To Be Filled By O.E.M.', null],
    [' CNB1234567 \u0000', 'CNB1234567'],
    ['\\"4.3.3', '4.3.3'],
    ['SALLE-É12', 'SALLE-É12'],
    ['0A1B', '0A1B'],
  ])('%j → %j', (value, expected) => {
    expect(cleanValue(value)).toBe(expected);
  });
});

describe('firstValue', () => {
  it('skips placeholders and absent values', () => {
    expect(firstValue(undefined, 'unknown', null, ' X3B8022793 ', 'later')).toBe('X3B8022793');
  });
});
