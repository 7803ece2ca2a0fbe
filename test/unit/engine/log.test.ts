import { describe, expect, it } from 'vitest';
import { createLogger, redact } from '../../../electron/engine/log';

describe('logger', () => {
  it('redacts secret-looking fields at any depth', () => {
    expect(
      redact({
        ip: '10.0.0.1',
        community: 'public',
        v3: { authKey: 'k', privKey: 'p', user: 'parc' },
        token: 't',
      }),
    ).toEqual({
      ip: '10.0.0.1',
      community: '[redacted]',
      v3: { authKey: '[redacted]', privKey: '[redacted]', user: 'parc' },
      token: '[redacted]',
    });
  });

  it('writes JSON lines at or above the level', () => {
    const lines: string[] = [];
    const log = createLogger((l) => lines.push(l), 'warn');
    log.info('hidden');
    log.warn('shown', { password: 'x' });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'warn', message: 'shown', password: '[redacted]' });
  });
});
