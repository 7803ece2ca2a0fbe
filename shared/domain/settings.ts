import { z } from 'zod';
import { SCAN_DEFAULTS } from './scan';

export const Language = z.enum(['fr', 'en']);
export type Language = z.infer<typeof Language>;

/**
 * User settings kept in the database (so `--db FILE` carries them). Credentials live apart
 * (they are secrets). Every field has a default, so an empty or partly corrupt record still loads.
 */
export const Settings = z.object({
  language: Language.default('fr'),
  /** The ranges the referent scans, as typed. */
  targets: z.array(z.string()).default([]),
  timeoutMs: z.number().int().min(50).max(60_000).default(SCAN_DEFAULTS.timeoutMs),
  retries: z.number().int().min(0).max(10).default(SCAN_DEFAULTS.retries),
  concurrency: z.number().int().min(1).max(1024).default(SCAN_DEFAULTS.concurrency),
  port: z.number().int().min(1).max(65535).default(SCAN_DEFAULTS.port),
});
export type Settings = z.infer<typeof Settings>;
export const SettingsPatch = Settings.partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
