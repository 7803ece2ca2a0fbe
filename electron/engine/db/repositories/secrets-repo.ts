/**
 * Secrets used to talk to the hub (table `secrets` of migration 0009): the school's token and
 * signing secret. Stored as-is for now (issue 9 encrypts them at rest). Nothing here lists
 * them: the UI and the CLI only learn whether a name is set.
 */
import type { Db } from '../database';

/** The names Parc stores; anything else is refused. */
export const SECRET_NAMES = ['hubToken', 'hubSecret', 'glpiToken'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/** Whether `name` is one of SECRET_NAMES. */
export const isSecretName = (name: string): name is SecretName =>
  (SECRET_NAMES as readonly string[]).includes(name);

/** The secrets repository on a migrated database. */
export function createSecretsRepo(db: Db) {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM secrets WHERE name = ?');
  const write = db.prepare(
    'INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value',
  );
  const remove = db.prepare('DELETE FROM secrets WHERE name = ?');
  return {
    /** Stores (replaces) a secret; an empty value removes it. */
    set(name: SecretName, value: string): void {
      if (value === '') remove.run(name);
      else write.run(name, value);
    },

    /** Whether a secret is stored (the only thing the UI and CLI may learn). */
    isSet(name: SecretName): boolean {
      return read.get(name) !== undefined;
    },

    /** The secret itself, for the sender only; null when not set. */
    reveal(name: SecretName): string | null {
      return read.get(name)?.value ?? null;
    },
  };
}

export type SecretsRepo = ReturnType<typeof createSecretsRepo>;
