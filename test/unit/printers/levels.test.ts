import { describe, expect, it } from 'vitest';
import { levelState } from '../../../electron/engine/printers/levels';

const consumed = { inPercent: false, waste: false };
const waste = { inPercent: false, waste: true };

describe('levelState', () => {
  it.each([
    ['a drum at 11501/12000', { ...consumed, level: 11501, maxCapacity: 12000 }, 96, 'ok'],
    ['black 51/100', { ...consumed, level: 51, maxCapacity: 100 }, 51, 'ok'],
    ['cyan 4/100', { ...consumed, level: 4, maxCapacity: 100 }, 4, 'low'],
    ['at the threshold', { ...consumed, level: 23, maxCapacity: 230 }, 10, 'low'],
    ['just over it', { ...consumed, level: 11, maxCapacity: 100 }, 11, 'ok'],
    ['level 0', { ...consumed, level: 0, maxCapacity: 100 }, 0, 'empty'],
    ['rounded to 0 but not empty', { ...consumed, level: 1, maxCapacity: 1000 }, 0, 'low'],
    ['−3 is not 50 %', { ...consumed, level: -3, maxCapacity: -2 }, null, 'some-remaining'],
    ['−3 with a capacity', { ...consumed, level: -3, maxCapacity: 250 }, null, 'some-remaining'],
    ['−1 is not 0 %', { ...consumed, level: -1, maxCapacity: 100 }, null, 'unlimited'],
    ['−2 over −2 is not 100 %', { ...consumed, level: -2, maxCapacity: -2 }, null, 'unknown'],
    ['a level without capacity', { ...consumed, level: 100, maxCapacity: -2 }, null, 'unknown'],
    [
      'a level in percent without capacity',
      { inPercent: true, waste: false, level: 42, maxCapacity: -2 },
      42,
      'ok',
    ],
    [
      'a percent over 100 without capacity',
      { inPercent: true, waste: false, level: 150, maxCapacity: 0 },
      null,
      'unknown',
    ],
    ['above capacity reads full', { ...consumed, level: 110, maxCapacity: 100 }, 100, 'ok'],
    ['no level', { ...consumed, level: null, maxCapacity: 100 }, null, 'unknown'],
    ['an undefined negative level', { ...consumed, level: -7, maxCapacity: 100 }, null, 'unknown'],
    ['waste with all its space left', { ...waste, level: 100, maxCapacity: 100 }, 0, 'ok'],
    ['waste with 5 % space left', { ...waste, level: 5, maxCapacity: 100 }, 95, 'almost-full'],
    ['waste with 10 % space left', { ...waste, level: 10, maxCapacity: 100 }, 90, 'almost-full'],
    ['waste with 11 % space left', { ...waste, level: 11, maxCapacity: 100 }, 89, 'ok'],
    ['waste with no space left', { ...waste, level: 0, maxCapacity: 100 }, 100, 'full'],
    ['waste −2/−2', { ...waste, level: -2, maxCapacity: -2 }, null, 'unknown'],
    ['waste −3', { ...waste, level: -3, maxCapacity: -2 }, null, 'some-remaining'],
  ])('%s', (_name, raw, percent, state) => {
    expect(levelState(raw)).toEqual({ percent, state });
  });

  it('follows the thresholds', () => {
    expect(levelState({ ...consumed, level: 20, maxCapacity: 100 }, { lowPercent: 25 })).toEqual({
      percent: 20,
      state: 'low',
    });
    expect(levelState({ ...waste, level: 20, maxCapacity: 100 }, { lowPercent: 25 })).toEqual({
      percent: 80,
      state: 'almost-full',
    });
  });
});
