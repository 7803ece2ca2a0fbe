import type { IpcError } from '../../../shared/ipc/result';
import { toIpcError } from '../api/unwrap';

/**
 * An error a store keeps for the UI: the IPC `code`, the engine's (English) `message`, and for a
 * refused input its `reason` and `params`, from which the UI writes its own sentence
 * (`inputReasons.<reason>`). Local checks (e.g. an empty targets field) use a reason too.
 */
export type StoreError = IpcError;

/** Turns anything caught around an `invoke` into a `StoreError`. */
export function toStoreError(error: unknown): StoreError {
  return toIpcError(error);
}
