/**
 * The SMB2 NEGOTIATE exchange (MS-SMB2 §2.2.3 request, §2.2.4 response), over Direct TCP
 * (a 4-byte header: zero, then the 24-bit message length, MS-SMB2 §2.1). Parc only needs to
 * know that a server speaks SMB2/3 and which dialect it picks, so this is the whole protocol
 * code: everything after the negotiate goes through Samba's own client.
 */
import { randomBytes } from 'node:crypto';

/** Dialects offered, lowest first (MS-SMB2 §2.2.3: 2.0.2, 2.1, 3.0, 3.0.2, 3.1.1). */
export const SMB2_DIALECTS: ReadonlyMap<number, string> = new Map([
  [0x0202, '2.0.2'],
  [0x0210, '2.1'],
  [0x0300, '3.0'],
  [0x0302, '3.0.2'],
  [0x0311, '3.1.1'],
]);

const HEADER = 64;
const PROTOCOL_SMB2 = 0xfe534d42; // "\xFESMB", read big-endian
const PROTOCOL_SMB1 = 0xff534d42; // "\xFFSMB"
const NEGOTIATE = 0x0000;

/**
 * An SMB2 NEGOTIATE request offering every dialect of `SMB2_DIALECTS`, with the
 * SMB2_PREAUTH_INTEGRITY_CAPABILITIES context (SHA-512) that 3.1.1 requires (§2.2.3.1.1),
 * framed for Direct TCP.
 * @param clientGuid 16 bytes (random when absent).
 */
export function encodeNegotiateRequest(clientGuid: Buffer = randomBytes(16)): Buffer {
  const dialects = [...SMB2_DIALECTS.keys()];
  const bodyFixed = 36;
  const dialectsEnd = HEADER + bodyFixed + dialects.length * 2;
  const contextOffset = Math.ceil(dialectsEnd / 8) * 8;
  const salt = randomBytes(32);
  const contextData = Buffer.alloc(6 + salt.length);
  contextData.writeUInt16LE(1, 0); // HashAlgorithmCount
  contextData.writeUInt16LE(salt.length, 2); // SaltLength
  contextData.writeUInt16LE(0x0001, 4); // SHA-512
  salt.copy(contextData, 6);
  const context = Buffer.alloc(8 + contextData.length);
  context.writeUInt16LE(0x0001, 0); // SMB2_PREAUTH_INTEGRITY_CAPABILITIES
  context.writeUInt16LE(contextData.length, 2);
  contextData.copy(context, 8);

  const message = Buffer.alloc(contextOffset + context.length);
  message.writeUInt32BE(PROTOCOL_SMB2, 0);
  message.writeUInt16LE(HEADER, 4); // StructureSize
  message.writeUInt16LE(NEGOTIATE, 12); // Command
  message.writeUInt16LE(1, 14); // CreditRequest
  // MessageId 0, no session, no tree, no signature: the rest of the header stays zero.
  const body = HEADER;
  message.writeUInt16LE(bodyFixed, body); // StructureSize
  message.writeUInt16LE(dialects.length, body + 2);
  message.writeUInt16LE(0x0001, body + 4); // SecurityMode: signing enabled
  message.writeUInt32LE(0, body + 8); // Capabilities
  clientGuid.copy(message, body + 12, 0, 16);
  message.writeUInt32LE(contextOffset, body + 28); // NegotiateContextOffset (from the header)
  message.writeUInt16LE(1, body + 32); // NegotiateContextCount
  dialects.forEach((d, i) => message.writeUInt16LE(d, body + bodyFixed + i * 2));
  context.copy(message, contextOffset);

  const frame = Buffer.alloc(4);
  frame.writeUInt32BE(message.length, 0); // first byte 0: session message
  return Buffer.concat([frame, message]);
}

/** What a NEGOTIATE answer says. */
export type NegotiateResult =
  { ok: true; dialect: string; dialectRevision: number } | { ok: false; error: string };

/**
 * Length of the first Direct TCP frame in `data` (4 + message length), or null while fewer
 * than 4 bytes arrived.
 */
export function frameLength(data: Buffer): number | null {
  if (data.length < 4) return null;
  return 4 + (data.readUInt32BE(0) & 0x00ffffff);
}

/**
 * Decodes an SMB2 NEGOTIATE response framed for Direct TCP; every offset is bounds-checked,
 * so garbage, truncated or hostile bytes give `{ ok: false }`, never an exception.
 * @returns the dialect chosen (`3.1.1`…; `2.???` for the 0x02FF wildcard), or why it is not one.
 */
export function parseNegotiateResponse(data: Buffer): NegotiateResult {
  if (data.length < 4) return { ok: false, error: 'answer too short' };
  if (data[0] !== 0) return { ok: false, error: 'not an SMB answer (bad Direct TCP header)' };
  const length = data.readUInt32BE(0) & 0x00ffffff;
  if (data.length < 4 + length) return { ok: false, error: 'truncated answer' };
  const message = data.subarray(4, 4 + length);
  if (message.length < 4) return { ok: false, error: 'answer too short' };
  const protocol = message.readUInt32BE(0);
  if (protocol === PROTOCOL_SMB1) return { ok: false, error: 'server answered SMB1 only' };
  if (protocol !== PROTOCOL_SMB2) return { ok: false, error: 'not an SMB answer' };
  if (message.length < HEADER + 6) return { ok: false, error: 'truncated SMB2 answer' };
  if (message.readUInt16LE(4) !== HEADER) return { ok: false, error: 'malformed SMB2 header' };
  if (message.readUInt16LE(12) !== NEGOTIATE) return { ok: false, error: 'not a NEGOTIATE answer' };
  const status = message.readUInt32LE(8);
  if (status !== 0) {
    return { ok: false, error: `NEGOTIATE refused (status 0x${status.toString(16).padStart(8, '0')})` };
  }
  if (message.readUInt16LE(HEADER) !== 65) return { ok: false, error: 'malformed NEGOTIATE answer' };
  const revision = message.readUInt16LE(HEADER + 4);
  const dialect = revision === 0x02ff ? '2.???' : SMB2_DIALECTS.get(revision);
  if (!dialect) return { ok: false, error: `unknown dialect 0x${revision.toString(16)}` };
  return { ok: true, dialect, dialectRevision: revision };
}
