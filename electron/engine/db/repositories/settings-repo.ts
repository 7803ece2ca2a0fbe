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

    /**
     * Repairs a damaged settings record: the raw record is kept in `meta` under
     * `settings.damaged.<stamp>` and the settings are saved again with their valid fields, the
     * others at their defaults. @returns the key it was kept under and the fields that were
     * invalid (`(record)` when it was not JSON at all), or null when nothing was wrong.
     */
    repair(stamp: string): { keptAs: string; fields: string[] } | null {
      const row = db
        .prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'settings'")
        .get();
      if (!row) return null;
      let raw: unknown = null;
      try {
        raw = JSON.parse(row.value);
      } catch {
        // not JSON: reset whole, below
      }
      const notJson = typeof raw !== 'object' || raw === null || Array.isArray(raw);
      const source = (notJson ? {} : raw) as Record<string, unknown>;
      const fields = notJson
        ? ['(record)']
        : Object.entries(Settings.shape).flatMap(([k, schema]) =>
            k in source && !schema.safeParse(source[k]).success ? [k] : [],
          );
      if (fields.length === 0) return null;
      const keptAs = `settings.damaged.${stamp}`;
      db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(keptAs, row.value);
      this.set({});
      return { keptAs, fields };
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
