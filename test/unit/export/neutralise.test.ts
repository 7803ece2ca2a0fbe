import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../electron/engine/export/csv';
import { neutralise, unneutralise } from '../../../electron/engine/export/neutralise';

describe('neutralise', () => {
  it.each([
    ['=HYPERLINK("http://example.invalid","x")', `'=HYPERLINK("http://example.invalid","x")`],
    ['+33 1 23 45 67 89', "'+33 1 23 45 67 89"],
    ['-à vérifier', "'-à vérifier"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['Salle B12', 'Salle B12'],
    ['', ''],
    ['a=b', 'a=b'],
  ])('%j → %j, and back', (text, inert) => {
    expect(neutralise(text)).toBe(inert);
    expect(unneutralise(inert)).toBe(text);
  });

  it('keeps an apostrophe that protects nothing', () => {
    expect(unneutralise("'salle B12")).toBe("'salle B12");
  });
});

describe('csvCell', () => {
  it('writes dates as ISO 8601 UTC to the second, decimals with a comma, texts neutralised', () => {
    expect(csvCell(new Date('2026-03-02T08:15:00.000Z'))).toBe('2026-03-02T08:15:00Z');
    expect(csvCell(12.5)).toBe('12,5');
    expect(csvCell(12345)).toBe('12345');
    expect(csvCell(null)).toBe('');
    expect(csvCell('=1+1')).toBe("'=1+1");
  });
});
