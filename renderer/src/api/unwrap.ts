import type { ErrorCode } from '../../../shared/ipc/result';
import type { Result } from '../../../shared/ipc/result';

/** An IPC failure as an exception: keeps the contract's `code` next to the message. */
export class ParcError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ParcError';
    this.code = code;
  }
}

/**
 * Returns a command's value, or throws its error.
 * @throws ParcError carrying the contract's `code` and `message`.
 */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ParcError(result.error.code, result.error.message);
}

/** Reads a `{ code, message }` out of anything a store caught (non-IPC errors become `failed`). */
export function toIpcError(error: unknown): { code: ErrorCode; message: string } {
  if (error instanceof ParcError) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: 'failed', message: error.message };
  return { code: 'failed', message: String(error) };
}
