/**
 * Settings, stored in the database as one JSON record so `--db FILE` carries them. A record
 * that is not valid JSON or has invalid fields falls back to the defaults, field by field.
 */
import { Settings, SETTINGS_DEFAULTS, type SettingsPatch } from '../../../../shared/domain/settings';
import type { Db } from '../database';

/** The settings repository on a migrated database: one validated JSON record. */
export function createSettingsRepo(db: Db) {
  const read = (): unknown => {
    const row = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'settings'").get();
    if (!row) return {};
    try {
      return JSON.parse(row.value);
    } catch {
      return {};
    }
  };

  return {
    /** The settings; each invalid or missing field takes its default. */
    get(): Settings {
      const raw = read();
      const source = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
      const valid = Object.fromEntries(
        Object.entries(Settings.shape).flatMap(([k, schema]) => {
          const field = schema.safeParse(source[k]);
          return field.success ? [[k, field.data]] : [];
        }),
      );
      return Settings.parse({ ...SETTINGS_DEFAULTS, ...valid });
    },

    /** Merges a (validated) patch into the settings. @returns the new settings. */
    set(patch: SettingsPatch): Settings {
      const next = Settings.parse({ ...this.get(), ...patch });
      db.prepare(
        "INSERT INTO settings (key, value) VALUES ('settings', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      ).run(JSON.stringify(next));
      return next;
    },
  };
}

export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
