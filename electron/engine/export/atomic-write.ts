/**
 * Writing exports safely: a file is written under a temporary name in the same folder and
 * renamed (atomic on one file system), so a failure (full disk, crash) never leaves a half file
 * at the chosen path; an existing file is only replaced with `force`. A folder export (GLPI,
 * split CSV) is built in a temporary folder renamed into place; into an existing folder
 * (`force`) each file is renamed in turn, so every file is whole.
 */
import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { access, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors';

/** A file to write: its name in the folder and its content. */
export interface OutputFile {
  name: string;
  data: string | Buffer;
}

const tempName = (path: string) =>
  join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);

const statOrNull = (path: string): Promise<Stats | null> => stat(path).catch(() => null);

/**
 * Checks, before anything is computed or written, that `path` may be written as a `file` or a
 * `folder`: its parent folder exists and is writable, and nothing is there unless `force`.
 * @throws InputError with one sentence saying what is wrong.
 */
export async function checkTarget(path: string, kind: 'file' | 'folder', force: boolean): Promise<void> {
  const parent = dirname(path);
  const parentStat = await statOrNull(parent);
  if (!parentStat?.isDirectory()) throw new InputError(`The folder ${parent} does not exist.`);
  try {
    await access(parent, constants.W_OK);
  } catch {
    throw new InputError(`Cannot write in ${parent}: permission denied.`);
  }
  const existing = await statOrNull(path);
  if (!existing) return;
  if (kind === 'file' && existing.isDirectory()) throw new InputError(`${path} is a folder, not a file.`);
  if (kind === 'folder' && !existing.isDirectory()) throw new InputError(`${path} is a file, not a folder.`);
  if (kind === 'folder' && (await readdir(path)).length === 0) return;
  if (!force) {
    throw new InputError(
      kind === 'file'
        ? `${path} already exists: use --force to replace it.`
        : `The folder ${path} is not empty: use --force to replace its files.`,
    );
  }
}

/** The error of a failed write in one sentence (full disk, permission), keeping the cause. */
export function writeFailure(error: unknown, path: string): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EROFS'
          ? 'the disk is read-only'
          : error instanceof Error
            ? error.message
            : String(error);
  return new Error(`Cannot write ${path}: ${reason}. Nothing was written there.`, { cause: error });
}

/**
 * Writes one file atomically: `produce` writes the content to the temporary path given, which
 * is then renamed to `path` (replacing a file there: callers check `force` first).
 * @throws Error (see `writeFailure`) when writing fails; the temporary file is removed.
 */
export async function writeFileAtomically(path: string, produce: (tempPath: string) => Promise<void>) {
  const temp = tempName(path);
  try {
    await produce(temp);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw writeFailure(error, path);
  }
}

/** Writes `data` to `path` atomically (see `writeFileAtomically`). */
export const writeDataAtomically = (path: string, data: string | Buffer) =>
  writeFileAtomically(path, (temp) => writeFile(temp, data, { flag: 'wx' }));

/**
 * Writes `files` into the folder `path`: built in a temporary folder beside it and renamed when
 * the folder does not exist, else each file renamed into it (replacing same-named files).
 * @returns the paths written, in order.
 * @throws Error (see `writeFailure`); the temporary folder is removed.
 */
export async function writeFolderAtomically(path: string, files: readonly OutputFile[]): Promise<string[]> {
  const exists = (await statOrNull(path))?.isDirectory() ?? false;
  const temp = exists ? tempName(join(path, 'parc-export')) : tempName(path);
  try {
    await mkdir(temp);
    for (const file of files) await writeFile(join(temp, file.name), file.data, { flag: 'wx' });
    if (exists) for (const file of files) await rename(join(temp, file.name), join(path, file.name));
    else await rename(temp, path);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw writeFailure(error, path);
  }
  if (exists) await rm(temp, { recursive: true, force: true });
  return files.map((file) => join(path, file.name));
}
