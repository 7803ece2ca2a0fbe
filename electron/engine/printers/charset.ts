/**
 * Decoding printer text in the character set the printer declares: prtGeneralCurrentLocalization
 * → prtLocalizationCharacterSet (RFC 3805), an IANA charset MIBenum. Without a declaration, or
 * when the bytes are not valid in the declared set, `decodeText` decides (valid UTF-8, else
 * Latin-1, hex dumps undone): no byte is ever dropped.
 */
import { cleanText, decodeText } from '../snmp/values';

/**
 * IANA charset MIBenum → WHATWG encoding label. US-ASCII (3) is absent on purpose: printers that
 * declare it still send accented text, which `decodeText` reads correctly.
 */
export const CHARSETS: Readonly<Record<number, string>> = {
  4: 'iso-8859-1',
  5: 'iso-8859-2',
  13: 'iso-8859-9',
  17: 'shift_jis',
  18: 'euc-jp',
  38: 'euc-kr',
  106: 'utf-8',
  109: 'iso-8859-13',
  111: 'iso-8859-15',
  113: 'gbk',
  114: 'gb18030',
  1013: 'utf-16be',
  1014: 'utf-16le',
  1015: 'utf-16',
  2025: 'gb2312',
  2026: 'big5',
  2250: 'windows-1250',
  2252: 'windows-1252',
};

/**
 * Decodes printer text with the declared charset (IANA MIBenum), cleaned like any device text
 * (`cleanText`: NULs removed, control characters replaced, trimmed, bounded); falls back to `decodeText` without a known charset or on invalid bytes.
 * ISO-8859-1 is decoded byte for byte (not as windows-1252).
 * @returns the text, or null when empty.
 */
export function decodeWithCharset(bytes: Buffer, charset: number | null): string | null {
  const label = charset === null ? undefined : CHARSETS[charset];
  if (label === undefined) return decodeText(bytes);
  let text: string;
  try {
    text =
      label === 'iso-8859-1'
        ? bytes.toString('latin1')
        : new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return decodeText(bytes);
  }
  return cleanText(text);
}
