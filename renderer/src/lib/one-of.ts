/**
 * Whether `value` is one of `options`: a `<select>`'s value read back as its union type (the
 * options come from the shared constants, e.g. `DEVICE_TYPES`, not from a zod schema).
 */
export const isOneOf = <T extends string>(options: readonly T[], value: string): value is T =>
  (options as readonly string[]).includes(value);
