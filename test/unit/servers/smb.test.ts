import { describe, expect, it } from 'vitest';
import {
  encodeNegotiateRequest,
  frameLength,
  parseNegotiateResponse,
} from '../../../electron/engine/servers/smb-negotiate';
import { countListing, describeSmbclientFailure } from '../../../electron/engine/servers/smb';

/** Samba 4.17.12's answer to our NEGOTIATE, recorded on 127.0.0.1 (dialect 3.1.1, SPNEGO blob, contexts). */
const SAMBA_417 = Buffer.from(
  '000000fefe534d424000000000000000000001000100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000004100010011030100766d000000000000000000000000000007000000000080000000800000008000f2000a775480dd01000000000000000080004a00d0000000604806062b0601050502a03e303ca00e300c060a2b06010401823702020aa32a3028a0261b246e6f745f646566696e65645f696e5f5246433431373840706c656173655f69676e6f7265000000000000010026000000000001002000010003d8c8ccd18a66529a5f9f4b298a3f0ee99c25f667e0183ecd7afb781dea35b6',
  'hex',
);

describe('SMB2 NEGOTIATE', () => {
  it('encodes a request MS-SMB2 §2.2.3 describes', () => {
    const request = encodeNegotiateRequest(Buffer.alloc(16, 7));
    expect(frameLength(request)).toBe(request.length);
    const smb = request.subarray(4);
    expect(smb.subarray(0, 4).toString('hex')).toBe('fe534d42');
    expect(smb.readUInt16LE(4)).toBe(64);
    expect(smb.readUInt16LE(12)).toBe(0); // NEGOTIATE
    expect(smb.readUInt16LE(64)).toBe(36);
    expect(smb.readUInt16LE(66)).toBe(5); // dialects
    expect([0, 1, 2, 3, 4].map((i) => smb.readUInt16LE(100 + i * 2))).toEqual([
      0x202, 0x210, 0x300, 0x302, 0x311,
    ]);
    const contextOffset = smb.readUInt32LE(64 + 28);
    expect(contextOffset % 8).toBe(0);
    expect(smb.readUInt16LE(contextOffset)).toBe(1); // preauth integrity
    expect(smb.readUInt16LE(contextOffset + 12)).toBe(1); // SHA-512
  });

  it("reads the dialect of Samba 4.17's real answer", () => {
    expect(parseNegotiateResponse(SAMBA_417)).toEqual({ ok: true, dialect: '3.1.1', dialectRevision: 0x311 });
  });

  it('reads an older dialect', () => {
    const answer = Buffer.from(SAMBA_417);
    answer.writeUInt16LE(0x0210, 4 + 64 + 4);
    expect(parseNegotiateResponse(answer)).toMatchObject({ ok: true, dialect: '2.1' });
  });

  it.each([
    ['empty', Buffer.alloc(0), 'answer too short'],
    ['every truncation', SAMBA_417.subarray(0, 100), 'truncated answer'],
    ['HTTP', Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n'), 'not an SMB answer (bad Direct TCP header)'],
    [
      'random bytes framed',
      Buffer.concat([Buffer.from([0, 0, 0, 8]), Buffer.from('abcdefgh')]),
      'not an SMB answer',
    ],
    [
      'SMB1 only',
      Buffer.concat([Buffer.from([0, 0, 0, 8]), Buffer.from('ff534d4272000000', 'hex')]),
      'server answered SMB1 only',
    ],
    [
      'header only',
      Buffer.concat([Buffer.from([0, 0, 0, 64]), SAMBA_417.subarray(4, 68)]),
      'truncated SMB2 answer',
    ],
  ])('refuses %s', (_name, bytes, error) => {
    expect(parseNegotiateResponse(bytes)).toEqual({ ok: false, error });
  });

  it('never throws on any truncation or corruption of a real answer', () => {
    for (let n = 0; n <= SAMBA_417.length; n++) {
      const cut = Buffer.from(SAMBA_417.subarray(0, n));
      expect(() => parseNegotiateResponse(cut)).not.toThrow();
      // The same bytes with a frame length that matches them: the SMB2 message itself is cut.
      if (n >= 4) cut.writeUIntBE(n - 4, 1, 3);
      const parsed = parseNegotiateResponse(cut);
      expect(parsed.ok).toBe(n === SAMBA_417.length || n >= 4 + 64 + 6);
    }
    for (let i = 4; i < 140; i++) {
      const bad = Buffer.from(SAMBA_417);
      bad[i] ^= 0xff;
      expect(() => parseNegotiateResponse(bad)).not.toThrow();
    }
  });

  it('says which status refused the negotiate', () => {
    const refused = Buffer.from(SAMBA_417);
    refused.writeUInt32LE(0xc00000bb, 4 + 8);
    expect(parseNegotiateResponse(refused)).toEqual({
      ok: false,
      error: 'NEGOTIATE refused (status 0xc00000bb)',
    });
  });
});

describe('smbclient output', () => {
  it('counts the entries of a listing, without . and ..', () => {
    const out = [
      '  .                                   D        0  Sun Nov 29 22:50:55 2026',
      '  ..                                  D        0  Sun Nov 29 22:50:57 2026',
      '  b.txt                               N        2  Sun Nov 29 22:50:55 2026',
      '  Mes documents                       D        0  Sun Nov 29 22:50:55 2026',
      '',
      '\t\t264212084 blocks of size 1024. 80933944 blocks available',
    ].join('\n');
    expect(countListing(out)).toBe(2);
    expect(countListing('session setup failed: NT_STATUS_LOGON_FAILURE')).toBeNull();
  });

  it('describes failures in words and never repeats the password', () => {
    expect(describeSmbclientFailure('session setup failed: NT_STATUS_LOGON_FAILURE', 'pw')).toBe(
      'wrong account or password (NT_STATUS_LOGON_FAILURE)',
    );
    expect(describeSmbclientFailure('odd failure with S3cret inside', 'S3cret')).toBe(
      'odd failure with *** inside',
    );
  });
});
