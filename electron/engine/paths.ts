/**
 * Where Parc keeps its data: the same folder as Electron's `app.getPath('userData')` for the
 * product name "Parc", so the CLI and the desktop app share one database.
 * Linux `$XDG_CONFIG_HOME/Parc` (default `~/.config/Parc`), Windows `%APPDATA%\Parc`,
 * macOS `~/Library/Application Support/Parc`.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Parc';
export const DATABASE_FILE = 'parc.db';

/** The user's data folder for Parc (not created here). */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), PRODUCT_NAME);
}

/** The default database path: `<data folder>/parc.db`. */
export function defaultDatabasePath(): string {
  return join(defaultDataDir(), DATABASE_FILE);
}
