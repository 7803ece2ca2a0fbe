/**
 * A small structured logger that never writes a secret: any field whose name looks like a
 * secret (community, key, secret, token, password, auth, priv) is replaced by `[redacted]`,
 * at any depth.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const SECRET_NAME = /community|key|secret|token|password|passphrase|auth|priv/i;
const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** Returns a deep copy of `value` with secret-looking fields replaced by `[redacted]`. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SECRET_NAME.test(k) ? '[redacted]' : redact(v, depth + 1)]),
  );
}

/**
 * A logger writing one JSON line per entry (`{time, level, message, ...fields}`) to `write`.
 * @param minLevel entries below this level are dropped.
 */
export function createLogger(write: (line: string) => void, minLevel: LogLevel = 'info'): Logger {
  const threshold = LEVELS.indexOf(minLevel);
  const log =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}) => {
      if (LEVELS.indexOf(level) < threshold) return;
      write(
        JSON.stringify({ time: new Date().toISOString(), level, message, ...(redact(fields) as LogFields) }),
      );
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** A logger that drops everything. */
export const silentLogger: Logger = createLogger(() => undefined, 'error');
