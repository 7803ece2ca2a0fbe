/**
 * PJLink class 2 search (v2.00 §2.3): a controller broadcasts `%2SRCH` on UDP 4352 and every class 2
 * projector answers `%2ACKN=<MAC address>` to the sender. Pure functions only: nothing here sends a
 * packet (Parc never broadcasts on its own; a caller that does owns that decision).
 */
import { cleanLine, PJLINK_TERMINATOR } from './protocol';

/** The search datagram: `%2SRCH\r`, ASCII. */
export function buildSearchPacket(): Buffer {
  return Buffer.from(`%2SRCH${PJLINK_TERMINATOR}`, 'ascii');
}

/**
 * Reads a search answer, `%2ACKN=aa:bb:cc:dd:ee:ff\r` (header case-insensitive; `-` separators
 * and padding tolerated).
 * @returns the projector's MAC address, lower case with colons, or null when the datagram is not an ACKN.
 */
export function parseAcknowledge(datagram: Buffer): { mac: string } | null {
  const line = cleanLine(datagram.toString('latin1'));
  const match = /^%2ACKN=([0-9a-f]{2}(?:[:-][0-9a-f]{2}){5})$/i.exec(line);
  if (!match) return null;
  return { mac: match[1].toLowerCase().replaceAll('-', ':') };
}
