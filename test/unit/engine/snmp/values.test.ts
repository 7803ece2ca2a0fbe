import { describe, expect, it } from 'vitest';
import {
  cleanText,
  compareOids,
  MAX_TEXT_CHARS,
  counter64,
  decodeText,
  macFromBytes,
  SnmpType,
  varbindNumber,
  varbindOid,
  varbindText,
} from '../../../../electron/engine/snmp/values';

describe('decodeText', () => {
  it('keeps valid UTF-8', () => {
    expect(decodeText(Buffer.from('Salle 104 – bâtiment B', 'utf8'))).toBe('Salle 104 – bâtiment B');
  });

  it('reads invalid UTF-8 as Latin-1 without dropping a byte', () => {
    const latin1 = Buffer.from([0x42, 0xe2, 0x74, 0x69, 0x6d, 0x65, 0x6e, 0x74, 0x20, 0x43]); // "Bâtiment C"
    expect(decodeText(latin1)).toBe('Bâtiment C');
    expect(decodeText(Buffer.from([0xe9, 0xe8]))).toBe('éè');
  });

  it('removes trailing NUL padding and surrounding spaces', () => {
    expect(decodeText(Buffer.from('HP LaserJet\0\0\0'))).toBe('HP LaserJet');
    expect(decodeText(Buffer.from('  \0'))).toBeNull();
  });

  it('decodes a hex dump of printable text once', () => {
    expect(decodeText(Buffer.from('48 50 20 4C 61 73 65 72'))).toBe('HP Laser');
  });

  it('leaves serial numbers that merely look like hex alone', () => {
    expect(decodeText(Buffer.from('ABCDEF12'))).toBe('ABCDEF12');
    expect(decodeText(Buffer.from('00 01 02 03'))).toBe('00 01 02 03');
  });
});

describe('text from hostile devices', () => {
  it('removes NUL bytes anywhere, not only trailing padding', () => {
    expect(decodeText(Buffer.from('\0Salle\0B12\0\0'))).toBe('SalleB12');
  });

  it('reads invalid UTF-8 as Latin-1 and replaces control characters with U+FFFD', () => {
    expect(decodeText(Buffer.from([0x61, 0xc3, 0x28, 0x81, 0x1b, 0x62]))).toBe('aÃ(\ufffd\ufffdb');
    expect(decodeText(Buffer.from('a\tb\r\nc'))).toBe('a\tb\r\nc');
  });

  it('gives null for an empty OCTET STRING', () => {
    expect(decodeText(Buffer.alloc(0))).toBeNull();
  });

  it(`cuts a 64 KiB string at ${MAX_TEXT_CHARS} characters, never inside a surrogate pair`, () => {
    const huge = decodeText(Buffer.alloc(65_536, 0x41));
    expect(huge).toBe('A'.repeat(MAX_TEXT_CHARS));
    const emoji = cleanText('a' + '😀'.repeat(600), 4);
    expect(emoji).toBe('a😀');
  });

  it('cleans numbers and OIDs read as text too', () => {
    expect(varbindText({ oid: '1', type: SnmpType.IpAddress, value: '10.0.0.1\0' })).toBe('10.0.0.1');
  });
});

describe('varbind readers', () => {
  it('does not turn a Counter64 beyond 2^53 into an inexact number', () => {
    const bytes = Buffer.from('ffffffffffffffff', 'hex');
    expect(varbindNumber({ oid: '1', type: SnmpType.Counter64, value: bytes })).toBeNull();
    expect(varbindText({ oid: '1', type: SnmpType.Counter64, value: bytes })).toBe('18446744073709551615');
    expect(varbindNumber({ oid: '1', type: SnmpType.Counter64, value: Buffer.from('01', 'hex') })).toBe(1);
    expect(varbindNumber({ oid: '1', type: SnmpType.Integer, value: -2_147_483_648 })).toBe(-2_147_483_648);
    expect(
      varbindNumber({ oid: '1', type: SnmpType.Opaque, value: Buffer.from('9f780441a00000', 'hex') }),
    ).toBeNull();
  });

  it('reads a Counter64 beyond 2^53 exactly', () => {
    const bytes = Buffer.from('0020000000000001', 'hex');
    expect(counter64(bytes)).toBe(9007199254740993n);
    expect(varbindText({ oid: '1', type: SnmpType.Counter64, value: bytes })).toBe('9007199254740993');
  });

  it('reads numbers, OIDs and MACs', () => {
    expect(varbindNumber({ oid: '1', type: SnmpType.TimeTicks, value: 123456 })).toBe(123456);
    expect(varbindNumber({ oid: '1', type: SnmpType.OctetString, value: Buffer.from('x') })).toBeNull();
    expect(varbindOid({ oid: '1', type: SnmpType.OID, value: '.1.3.6.1.4.1.11' })).toBe('1.3.6.1.4.1.11');
    expect(varbindOid({ oid: '1', type: SnmpType.OctetString, value: 'not an oid' })).toBeNull();
    expect(macFromBytes(Buffer.from('001122AABBCC', 'hex'))).toBe('00:11:22:aa:bb:cc');
    expect(macFromBytes(Buffer.from('0011', 'hex'))).toBeNull();
  });

  it('orders OIDs numerically, not as text', () => {
    expect(compareOids('1.3.6.1.2.1.2', '1.3.6.1.2.1.10')).toBe(-1);
    expect(compareOids('1.3.6.1', '1.3.6.1')).toBe(0);
    expect(compareOids('1.3.6.1.1', '1.3.6.1')).toBe(1);
  });
});
