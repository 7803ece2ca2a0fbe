/**
 * Credentials from command-line options: communities (`-c`, tried as SNMPv2c then SNMPv1) and
 * one SNMPv3 user (`--v3-user`, `--v3-auth PROTO:KEY`, `--v3-priv PROTO:KEY`).
 */
import { Credential, V3AuthProtocol, V3PrivProtocol } from '../../shared/domain/credentials';
import { InputError } from '../engine/errors';

export interface CredentialArgs {
  community?: string[];
  v3User?: string;
  v3Auth?: string;
  v3Priv?: string;
}

const AUTH_ALIASES: Record<string, string> = { 'sha-1': 'sha', sha1: 'sha', 'sha-256': 'sha256' };
const PRIV_ALIASES: Record<string, string> = { aes128: 'aes', 'aes-128': 'aes' };

function protocolAndKey(text: string, option: string): [string, string] {
  const at = text.indexOf(':');
  if (at <= 0) throw new InputError(`${option} takes PROTOCOL:KEY (for example sha:MyAuthKey).`);
  return [text.slice(0, at).toLowerCase(), text.slice(at + 1)];
}

/**
 * Builds the ordered credential list. Each community gives two credentials, v2c then v1 (for
 * agents that only speak v1); the SNMPv3 user comes first when given.
 * @throws InputError for an incomplete v3 user, an unknown protocol or a key shorter than 8 characters.
 */
export function credentialsFromArgs(args: CredentialArgs): Credential[] {
  const list: Credential[] = [];
  if (args.v3User !== undefined || args.v3Auth !== undefined || args.v3Priv !== undefined) {
    if (!args.v3User || !args.v3Auth)
      throw new InputError('SNMPv3 needs --v3-user and --v3-auth PROTOCOL:KEY.');
    const [authName, authKey] = protocolAndKey(args.v3Auth, '--v3-auth');
    const auth = V3AuthProtocol.safeParse(AUTH_ALIASES[authName] ?? authName);
    if (!auth.success)
      throw new InputError(`Unknown SNMPv3 authentication protocol "${authName}" (md5, sha, sha256).`);
    let priv: { protocol: V3PrivProtocol; key: string } | undefined;
    if (args.v3Priv) {
      const [privName, privKey] = protocolAndKey(args.v3Priv, '--v3-priv');
      const protocol = V3PrivProtocol.safeParse(PRIV_ALIASES[privName] ?? privName);
      if (!protocol.success)
        throw new InputError(`Unknown SNMPv3 privacy protocol "${privName}" (aes, des).`);
      priv = { protocol: protocol.data, key: privKey };
    }
    const v3 = Credential.safeParse({
      kind: 'v3',
      user: args.v3User,
      auth: { protocol: auth.data, key: authKey },
      priv,
    });
    if (!v3.success) throw new InputError('SNMPv3 keys must be at least 8 characters long.');
    list.push(v3.data);
  }
  for (const community of args.community ?? []) {
    if (community === '') throw new InputError('A community cannot be empty.');
    list.push(
      { kind: 'community', version: '2c', community },
      { kind: 'community', version: '1', community },
    );
  }
  return list;
}
