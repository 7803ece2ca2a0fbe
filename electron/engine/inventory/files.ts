/**
 * Self-inventory files: writing one document (atomically, so a folder shared by a logon script
 * never holds half a file) and reading a folder of them with the sha256 of each file's bytes.
 */
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  SELF_INVENTORY_FORMAT,
  SELF_INVENTORY_VERSION,
  SelfInventory,
  usableDmiText,
  type InvalidInventoryCode,
} from '../../../shared/domain/inventory';
import { InputError } from '../errors';
import { checkTarget, writeDataAtomically } from '../export/atomic-write';

/** Files bigger than this are refused unread (a real document is a few kilobytes). */
export const MAX_INVENTORY_FILE_BYTES = 5 * 1024 * 1024;

/** One `*.json` file of a folder, read: its document, or why it is not one. */
export type InventoryFile =
  | { file: string; sha256: string; document: SelfInventory }
  | { file: string; sha256: string | null; code: InvalidInventoryCode; reason: string };

/** Characters Windows refuses in file names, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME = /[<>:"/\\|?*\u0000-\u001f]+/g;

/** Names Windows reserves for devices (CON, NUL, COM1…). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * The file name of a document: `<hostName>-<serial or first non-virtual MAC>.json`, e.g.
 * `PC-B12-03-5CG1234XYZ.json` or `PC-B12-03-aabbccddeeff.json`; `unknown` for a missing host
 * name; no suffix when there is neither serial nor MAC. Safe on Windows and POSIX.
 */
export function inventoryFileName(doc: SelfInventory): string {
  const serial = usableDmiText(doc.system?.serial);
  const mac = doc.network?.find((n) => !n.virtual && n.mac)?.mac?.replace(/:/g, '') ?? null;
  const parts = [doc.hostName ?? 'unknown', serial ?? mac].filter((p): p is string => Boolean(p));
  const name = parts
    .map((p) => p.replace(UNSAFE_NAME, '_').trim())
    .join('-')
    .replace(/^\.+/, '')
    .slice(0, 150)
    .replace(/[. ]+$/, '');
  // Windows refuses these device names, whatever the extension.
  return `${WINDOWS_RESERVED.test(name) ? `_${name}` : name || 'unknown'}.json`;
}

/**
 * Writes `doc` as indented JSON (UTF-8, no BOM). When `target` is an existing folder, the file
 * is `<folder>/<inventoryFileName(doc)>`; otherwise `target` is the file (replaced if present).
 * Atomic: written under a temporary name in the same folder, then renamed.
 * @returns the path written.
 * @throws InputError (a link, pipe or device in the way, a missing folder, no permission) or
 *   Error (full disk) in one sentence, when nothing could be written.
 */
export async function writeInventoryFile(doc: SelfInventory, target: string): Promise<string> {
  const isFolder = (await stat(target).catch(() => null))?.isDirectory() ?? false;
  const path = isFolder ? join(target, inventoryFileName(doc)) : target;
  const existing = await lstat(path).catch(() => null);
  // Renaming over a link, a pipe or a device would replace it, not write to it.
  if (existing && !existing.isFile())
    throw new InputError(
      `Cannot write ${path}: it exists and is not a plain file (a link, a pipe or a device).`,
    );
  await checkTarget(path, 'file', true);
  await writeDataAtomically(path, JSON.stringify(doc, null, 2) + '\n');
  return path;
}

/**
 * Checks the bytes of one file: a JSON self-inventory of a version this Parc reads.
 * A UTF-8 byte order mark (Windows editors, PowerShell 5) is tolerated.
 */
export function parseInventory(
  bytes: Buffer,
): { document: SelfInventory } | { code: InvalidInventoryCode; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    return { code: 'invalid-json', reason: 'Not valid JSON.' };
  }
  const fields = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (fields.format !== SELF_INVENTORY_FORMAT) {
    return {
      code: 'not-self-inventory',
      reason: `Not a Parc self-inventory (no "format": "${SELF_INVENTORY_FORMAT}").`,
    };
  }
  if (fields.version !== SELF_INVENTORY_VERSION) {
    return {
      code: 'unknown-version',
      reason: `Self-inventory version ${JSON.stringify(fields.version)} is unknown to this Parc (it reads version ${SELF_INVENTORY_VERSION}).`,
    };
  }
  const parsed = SelfInventory.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      code: 'invalid',
      reason: `Invalid field ${issue.path.join('.') || '(document)'}: ${issue.message}.`,
    };
  }
  return { document: parsed.data };
}

/**
 * Reads every `*.json` file of `folder` (not its subfolders, not hidden files), sorted by name.
 * Each comes with the sha256 (hex) of its bytes and its validated document, or a `code` and
 * one-sentence English reason (too big > 5 MB, unreadable, invalid JSON, not a Parc
 * self-inventory, unknown version, invalid field).
 * @throws InputError when the folder itself cannot be listed (missing, not a folder, permission).
 */
export async function readInventoryFolder(folder: string): Promise<InventoryFile[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    const reason =
      error.code === 'ENOENT'
        ? 'it does not exist'
        : error.code === 'ENOTDIR'
          ? 'it is not a folder'
          : error.code === 'EACCES' || error.code === 'EPERM'
            ? 'permission denied'
            : error.message;
    throw new InputError(`Cannot read the folder ${folder}: ${reason}.`);
  });
  const names = entries
    .filter((e) => !e.name.startsWith('.') && e.name.toLowerCase().endsWith('.json'))
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => e.name)
    .sort();
  const files: InventoryFile[] = [];
  for (const file of names) {
    const path = join(folder, file);
    try {
      const info = await stat(path);
      if (!info.isFile()) continue;
      if (info.size > MAX_INVENTORY_FILE_BYTES) {
        files.push({
          file,
          sha256: null,
          code: 'too-big',
          reason: 'Too big for a self-inventory (more than 5 MB).',
        });
        continue;
      }
      const bytes = await readFile(path);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      files.push({ file, sha256, ...parseInventory(bytes) });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code ?? 'error';
      files.push({ file, sha256: null, code: 'unreadable', reason: `Cannot read the file (${code}).` });
    }
  }
  return files;
}
