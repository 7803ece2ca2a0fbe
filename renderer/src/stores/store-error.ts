import type { ErrorCode } from '../../../shared/ipc/result';
import { toIpcError } from '../api/unwrap';

/**
 * An error a store keeps for the UI: an IPC `code` (shown with a French sentence from
 * `errors.<code>`) or a local check such as `no-targets`, and the engine's message.
 */
export type StoreError = { code: ErrorCode | 'no-targets'; message: string };

/** Turns anything caught around an `invoke` into a `StoreError`. */
export function toStoreError(error: unknown): StoreError {
  return toIpcError(error);
}
