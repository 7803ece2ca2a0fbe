/**
 * Errors the engine throws on purpose. Each has a `code` that maps to the IPC error codes
 * and to the CLI's exit status (`invalid-input` → 2, others → 1).
 */

import type { InputReason } from '../../shared/ipc/result';

/**
 * Bad input from the user (a malformed target, a refused range…). The message is one clear
 * English sentence (CLI, logs); `reason` and `params` let the UI say it in French.
 */
export class InputError extends Error {
  readonly code = 'invalid-input' as const;
  constructor(
    message: string,
    readonly reason?: InputReason,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
  }
}

/** The thing asked for does not exist (an unknown device id…). */
export class NotFoundError extends Error {
  readonly code = 'not-found' as const;
}

/** Something is already running that must finish first (a scan). */
export class BusyError extends Error {
  readonly code = 'busy' as const;
}
