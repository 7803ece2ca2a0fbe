/**
 * PJLink (JBMIA PJLink class 1 v1.04 and class 2 v2.00, TCP 4352): reading a projector's power,
 * input, mute, error status, lamps, identity and, for class 2, serial number, software version and
 * filter. `protocol.ts` builds and parses lines (pure), `auth.ts` computes the MD5 digest,
 * `line-socket.ts` reads a TCP connection line by line with time limits, `client.ts` runs one
 * query (`queryPjlink`), `search.ts` builds and reads class 2 search datagrams (pure; nothing here
 * broadcasts).
 *
 * Telling "PJLink present but locked" from "no PJLink": `queryPjlink` without a password on a
 * projector that needs one throws `PjlinkError` with kind `auth` and `greeted: true`;
 * `isPjlinkDevice(statusOrError)` is true for a status and for any error thrown after the greeting.
 */
export { pjlinkDigest } from './auth';
export {
  isPjlinkDevice,
  PJLINK_TIMEOUT_MS,
  PjlinkError,
  queryPjlink,
  type PjlinkQueryOptions,
} from './client';
export { buildCommand, parseGreeting, parseResponse, PJLINK_ERROR_CODES, PJLINK_PORT } from './protocol';
export { buildSearchPacket, parseAcknowledge } from './search';
