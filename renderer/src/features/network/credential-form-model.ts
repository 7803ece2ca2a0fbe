import type { Credential, V3AuthProtocol, V3PrivProtocol } from '../../../../shared/domain/credentials';

/** What the "add a credential" form holds while the referent types (secrets included, locally only). */
export type CredentialFormValues = {
  kind: 'community' | 'v3';
  version: '1' | '2c';
  community: string;
  user: string;
  authProtocol: V3AuthProtocol;
  authKey: string;
  privProtocol: V3PrivProtocol | 'none';
  privKey: string;
};

export const EMPTY_CREDENTIAL_FORM: CredentialFormValues = {
  kind: 'community',
  version: '2c',
  community: '',
  user: '',
  authProtocol: 'sha',
  authKey: '',
  privProtocol: 'aes',
  privKey: '',
};

/** The i18n key of the first problem of a form. */
export type CredentialFormProblem =
  | 'credentials.invalidCommunity'
  | 'credentials.invalidUser'
  | 'credentials.invalidAuthKey'
  | 'credentials.invalidPrivKey';

/**
 * Builds the `credentials:add` input from the form, with the limits of shared/domain/credentials.ts
 * (community 1–255 characters, user 1–32, keys at least 8).
 */
export function toCredential(
  form: CredentialFormValues,
): { ok: true; credential: Credential } | { ok: false; problem: CredentialFormProblem } {
  if (form.kind === 'community') {
    if (form.community.length < 1 || form.community.length > 255) {
      return { ok: false, problem: 'credentials.invalidCommunity' };
    }
    return { ok: true, credential: { kind: 'community', version: form.version, community: form.community } };
  }
  const user = form.user.trim();
  if (user.length < 1 || user.length > 32) return { ok: false, problem: 'credentials.invalidUser' };
  if (form.authKey.length < 8) return { ok: false, problem: 'credentials.invalidAuthKey' };
  const auth = { protocol: form.authProtocol, key: form.authKey };
  if (form.privProtocol === 'none') return { ok: true, credential: { kind: 'v3', user, auth } };
  if (form.privKey.length < 8) return { ok: false, problem: 'credentials.invalidPrivKey' };
  return {
    ok: true,
    credential: { kind: 'v3', user, auth, priv: { protocol: form.privProtocol, key: form.privKey } },
  };
}
