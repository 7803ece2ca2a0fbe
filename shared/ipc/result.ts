import { z } from 'zod';

/** Error codes that cross the IPC boundary. `invalid-input` is the CLI's exit 2. */
export const ErrorCode = z.enum(['invalid-input', 'not-found', 'busy', 'failed']);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const IpcError = z.object({ code: ErrorCode, message: z.string() });
export type IpcError = z.infer<typeof IpcError>;

/** What every command returns: a thrown error would cross IPC as a bare message, so errors are values. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});
