import type { TFunction } from 'i18next';
import type { V3AuthProtocol, V3PrivProtocol } from '../../../shared/domain/credentials';
import type { CredentialSummary } from '../../../shared/ipc/contract';

/** Protocol names as written in every language. */
const AUTH_NAMES: Readonly<Record<V3AuthProtocol, string>> = { md5: 'MD5', sha: 'SHA-1', sha256: 'SHA-256' };
const PRIV_NAMES: Readonly<Record<V3PrivProtocol, string>> = { des: 'DES', aes: 'AES' };

/**
 * The credentials in words, from their structure (never from the engine's English `label`):
 * « Communauté SNMP v2c n° 1 » (communities numbered in the order they are tried),
 * « Utilisateur SNMPv3 « parc » (SHA-256, AES) ».
 * @returns one text per credential, in the same order.
 */
export function describeCredentials(credentials: readonly CredentialSummary[], t: TFunction): string[] {
  let communities = 0;
  return credentials.map((credential) => {
    if (credential.kind === 'community') {
      communities += 1;
      return t('credentials.community', { version: credential.version, number: communities });
    }
    return t('credentials.v3User', {
      user: credential.user ?? '',
      auth: credential.authProtocol ? AUTH_NAMES[credential.authProtocol] : t('credentials.noAuth'),
      priv: credential.privProtocol ? PRIV_NAMES[credential.privProtocol] : t('credentials.noPriv'),
    });
  });
}
