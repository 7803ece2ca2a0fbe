/**
 * Secrets used to talk to the hub (table `secrets` of migration 0009): the school's token and
 * signing secret, the GLPI token. Sealed at rest with the SecretBox. Nothing here lists them:
 * the UI and the CLI only learn whether a name is set.
 */
import { InputError } from '../../errors';
import { createSecretBox, type SecretBox } from '../../secret-box';
import type { Db } from '../database';

/** The names Parc stores; anything else is refused. */
export const SECRET_NAMES = ['hubToken', 'hubSecret', 'glpiToken'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/** Whether `name` is one of SECRET_NAMES. */
export const isSecretName = (name: string): name is SecretName =>
  (SECRET_NAMES as readonly string[]).includes(name);

/** The secrets repository on a migrated database; `box` seals them at rest (default: as they are). */
export function createSecretsRepo(db: Db, box: SecretBox = createSecretBox()) {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM secrets WHERE name = ?');
  const write = db.prepare(
    'INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value',
  );
  const remove = db.prepare('DELETE FROM secrets WHERE name = ?');
  return {
    /**
     * Stores (replaces) a secret; an empty value removes it.
     * @throws InputError when it holds spaces or control characters (an HTTP header could not carry it).
     */
    set(name: SecretName, value: string): void {
      if (value !== '' && !/^[\x21-\x7e]+$/.test(value))
        throw new InputError(
          `The ${name} may hold letters, digits and symbols only: no space, accent or control character.`,
        );
      if (value === '') remove.run(name);
      else write.run(name, box.seal(value));
    },

    /** Whether a secret is stored (the only thing the UI and CLI may learn). */
    isSet(name: SecretName): boolean {
      return read.get(name) !== undefined;
    },

    /**
     * The secret itself, for the sender only; null when not set.
     * @throws InputError (`sealed-secret`) when sealed by the desktop app and not openable here.
     */
    reveal(name: SecretName): string | null {
      const stored = read.get(name)?.value;
      return stored === undefined ? null : box.open(stored);
    },

    /** Seals the values stored before sealing was available. @returns how many. */
    sealStored(): number {
      if (!box.sealing) return 0;
      const rows = db.prepare<[], { name: string; value: string }>('SELECT name, value FROM secrets').all();
      const plain = rows.filter((row) => !box.isSealed(row.value));
      for (const row of plain) write.run(row.name, box.seal(row.value));
      return plain.length;
    },
  };
}

export type SecretsRepo = ReturnType<typeof createSecretsRepo>;
