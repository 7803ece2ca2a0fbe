/**
 * PJLink authentication (class 1 v1.04 §5.1, class 2 v2.00): when the greeting is
 * `PJLINK 1 <random>`, the first command is prefixed with MD5(random + password) in lower-case
 * hex (32 characters). A wrong or missing digest is answered `PJLINK ERRA`.
 */
import { createHash } from 'node:crypto';

/**
 * The digest to put before the first command.
 * @param random The random number of the greeting, exactly as sent (8 characters on real projectors).
 * @param password The PJLink password (up to 32 characters); used only here, never logged.
 * @returns 32 lower-case hex characters.
 */
export function pjlinkDigest(random: string, password: string): string {
  return createHash('md5')
    .update(random + password, 'utf8')
    .digest('hex');
}
