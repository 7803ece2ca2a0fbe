import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/engine/db/database';
import { createCredentialsRepo } from '../../../../electron/engine/db/repositories/credentials-repo';

describe('credentials repository', () => {
  it('keeps order, moves, removes, and never labels with a secret', () => {
    const repo = createCredentialsRepo(openDatabase(':memory:'));
    repo.add({ kind: 'community', version: '2c', community: 'sEcReT-1' });
    repo.add({
      kind: 'v3',
      user: 'parc',
      auth: { protocol: 'sha256', key: 'authkey-XYZ' },
      priv: { protocol: 'aes', key: 'privkey-XYZ' },
    });
    const list = repo.list();
    expect(list.map((c) => c.label)).toEqual(['v2c community #1', 'v3 user "parc" (sha256/aes)']);
    expect(JSON.stringify(list)).not.toMatch(/sEcReT|authkey|privkey/);

    const moved = repo.move(list[1].id, 'up');
    expect(moved?.map((c) => c.label)).toEqual(['v3 user "parc" (sha256/aes)', 'v2c community #2']);
    expect(repo.secrets()[1]).toEqual({ kind: 'community', version: '2c', community: 'sEcReT-1' });
    expect(repo.remove(list[1].id)?.map((c) => c.label)).toEqual(['v2c community #1']);
    expect(repo.remove(12345)).toBeUndefined();
  });

  it('gives a stable keyed hash that does not contain the secret', () => {
    const db = openDatabase(':memory:');
    const repo = createCredentialsRepo(db);
    const credential = { kind: 'community' as const, version: '2c' as const, community: 'public' };
    const key = repo.keyOf(credential);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(createCredentialsRepo(db).keyOf(credential)).toBe(key);
    expect(repo.keyOf({ ...credential, community: 'other' })).not.toBe(key);
    // Another database has another key: hashes cannot be compared across schools.
    expect(createCredentialsRepo(openDatabase(':memory:')).keyOf(credential)).not.toBe(key);
  });

  it('skips a row whose secret is unreadable', () => {
    const db = openDatabase(':memory:');
    db.prepare("INSERT INTO credentials (position, secret) VALUES (0, 'not json')").run();
    const repo = createCredentialsRepo(db);
    repo.add({ kind: 'community', version: '1', community: 'lycee' });
    expect(repo.secrets()).toEqual([{ kind: 'community', version: '1', community: 'lycee' }]);
  });
});
