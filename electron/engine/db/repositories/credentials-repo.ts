/**
 * SNMP credentials, in the referent's order. Secrets stay here: what leaves this module for the
 * UI is a label, and what devices remember is a keyed hash (HMAC-SHA-256 with a random key
 * local to this database), never the secret itself. The community and the SNMPv3 keys are
 * sealed at rest with the SecretBox (the rest of the credential stays readable, for the labels).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { Credential, describeCredential } from '../../../../shared/domain/credentials';
import type { CredentialSummary } from '../../../../shared/ipc/contract';
import type { Db } from '../database';
import { createSecretBox, type SecretBox } from '../../secret-box';

/** A credential with each secret field passed through `f` (seal or open). */
function mapSecrets(credential: Credential, f: (secret: string) => string): Credential {
  if (credential.kind === 'community') return { ...credential, community: f(credential.community) };
  return {
    ...credential,
    auth: { ...credential.auth, key: f(credential.auth.key) },
    ...(credential.priv ? { priv: { ...credential.priv, key: f(credential.priv.key) } } : {}),
  };
}

interface CredentialRow {
  id: number;
  position: number;
  secret: string;
}

/**
 * The credentials repository on a migrated database (secrets in, labels and keyed hashes out).
 * @param box seals the secrets at rest (default: stored as they are).
 */
export function createCredentialsRepo(db: Db, box: SecretBox = createSecretBox()) {
  const rows = () => db.prepare<[], CredentialRow>('SELECT * FROM credentials ORDER BY position, id').all();
  const renumber = (ids: number[]) => {
    const set = db.prepare('UPDATE credentials SET position = ? WHERE id = ?');
    ids.forEach((id, position) => set.run(position, id));
  };

  let hmacKey: Buffer | null = null;
  const key = (): Buffer => {
    if (hmacKey) return hmacKey;
    // Two processes may create it at once: the first insert wins, both read the same key.
    db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('credential-hmac-key', ?)").run(
      randomBytes(32).toString('hex'),
    );
    const row = db
      .prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'credential-hmac-key'")
      .get();
    hmacKey = Buffer.from(row?.value ?? '', 'hex');
    return hmacKey;
  };

  /** Stored rows with their parsed credential; unreadable rows are skipped. */
  const stored = () =>
    rows().flatMap((row) => {
      let json: unknown;
      try {
        json = JSON.parse(row.secret);
      } catch {
        return [];
      }
      const parsed = Credential.safeParse(json);
      return parsed.success ? [{ id: row.id, credential: parsed.data }] : [];
    });

  const repo = {
    /** Labels of the stored credentials, in order (no secrets). */
    list(): CredentialSummary[] {
      return stored().map(({ id, credential }, i) => ({
        id,
        label: describeCredential(credential, i),
        kind: credential.kind,
        version: credential.kind === 'community' ? credential.version : '3',
        user: credential.kind === 'v3' ? credential.user : null,
        authProtocol: credential.kind === 'v3' ? credential.auth.protocol : null,
        privProtocol: credential.kind === 'v3' ? (credential.priv?.protocol ?? null) : null,
      }));
    },

    /**
     * The stored credentials with their secrets, in order.
     * @throws InputError (`sealed-secret`) when they were sealed by the desktop app and cannot be opened here.
     */
    secrets(): Credential[] {
      return stored().map((s) => mapSecrets(s.credential, (secret) => box.open(secret)));
    },

    /** Appends a credential at the end of the list (its secrets sealed). */
    add(credential: Credential): CredentialSummary[] {
      const next = rows().length;
      db.prepare('INSERT INTO credentials (position, secret) VALUES (?, ?)').run(
        next,
        JSON.stringify(mapSecrets(credential, (secret) => box.seal(secret))),
      );
      return repo.list();
    },

    /** Seals the secrets stored before sealing was available (the app's first start). @returns how many rows. */
    sealStored(): number {
      if (!box.sealing) return 0;
      const update = db.prepare('UPDATE credentials SET secret = ? WHERE id = ?');
      let count = 0;
      for (const { id, credential } of stored()) {
        let changed = false;
        const sealed = mapSecrets(credential, (secret) => {
          if (box.isSealed(secret)) return secret;
          changed = true;
          return box.seal(secret);
        });
        if (!changed) continue;
        update.run(JSON.stringify(sealed), id);
        count++;
      }
      return count;
    },

    /** Removes a credential. @returns the list, or undefined if the id is unknown. */
    remove(id: number): CredentialSummary[] | undefined {
      if (db.prepare('DELETE FROM credentials WHERE id = ?').run(id).changes === 0) return undefined;
      renumber(rows().map((r) => r.id));
      return repo.list();
    },

    /** Moves a credential one place up or down. @returns the list, or undefined if the id is unknown. */
    move(id: number, direction: 'up' | 'down'): CredentialSummary[] | undefined {
      const ids = rows().map((r) => r.id);
      const at = ids.indexOf(id);
      if (at < 0) return undefined;
      const to = direction === 'up' ? at - 1 : at + 1;
      if (to >= 0 && to < ids.length) [ids[at], ids[to]] = [ids[to], ids[at]];
      db.transaction(renumber)(ids);
      return repo.list();
    },

    /** The keyed hash that identifies a credential without revealing it (hex, 32 chars). */
    keyOf(credential: Credential): string {
      return createHmac('sha256', key()).update(JSON.stringify(credential)).digest('hex').slice(0, 32);
    },
  };
  return repo;
}

export type CredentialsRepo = ReturnType<typeof createCredentialsRepo>;
