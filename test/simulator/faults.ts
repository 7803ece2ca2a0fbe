/** Misbehaviours of broken or hostile agents, for robustness tests of the SNMP client side. */
import { randomBytes, randomInt } from 'node:crypto';
import type { SnmpRequest, SnmpResponse } from './ber-codec';

/**
 * How a simulated device misbehaves:
 * - `silent`: the port is open but nothing ever answers (firewalled agent, wrong SNMP version everywhere);
 * - `garbage`: every request gets random bytes that are not a BER message;
 * - `v1-only`: SNMPv2c requests are ignored, SNMPv1 is answered (old printers and UPS cards);
 * - `loop`: GetNext/GetBulk answers repeat the requested OID instead of a greater one (buggy firmware that
 *   makes naive walkers spin forever);
 * - `stall-after-first`: the first request is answered, later ones never (an agent that hangs mid-walk).
 */
export type FaultMode = 'silent' | 'garbage' | 'v1-only' | 'loop' | 'stall-after-first';

/** 8 to 64 random bytes, never starting with a SEQUENCE tag so that no parser can mistake them for SNMP. */
export function garbageBytes(): Buffer {
  const bytes = randomBytes(randomInt(8, 65));
  if (bytes[0] === 0x30) bytes[0] = 0xff;
  return bytes;
}

/** The `loop` fault: every varbind of a GetNext/GetBulk response carries the OID it was asked for. */
export function repeatRequestedOids(request: SnmpRequest, response: SnmpResponse): SnmpResponse {
  if (request.kind === 'get') return response;
  const nonRepeaters = Math.min(request.nonRepeaters, request.oids.length);
  const repeaters = request.oids.length - nonRepeaters;
  const requestedOid = (index: number): string =>
    index < nonRepeaters
      ? request.oids[index]
      : request.oids[nonRepeaters + ((index - nonRepeaters) % Math.max(repeaters, 1))];
  return {
    ...response,
    varbinds: response.varbinds.map((varbind, i) => ({ ...varbind, oid: requestedOid(i) })),
  };
}
