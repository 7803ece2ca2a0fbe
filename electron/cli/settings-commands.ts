/**
 * `parc settings get [KEY]` and `parc settings set KEY VALUE`: the saved settings (UAI, school
 * name, hub, schedule…) from a terminal, validated by the Settings schema. The hub token and
 * signing secret are set with `-` as VALUE and read from standard input, never from the command
 * line; `get` only says whether they are set.
 */
import type { Command, Option } from 'commander';
import { Settings, type SettingsPatch } from '../../shared/domain/settings';
import { InputError } from '../engine/errors';
import { isSecretName, SECRET_NAMES, type SecretName } from '../engine/db/repositories/secrets-repo';
import type { CliIo } from './run';

/** What the settings commands need of the engine (the lead's `Engine` once it has `reports`). */
export interface SettingsEngine {
  settings: { get(): Settings; set(patch: SettingsPatch): Settings };
  reports: { secrets: { set(name: SecretName, value: string): void; isSet(name: SecretName): boolean } };
  close(): void;
}

export interface SettingsCommandsContext {
  io: CliIo;
  openEngine: (db?: string, options?: { mustExist?: boolean }) => SettingsEngine;
  dbOption: () => Option;
  /** Reads standard input to its end (default: process.stdin). */
  readStdin?: () => Promise<string>;
}

const KEYS = Object.keys(Settings.shape) as (keyof Settings)[];
const isKey = (key: string): key is keyof Settings => (KEYS as string[]).includes(key);

const readProcessStdin = async (): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/**
 * The typed value of `text` for setting `key`: the text itself when the schema takes it (UAI,
 * URLs, times), else its JSON (numbers, lists, `null`).
 * @throws InputError with the schema's reason.
 */
export function parseSettingValue(key: keyof Settings, text: string): unknown {
  const schema = Settings.shape[key];
  const asText = schema.safeParse(text);
  if (asText.success) return asText.data;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InputError(`${key}: ${asText.error.issues[0]?.message ?? 'invalid value'}.`);
  }
  const asJson = schema.safeParse(json);
  if (!asJson.success) throw new InputError(`${key}: ${asJson.error.issues[0]?.message ?? 'invalid value'}.`);
  return asJson.data;
}

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Adds `settings get` and `settings set` to `program`. */
export function registerSettingsCommands(
  program: Command,
  { io, openEngine, dbOption, readStdin = readProcessStdin }: SettingsCommandsContext,
): void {
  const settings = program.command('settings').description('show or change the saved settings');
  const allKeys = [...KEYS, ...SECRET_NAMES].join(', ');

  settings
    .command('get')
    .description('print the settings, or one (secrets: only whether they are set)')
    .argument('[key]', `one of ${allKeys}`)
    .option('--json', 'print JSON')
    .addOption(dbOption())
    .action((key: string | undefined, opts: { json?: boolean; db?: string }) => {
      if (key !== undefined && !isKey(key) && !isSecretName(key)) {
        throw new InputError(`Unknown setting "${key}": use ${allKeys}.`);
      }
      const engine = openEngine(opts.db);
      try {
        const values = engine.settings.get();
        const secretState = (name: SecretName) => (engine.reports.secrets.isSet(name) ? 'set' : 'not set');
        if (key !== undefined) {
          const value = isKey(key) ? values[key] : secretState(key as SecretName);
          io.stdout((opts.json ? JSON.stringify(value) : show(value)) + '\n');
          return;
        }
        const all: Record<string, unknown> = { ...values };
        for (const name of SECRET_NAMES) all[name] = secretState(name);
        io.stdout(
          opts.json
            ? JSON.stringify(all, null, 2) + '\n'
            : Object.entries(all)
                .map(([k, v]) => `${k} = ${show(v)}`)
                .join('\n') + '\n',
        );
      } finally {
        engine.close();
      }
    });

  settings
    .command('set')
    .description('change one setting (secrets: VALUE is "-" and the value is read from standard input)')
    .argument('<key>', `one of ${allKeys}`)
    .argument('<value>', 'the new value (JSON for numbers and lists, null to clear; - for a secret)')
    .addOption(dbOption())
    .action(async (key: string, value: string, opts: { db?: string }) => {
      if (isSecretName(key)) {
        if (value !== '-') {
          throw new InputError(
            `${key} is a secret: give "-" and write it on standard input, never on the command line.`,
          );
        }
        const secret = (await readStdin()).replace(/\r?\n$/, '');
        if (/[\r\n]/.test(secret) || secret.length > 4096)
          throw new InputError(`${key}: one line of at most 4096 characters.`);
        const engine = openEngine(opts.db);
        try {
          engine.reports.secrets.set(key, secret);
          io.stderr(`settings: ${key} ${secret === '' ? 'removed' : 'saved'}\n`);
        } finally {
          engine.close();
        }
        return;
      }
      if (!isKey(key)) throw new InputError(`Unknown setting "${key}": use ${allKeys}.`);
      const parsed = parseSettingValue(key, value);
      const engine = openEngine(opts.db);
      try {
        const next = engine.settings.set({ [key]: parsed } as SettingsPatch);
        io.stdout(`${key} = ${show(next[key])}\n`);
      } finally {
        engine.close();
      }
    });
}
