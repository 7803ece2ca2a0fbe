import { describe, expect, it } from 'vitest';
import {
  detectReplacements,
  forecastDaysLeft,
  pagesPerMonth,
} from '../../../electron/engine/printers/forecast';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 6);
const day = (n: number) => T0 + n * DAY;

describe('detectReplacements', () => {
  it('finds clear jumps up, not jitter', () => {
    const samples = [
      { at: day(0), percent: 30 },
      { at: day(1), percent: 12 },
      { at: day(2), percent: 100 },
      { at: day(3), percent: 96 },
      { at: day(4), percent: 97 },
    ];
    expect(detectReplacements(samples)).toEqual([day(2)]);
  });

  it('reads waste the other way: emptied when how-full drops', () => {
    const samples = [
      { at: day(0), percent: 90 },
      { at: day(1), percent: 5 },
    ];
    expect(detectReplacements(samples, { waste: true })).toEqual([day(1)]);
  });
});

describe('forecastDaysLeft', () => {
  it('projects the rate since the last replacement', () => {
    // Old cartridge (ignored), then 100 → 90 → 80 over 10 days: 2 points a day, 40 days left.
    const samples = [
      { at: day(0), percent: 20 },
      { at: day(5), percent: 3 },
      { at: day(6), percent: 100 },
      { at: day(11), percent: 90 },
      { at: day(16), percent: 80 },
    ];
    expect(forecastDaysLeft(samples)).toBe(40);
  });

  it('uses a least-squares rate over noisy samples', () => {
    const samples = [
      { at: day(0), percent: 50 },
      { at: day(1), percent: 49 },
      { at: day(2), percent: 46 },
      { at: day(3), percent: 47 },
      { at: day(4), percent: 44 },
    ];
    // slope −1.4 points a day, last 44 → 31.4 days.
    expect(forecastDaysLeft(samples)).toBe(31);
  });

  it('forecasts a waste receptacle until full', () => {
    const samples = [
      { at: day(0), percent: 40 },
      { at: day(10), percent: 60 },
    ];
    expect(forecastDaysLeft(samples, { waste: true })).toBe(20);
  });

  it('uses the page rate when given and samples have page counts', () => {
    // 10 points per 1000 pages; at 50 pages a day, 40 points last 80 days (the calendar would say 40).
    const samples = [
      { at: day(0), percent: 50, pageCount: 10_000 },
      { at: day(10), percent: 40, pageCount: 11_000 },
    ];
    expect(forecastDaysLeft(samples, { pagesPerDay: 50 })).toBe(80);
    expect(forecastDaysLeft(samples)).toBe(40);
  });

  it.each([
    ['one sample', [{ at: day(0), percent: 50 }]],
    [
      'one sample since the replacement',
      [
        { at: day(0), percent: 5 },
        { at: day(1), percent: 100 },
      ],
    ],
    [
      'a level that does not go down',
      [
        { at: day(0), percent: 50 },
        { at: day(3), percent: 50 },
      ],
    ],
    [
      'unknown percents',
      [
        { at: day(0), percent: null },
        { at: day(3), percent: null },
      ],
    ],
    [
      'two samples at the same time',
      [
        { at: day(0), percent: 50 },
        { at: day(0), percent: 40 },
      ],
    ],
  ])('is null with %s', (_name, samples) => {
    expect(forecastDaysLeft(samples)).toBeNull();
  });

  it('says 0 when already empty', () => {
    expect(
      forecastDaysLeft([
        { at: day(0), percent: 10 },
        { at: day(5), percent: 0 },
      ]),
    ).toBe(0);
  });
});

describe('pagesPerMonth', () => {
  it('counts pages over the time covered, per 30 days', () => {
    expect(
      pagesPerMonth([
        { at: day(0), count: 1000 },
        { at: day(15), count: 1600 },
      ]),
    ).toBe(1200);
  });

  it('skips an interval where the counter went back', () => {
    const samples = [
      { at: day(0), count: 5000 },
      { at: day(10), count: 5300 },
      { at: day(20), count: 100 },
      { at: day(30), count: 400 },
    ];
    expect(pagesPerMonth(samples)).toBe(600);
  });

  it.each([
    ['one sample', [{ at: day(0), count: 10 }]],
    [
      'no time between samples',
      [
        { at: day(0), count: 10 },
        { at: day(0), count: 20 },
      ],
    ],
    [
      'unknown counts',
      [
        { at: day(0), count: null },
        { at: day(1), count: 20 },
      ],
    ],
  ])('is null with %s', (_name, samples) => {
    expect(pagesPerMonth(samples)).toBeNull();
  });
});

describe('too little history', () => {
  it('gives no rate from two readings less than a day apart', () => {
    const t = Date.parse('2026-11-01T08:00:00Z');
    const samples = [
      { at: t, percent: 50, pageCount: 1000 },
      { at: t + 25_000, percent: 49, pageCount: 1010 },
    ];
    expect(forecastDaysLeft(samples)).toBeNull();
    expect(pagesPerMonth(samples.map((s) => ({ at: s.at, count: s.pageCount })))).toBeNull();
  });
});
