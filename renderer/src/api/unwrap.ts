import type { ErrorCode, InputReason, IpcError, Result } from '../../../shared/ipc/result';

/** Why an input was refused and what fills the sentence (see `InputReason` in the contract). */
export type ErrorDetails = Pick<IpcError, 'reason' | 'params'>;

/** An IPC failure as an exception: keeps the contract's `code`, `reason` and `params` next to the message. */
export class ParcError extends Error {
  readonly code: ErrorCode;
  readonly reason: InputReason | undefined;
  readonly params: IpcError['params'];

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'ParcError';
    this.code = code;
    this.reason = details.reason;
    this.params = details.params;
  }
}

/**
 * Returns a command's value, or throws its error.
 * @throws ParcError carrying the contract's `code`, `message`, `reason` and `params`.
 */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  const { code, message, reason, params } = result.error;
  throw new ParcError(code, message, { reason, params });
}

/** Reads an `IpcError` out of anything a store caught (non-IPC errors become `failed`). */
export function toIpcError(error: unknown): IpcError {
  if (error instanceof ParcError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.reason ? { reason: error.reason } : {}),
      ...(error.params ? { params: error.params } : {}),
    };
  }
  if (error instanceof Error) return { code: 'failed', message: error.message };
  return { code: 'failed', message: String(error) };
}
