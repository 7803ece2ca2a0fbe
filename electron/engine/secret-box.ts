/**
 * Secrets at rest (issue 9): SNMP communities and SNMPv3 keys, the hub token and signing secret.
 * The desktop app seals them with the operating system's protection (Electron `safeStorage`:
 * DPAPI on Windows, the Keychain on macOS, the Secret Service / KWallet on Linux), given to the
 * engine as a `SecretCipher`; the engine never imports Electron. Without a cipher (the CLI), a
 * secret is stored as it is, in a database readable by its owner only (0600).
 * A sealed value is `os1:<base64>`; anything else is a value stored as it is.
 */
import { InputError } from './errors';

/** The operating system's protection of a text, as Electron's safeStorage gives it. */
export interface SecretCipher {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

const SEALED = 'os1:';

/** Seals and opens secrets with an optional cipher. */
export interface SecretBox {
  /** Whether new secrets are sealed (a cipher is there). */
  readonly sealing: boolean;
  /** `plain` sealed with the cipher, or as it is without one. */
  seal(plain: string): string;
  /**
   * The secret of a stored value.
   * @throws InputError (reason `sealed-secret`) when it was sealed by the desktop app and this
   *   process has no cipher (the CLI), or the cipher cannot open it (another user, another PC).
   */
  open(stored: string): string;
  /** Whether a stored value is sealed. */
  isSealed(stored: string): boolean;
}

const UNAVAILABLE =
  'This secret was saved by the Parc desktop app, encrypted for it and this Windows/macOS/Linux account: ' +
  'give it on the command line instead (-c, PARC_COMMUNITY, PARC_HUB_TOKEN…), or use the app.';

/** A SecretBox over `cipher` (none: secrets are stored as they are). */
export function createSecretBox(cipher?: SecretCipher): SecretBox {
  return {
    sealing: cipher !== undefined,
    seal: (plain) => (cipher ? SEALED + cipher.encrypt(plain).toString('base64') : plain),
    open(stored) {
      if (!stored.startsWith(SEALED)) return stored;
      if (!cipher) throw new InputError(UNAVAILABLE, 'sealed-secret');
      try {
        return cipher.decrypt(Buffer.from(stored.slice(SEALED.length), 'base64'));
      } catch {
        throw new InputError(UNAVAILABLE, 'sealed-secret');
      }
    },
    isSealed: (stored) => stored.startsWith(SEALED),
  };
}
