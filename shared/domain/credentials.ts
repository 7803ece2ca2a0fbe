import { z } from 'zod';
import { V3_AUTH_PROTOCOLS, V3_PRIV_PROTOCOLS } from './vocabulary';

/** SNMPv3 authentication protocols Parc supports (RFC 3414, RFC 7860). */
export const V3AuthProtocol = z.enum(V3_AUTH_PROTOCOLS);
export type V3AuthProtocol = z.infer<typeof V3AuthProtocol>;

/** SNMPv3 privacy protocols Parc supports (RFC 3414 DES, RFC 3826 AES-128). */
export const V3PrivProtocol = z.enum(V3_PRIV_PROTOCOLS);
export type V3PrivProtocol = z.infer<typeof V3PrivProtocol>;

/** An SNMPv1 or v2c community. The community is a secret. */
export const CommunityCredential = z.object({
  kind: z.literal('community'),
  version: z.enum(['1', '2c']),
  community: z.string().min(1).max(255),
});

/** An SNMPv3 USM user (authNoPriv when `priv` is absent, authPriv otherwise). Keys are secrets. */
export const V3Credential = z.object({
  kind: z.literal('v3'),
  user: z.string().min(1).max(32),
  auth: z.object({ protocol: V3AuthProtocol, key: z.string().min(8) }),
  priv: z.object({ protocol: V3PrivProtocol, key: z.string().min(8) }).optional(),
});

export const Credential = z.discriminatedUnion('kind', [CommunityCredential, V3Credential]);
export type Credential = z.infer<typeof Credential>;

/**
 * A credential as it may be shown or logged: never the secret itself.
 * @returns e.g. `v2c community #1`, `v3 user "parc" (sha/aes)`.
 */
export function describeCredential(credential: Credential, position: number): string {
  if (credential.kind === 'community') return `v${credential.version} community #${position + 1}`;
  const priv = credential.priv ? `/${credential.priv.protocol}` : '';
  return `v3 user "${credential.user}" (${credential.auth.protocol}${priv})`;
}

/** Used when no credential is stored: the factory default community, as SNMPv2c then SNMPv1. */
export const DEFAULT_CREDENTIALS: readonly Credential[] = [
  { kind: 'community', version: '2c', community: 'public' },
  { kind: 'community', version: '1', community: 'public' },
];
