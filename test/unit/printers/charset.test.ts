import { describe, expect, it } from 'vitest';
import { decodeWithCharset } from '../../../electron/engine/printers/charset';

const latin1 = Buffer.from("Unit\xe9 d'imagerie", 'latin1');
const utf8 = Buffer.from('トナー ブラック', 'utf8');

describe('decodeWithCharset', () => {
  it.each([
    ['Latin-1 bytes, no charset', latin1, null, "Unité d'imagerie"],
    ['UTF-8 CJK, no charset', utf8, null, 'トナー ブラック'],
    ['Latin-1 bytes declared ISO-8859-1 (4)', latin1, 4, "Unité d'imagerie"],
    ['Latin-1 bytes declared US-ASCII (3)', latin1, 3, "Unité d'imagerie"],
    ['Latin-1 bytes wrongly declared UTF-8 (106)', latin1, 106, "Unité d'imagerie"],
    ['UTF-8 declared UTF-8', utf8, 106, 'トナー ブラック'],
    ['UTF-16BE declared (1013)', Buffer.from([0x00, 0x4e, 0x00, 0x6f, 0x00, 0x69, 0x00, 0x72]), 1013, 'Noir'],
    ['Shift_JIS declared (17)', Buffer.from([0x83, 0x67, 0x83, 0x69, 0x81, 0x5b]), 17, 'トナー'],
    [
      'ISO-8859-1 reads 0x80–0x9F as C1 controls (replaced), not as windows-1252 €…',
      Buffer.from([0x41, 0x80]),
      4,
      'A\ufffd',
    ],
    ['trailing NULs', Buffer.from('Tray 1\0\0', 'latin1'), 4, 'Tray 1'],
    ['empty', Buffer.from('  \0'), 4, null],
    ['an unknown charset', latin1, 9999, "Unité d'imagerie"],
  ])('%s', (_name, bytes, charset, text) => {
    expect(decodeWithCharset(bytes, charset)).toBe(text);
  });
});
