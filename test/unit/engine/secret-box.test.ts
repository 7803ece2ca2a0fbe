import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine';
import { InputError } from '../../../electron/engine/errors';
import { createSecretBox, type SecretCipher } from '../../../electron/engine/secret-box';

/** A stand-in for Electron's safeStorage: reversible, and never the plain text. */
const cipher: SecretCipher = {
  encrypt: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  decrypt: (sealed) => Buffer.from(sealed.map((b) => b ^ 0x5a)).toString('utf8'),
};

const COMMUNITY = 'lycee-ro-8f3k';
const V3_KEY = 'authKey-Q7w9e2';
const TOKEN = 'hub-token-Z1x2c3';

/** Every byte Parc wrote for this database (main file and write-ahead log). */
const onDisk = (dbPath: string) =>
  ['', '-wal']
    .map((suffix) => {
      try {
        return readFileSync(dbPath + suffix).toString('latin1');
      } catch {
        return '';
      }
    })
    .join('');

describe('secrets at rest', () => {
  it('the app seals communities, SNMPv3 keys and hub secrets; labels stay readable', () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'parc-seal-')), 'parc.db');
    const app = createEngine({ dbPath, secretCipher: cipher });
    app.credentials.add({ kind: 'community', version: '2c', community: COMMUNITY });
    app.credentials.add({ kind: 'v3', user: 'parc', auth: { protocol: 'sha', key: V3_KEY } });
    app.reports.secrets.set('hubToken', TOKEN);
    expect(app.credentials.secrets()).toEqual([
      { kind: 'community', version: '2c', community: COMMUNITY },
      { kind: 'v3', user: 'parc', auth: { protocol: 'sha', key: V3_KEY } },
    ]);
    expect(app.credentials.list().map((c) => c.label)).toEqual(['v2c community #1', 'v3 user "parc" (sha)']);
    app.close();
    const bytes = onDisk(dbPath);
    for (const secret of [COMMUNITY, V3_KEY, TOKEN]) expect(bytes).not.toContain(secret);

    const cli = createEngine({ dbPath });
    expect(cli.credentials.list()).toHaveLength(2);
    expect(() => cli.credentials.secrets()).toThrow(InputError);
    expect(() => cli.credentials.secrets()).toThrow(/saved by the Parc desktop app/);
    cli.close();
  });

  it('secrets saved without sealing are sealed when the app opens the database', () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'parc-seal-')), 'parc.db');
    const cli = createEngine({ dbPath });
    cli.credentials.add({ kind: 'community', version: '2c', community: COMMUNITY });
    cli.reports.secrets.set('hubToken', TOKEN);
    cli.close();
    expect(onDisk(dbPath)).toContain(COMMUNITY);

    const app = createEngine({ dbPath, secretCipher: cipher });
    expect(app.credentials.secrets()).toEqual([{ kind: 'community', version: '2c', community: COMMUNITY }]);
    app.close();
    const bytes = onDisk(dbPath);
    expect(bytes).not.toContain(COMMUNITY);
    expect(bytes).not.toContain(TOKEN);
  });

  it('a value the cipher cannot open (another account) is a clear refusal, not garbage', () => {
    const box = createSecretBox({
      encrypt: cipher.encrypt,
      decrypt: () => {
        throw new Error('bad key');
      },
    });
    expect(() => box.open(box.seal('x'))).toThrow(InputError);
    expect(createSecretBox().open('plain')).toBe('plain');
  });
});
