import type { Device } from '../../../../shared/domain/device';
import { normalizeSearch } from '../../stores/device-filter';

const DAY_MS = 86_400_000;

/** A machine is « vu il y a plus de 30 jours » when its last sighting is older than this. */
export const STALE_AFTER_DAYS = 30;

/** One line of the « Postes » table: a room heading, or a machine under it. */
export type MachineRow =
  | { readonly kind: 'room'; readonly room: string | null; readonly count: number }
  | { readonly kind: 'machine'; readonly device: Device };

/** The name people know a computer by: its NetBIOS/host name, else its sysName, else its IP. */
export function machineName(device: Pick<Device, 'hostName' | 'sysName' | 'ip'>): string {
  return device.hostName?.trim() || device.sysName?.trim() || device.ip;
}

/** Vendor and model on one line (`Dell OptiPlex 7010`), without repeating the vendor; null when neither is known. */
export function machineModel(device: Pick<Device, 'vendor' | 'model'>): string | null {
  const vendor = device.vendor?.trim() ?? '';
  const model = device.model?.trim() ?? '';
  if (!model) return vendor || null;
  if (!vendor || model.toLowerCase().startsWith(vendor.toLowerCase())) return model;
  return `${vendor} ${model}`;
}

/** True when the machine sent its own inventory (`parc inventory --self`), not only seen on the network. */
export function hasSelfInventory(device: Pick<Device, 'sources'>): boolean {
  return device.sources.includes('self-inventory');
}

/**
 * True when the machine was last seen more than `days` days before `now` (ms since the epoch).
 * A `lastSeen` that is not a date counts as not stale.
 */
export function isStale(device: Pick<Device, 'lastSeen'>, now: number, days = STALE_AFTER_DAYS): boolean {
  const seen = Date.parse(device.lastSeen);
  return Number.isFinite(seen) && now - seen > days * DAY_MS;
}

const haystacks = new WeakMap<Device, string>();

function haystackOf(device: Device): string {
  let haystack = haystacks.get(device);
  if (haystack === undefined) {
    const fields = [
      device.hostName,
      device.sysName,
      device.ip,
      device.os,
      device.vendor,
      device.model,
      device.serial,
      device.room,
      device.workgroup,
    ];
    if (device.mac) fields.push(device.mac, device.mac.replace(/:/g, ''));
    haystack = normalizeSearch(fields.filter((field): field is string => Boolean(field)).join('\n'));
    haystacks.set(device, haystack);
  }
  return haystack;
}

/**
 * The machines matching the filters: every word of `search` must appear in the name, IP,
 * system, vendor, model, serial, MAC (with or without colons), room or workgroup (case and
 * accents ignored); with `staleOnly`, only those last seen more than 30 days before `now`.
 */
export function filterMachines(
  machines: readonly Device[],
  search: string,
  staleOnly: boolean,
  now: number,
): readonly Device[] {
  const words = normalizeSearch(search).split(/\s+/).filter(Boolean);
  if (words.length === 0 && !staleOnly) return machines;
  return machines.filter(
    (device) =>
      (!staleOnly || isStale(device, now)) && words.every((word) => haystackOf(device).includes(word)),
  );
}

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

/**
 * The machines grouped by room for the table: rooms in natural order (`B2` before `B12`), the
 * machines without a room last (`room: null`), each group a heading row followed by its
 * machines sorted by name.
 */
export function groupMachinesByRoom(machines: readonly Device[]): MachineRow[] {
  const groups = new Map<string | null, Device[]>();
  for (const device of machines) {
    const room = device.room?.trim() || null;
    const group = groups.get(room);
    if (group) group.push(device);
    else groups.set(room, [device]);
  }
  const rooms = [...groups.keys()].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : collator.compare(a, b),
  );
  return rooms.flatMap((room) => {
    const devices = [...(groups.get(room) ?? [])].sort((a, b) =>
      collator.compare(machineName(a), machineName(b)),
    );
    return [
      { kind: 'room' as const, room, count: devices.length },
      ...devices.map((device) => ({ kind: 'machine' as const, device })),
    ];
  });
}

/**
 * How long ago an ISO 8601 time was, in words of the locale, by whole days: « aujourd’hui »,
 * « hier », « il y a 3 jours » (`Intl.RelativeTimeFormat`). @returns null for an invalid date.
 */
export function formatDaysAgo(iso: string, now: number, locale: string): string | null {
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return null;
  const startOfDay = (ms: number) => {
    const date = new Date(ms);
    return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
  };
  const days = Math.round((startOfDay(now) - startOfDay(time)) / DAY_MS);
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-Math.max(0, days), 'day');
}
