import { z } from 'zod';

/** Error codes that cross the IPC boundary. `invalid-input` is the CLI's exit 2. */
export const ErrorCode = z.enum(['invalid-input', 'not-found', 'busy', 'failed']);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * Why an input was refused, for a message in the user's language (the `message` itself is
 * English, for logs and the CLI). `params` fills the message (e.g. `{ target: '8.8.8.0/24' }`).
 */
export const InputReason = z.enum([
  'malformed-target',
  'prefix-out-of-range',
  'range-reversed',
  'no-targets',
  'unresolved-host',
  'too-many-addresses',
  'public-addresses',
  'des-unsupported',
  'missing-uai',
  'sealed-secret',
]);
export type InputReason = z.infer<typeof InputReason>;

export const IpcError = z.object({
  code: ErrorCode,
  message: z.string(),
  reason: InputReason.optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type IpcError = z.infer<typeof IpcError>;

/** What every command returns: a thrown error would cross IPC as a bare message, so errors are values. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** A successful Result carrying `value`. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
/** A failed Result: an error code, one sentence (English), and a reason and parameters for the UI's words. */
export const fail = (
  code: ErrorCode,
  message: string,
  details: Pick<IpcError, 'reason' | 'params'> = {},
): Result<never> => ({
  ok: false,
  error: { code, message, ...details },
});
