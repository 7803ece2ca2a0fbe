import { describe, expect, it } from 'vitest';
import type { PjlinkStatus } from '../../../shared/domain/projector';
import { pjlinkDigest } from '../../../electron/engine/probes/pjlink/auth';
import {
  buildCommand,
  cleanLine,
  isAuthError,
  parseAvMute,
  parseClass,
  parseErrorStatus,
  parseGreeting,
  parseHours,
  parseInput,
  parseLamps,
  parsePower,
  parseResponse,
  parseText,
  STATUS_QUERIES,
} from '../../../electron/engine/probes/pjlink/protocol';
import { buildSearchPacket, parseAcknowledge } from '../../../electron/engine/probes/pjlink/search';

describe('buildCommand', () => {
  it('builds class 1 and class 2 queries terminated by CR', () => {
    expect(buildCommand(1, 'POWR')).toBe('%1POWR ?\r');
    expect(buildCommand(2, 'SNUM')).toBe('%2SNUM ?\r');
    expect(buildCommand(1, 'POWR', '1')).toBe('%1POWR 1\r');
  });

  it('refuses what is not a four-letter command or a parameter with a CR', () => {
    expect(() => buildCommand(1, 'POW')).toThrow(/not a PJLink command/);
    expect(() => buildCommand(1, 'powr')).toThrow(/not a PJLink command/);
    expect(() => buildCommand(1, 'POWR', '?\r%1POWR 0')).toThrow(/CR/);
  });
});

describe('cleanLine', () => {
  it('removes NULs, spaces and line feeds at both ends only', () => {
    expect(cleanLine('\n%1NAME=Salle B12  \0\0\0')).toBe('%1NAME=Salle B12');
    expect(cleanLine('\0 \t')).toBe('');
  });
});

describe('parseGreeting', () => {
  it.each([
    ['PJLINK 0', { kind: 'open' }],
    ['PJLINK 1 498e4a67', { kind: 'challenge', random: '498e4a67' }],
    ['pjlink 1 AbCd12EF   \0\0', { kind: 'challenge', random: 'AbCd12EF' }],
    ['\nPJLINK 0 ', { kind: 'open' }],
    ['PJLINK ERRA', { kind: 'error', code: 'ERRA' }],
    ['pjlink err3', { kind: 'error', code: 'ERR3' }],
  ])('reads %j', (line, expected) => {
    expect(parseGreeting(line)).toEqual(expected);
  });

  it.each([
    'SSH-2.0-OpenSSH_9.2p1',
    'PJLINK 2',
    'PJLINK 1',
    'PJLINK 0 extra',
    'PJLINK ERR9',
    '',
    'HTTP/1.1 400',
  ])('rejects %j', (line) => {
    expect(parseGreeting(line)).toBeNull();
  });
});

describe('isAuthError', () => {
  it('recognises PJLINK ERRA in any case, padded', () => {
    expect(isAuthError('PJLINK ERRA')).toBe(true);
    expect(isAuthError('pjlink erra  \0')).toBe(true);
    expect(isAuthError('%1POWR=ERRA')).toBe(false);
    expect(isAuthError('PJLINK 0')).toBe(false);
  });
});

describe('parseResponse', () => {
  it('reads values with their class and command', () => {
    expect(parseResponse('%1POWR=1')).toEqual({ kind: 'value', pjlinkClass: 1, command: 'POWR', value: '1' });
    expect(parseResponse('%2SNUM=X4Q8740123L')).toEqual({
      kind: 'value',
      pjlinkClass: 2,
      command: 'SNUM',
      value: 'X4Q8740123L',
    });
  });

  it('tolerates lower case headers, trailing spaces, NULs and a leading LF', () => {
    expect(parseResponse('%1lamp=4012 1   ')).toEqual({
      kind: 'value',
      pjlinkClass: 1,
      command: 'LAMP',
      value: '4012 1',
    });
    expect(parseResponse('\n%1NAME=EB695Wi-S204\0\0\0')).toMatchObject({
      command: 'NAME',
      value: 'EB695Wi-S204',
    });
  });

  it('keeps inner spaces and an empty value', () => {
    expect(parseResponse('%1INFO=Lamp mode: Eco ')).toMatchObject({ value: 'Lamp mode: Eco' });
    expect(parseResponse('%1NAME=')).toMatchObject({ kind: 'value', value: '' });
  });

  it.each([
    ['%1LAMP=ERR1', 'ERR1'],
    ['%1INPT=ERR2', 'ERR2'],
    ['%2filt=err3  ', 'ERR3'],
    ['%1ERST=ERR4', 'ERR4'],
    ['%1POWR=ERRA', 'ERRA'],
  ])('maps %j to the error code %s', (line, code) => {
    expect(parseResponse(line)).toMatchObject({ kind: 'error', code });
  });

  it.each(['PJLINK 0', '%3POWR=1', '%1POW=1', '%1POWR 1', 'POWR=1', ''])('rejects %j', (line) => {
    expect(parseResponse(line)).toBeNull();
  });
});

describe('value parsers', () => {
  it('reads POWR codes', () => {
    expect(['0', '1', '2', '3', ' 1 ', '4', ''].map(parsePower)).toEqual([
      'off',
      'on',
      'cooling',
      'warming',
      'on',
      null,
      null,
    ]);
  });

  it('reads AVMT codes, class 2 ones included', () => {
    expect(parseAvMute('11')).toEqual({ video: true, audio: false });
    expect(parseAvMute('21')).toEqual({ video: false, audio: true });
    expect(parseAvMute('31')).toEqual({ video: true, audio: true });
    expect(parseAvMute('30')).toEqual({ video: false, audio: false });
    expect(parseAvMute('10')).toEqual({ video: false, audio: false });
    expect(parseAvMute('20')).toEqual({ video: false, audio: false });
    expect(parseAvMute('12')).toBeNull();
    expect(parseAvMute('3')).toBeNull();
  });

  it('reads ERST digits in the specification order', () => {
    expect(parseErrorStatus('012000')).toEqual({
      fan: 'ok',
      lamp: 'warning',
      temperature: 'error',
      cover: 'ok',
      filter: 'ok',
      other: 'ok',
    });
    expect(parseErrorStatus('000021')).toMatchObject({ filter: 'error', other: 'warning' });
    expect(parseErrorStatus('00000')).toBeNull();
    expect(parseErrorStatus('0000000')).toBeNull();
    expect(parseErrorStatus('000300')).toBeNull();
    expect(parseErrorStatus('00a000')).toBeNull();
  });

  it('reads LAMP pairs', () => {
    expect(parseLamps('1234 1 567 0')).toEqual([
      { hours: 1234, on: true },
      { hours: 567, on: false },
    ]);
    expect(parseLamps('4012 1')).toEqual([{ hours: 4012, on: true }]);
    expect(parseLamps(' 0  0 ')).toEqual([{ hours: 0, on: false }]);
    expect(parseLamps('1234')).toBeNull();
    expect(parseLamps('1234 1 567')).toBeNull();
    expect(parseLamps('1234 2')).toBeNull();
    expect(parseLamps('-5 1')).toBeNull();
    expect(parseLamps('')).toBeNull();
  });

  it('reads CLSS, later classes as 2', () => {
    expect(parseClass('1')).toBe(1);
    expect(parseClass('2')).toBe(2);
    expect(parseClass('3')).toBe(2);
    expect(parseClass('0')).toBeNull();
    expect(parseClass('x')).toBeNull();
  });

  it('reads FILT hours', () => {
    expect(parseHours('2511')).toBe(2511);
    expect(parseHours(' 0 ')).toBe(0);
    expect(parseHours('12.5')).toBeNull();
    expect(parseHours('')).toBeNull();
  });

  it('reads INPT, upper case', () => {
    expect(parseInput('31')).toBe('31');
    expect(parseInput('3a')).toBe('3A');
    expect(parseInput('0')).toBeNull();
    expect(parseInput('311')).toBeNull();
  });

  it('reads text, empty as null', () => {
    expect(parseText(' EPSON \0')).toBe('EPSON');
    expect(parseText('')).toBeNull();
  });
});

describe('STATUS_QUERIES', () => {
  const find = (command: string) => {
    const query = STATUS_QUERIES.find((candidate) => candidate.command === command);
    if (!query) throw new Error(command);
    return query;
  };

  it('asks class 1 commands with %1 and class 2 ones with %2, in order', () => {
    expect(STATUS_QUERIES.map((query) => `%${query.pjlinkClass}${query.command}`)).toEqual([
      '%1POWR',
      '%1INPT',
      '%1AVMT',
      '%1ERST',
      '%1LAMP',
      '%1NAME',
      '%1INF1',
      '%1INF2',
      '%1INFO',
      '%2SNUM',
      '%2SVER',
      '%2FILT',
      '%2RLMP',
      '%2RFIL',
    ]);
  });

  it('writes parsed values into their field and reports malformed ones', () => {
    const status: Partial<PjlinkStatus> = {};
    expect(find('LAMP').apply(status, '1234 1 567 0')).toBe(true);
    expect(find('POWR').apply(status, '9')).toBe(false);
    expect(find('NAME').apply(status, '')).toBe(true);
    expect(find('FILT').apply(status, '')).toBe(false);
    expect(status).toEqual({
      lamps: [
        { hours: 1234, on: true },
        { hours: 567, on: false },
      ],
      name: null,
    });
  });
});

describe('pjlinkDigest', () => {
  it('is MD5(random + password) in lower-case hex (the specification example)', () => {
    expect(pjlinkDigest('498e4a67', 'JBMIAProjectorLink')).toBe('5d8409bc1c3fa39749434aa3a5c38682');
  });

  it('depends on the random number exactly as sent', () => {
    expect(pjlinkDigest('498E4A67', 'JBMIAProjectorLink')).not.toBe('5d8409bc1c3fa39749434aa3a5c38682');
  });
});

describe('search', () => {
  it('builds the %2SRCH datagram', () => {
    expect(buildSearchPacket()).toEqual(Buffer.from([0x25, 0x32, 0x53, 0x52, 0x43, 0x48, 0x0d]));
  });

  it('reads an ACKN answer into a lower-case MAC address', () => {
    expect(parseAcknowledge(Buffer.from('%2ACKN=aa:bb:cc:dd:ee:ff\r'))).toEqual({ mac: 'aa:bb:cc:dd:ee:ff' });
    expect(parseAcknowledge(Buffer.from('%2ACKN=00:1B:44:11:3A:B7\r'))).toEqual({ mac: '00:1b:44:11:3a:b7' });
    expect(parseAcknowledge(Buffer.from('%2ackn=00-1B-44-11-3A-B7  \0'))).toEqual({
      mac: '00:1b:44:11:3a:b7',
    });
  });

  it('ignores what is not an ACKN', () => {
    expect(parseAcknowledge(Buffer.from('%2SRCH\r'))).toBeNull();
    expect(parseAcknowledge(Buffer.from('%2ACKN=00:1b:44:11:3a\r'))).toBeNull();
    expect(parseAcknowledge(Buffer.from('%2ACKN=ERR1\r'))).toBeNull();
    expect(parseAcknowledge(Buffer.from('%1ACKN=00:1b:44:11:3a:b7\r'))).toBeNull();
    expect(parseAcknowledge(Buffer.from([0xff, 0x00, 0x12]))).toBeNull();
  });
});
