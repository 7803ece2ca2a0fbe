/**
 * Which file systems are real volumes of a file server. Kernel and memory file systems (tmpfs,
 * /proc, /sys…), snap loop mounts and container layers are never where the pupils' files live,
 * so they are left out of every source (HOST-RESOURCES-MIB, UCD-SNMP-MIB dskTable,
 * systeminformation), as data below.
 */

/** File system types that are never a volume (Linux `/proc/mounts` names, as systeminformation gives them). */
export const PSEUDO_FS_TYPES: ReadonlySet<string> = new Set([
  'tmpfs',
  'devtmpfs',
  'ramfs',
  'proc',
  'sysfs',
  'cgroup',
  'cgroup2',
  'devpts',
  'overlay',
  'squashfs',
  'autofs',
  'debugfs',
  'tracefs',
  'securityfs',
  'pstore',
  'bpf',
  'mqueue',
  'hugetlbfs',
  'configfs',
  'fusectl',
  'nsfs',
  'efivarfs',
  'binfmt_misc',
]);

/** Mount points (the path itself or anything below it) that are never a volume. */
export const PSEUDO_MOUNT_PREFIXES: readonly string[] = [
  '/run',
  '/sys',
  '/proc',
  '/dev',
  '/snap',
  '/var/lib/docker/overlay2',
  '/var/lib/snapd',
];

/**
 * True when a mount point is a pseudo file system by its path alone (`/run/user/0`,
 * `/sys/fs/cgroup`, `/dev/shm`, `/snap/core/123`). Windows drives (`C:\`) and NAS volumes pass.
 */
export function isPseudoMount(mount: string): boolean {
  const path = mount.trim();
  return PSEUDO_MOUNT_PREFIXES.some((prefix) => path === prefix || path.startsWith(prefix + '/'));
}

/** True when a file system type (`tmpfs`, `squashfs`…, case-insensitive) is never a volume. */
export function isPseudoFsType(type: string): boolean {
  return PSEUDO_FS_TYPES.has(type.trim().toLowerCase());
}

/** Used share of a volume, 0–100, rounded to 0.01 (0 for an empty size). */
export function usedPercent(usedBytes: number, sizeBytes: number): number {
  return sizeBytes > 0 ? Math.round((usedBytes / sizeBytes) * 10_000) / 100 : 0;
}
