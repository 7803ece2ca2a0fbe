/**
 * The self-inventory collector: what is inside the PC Parc runs on, read with systeminformation
 * (WMI/CIM on Windows, /sys, /proc and lsusb on Linux, ioreg on macOS).
 * Every section is read on its own, bounded in time: a section that fails or takes longer than
 * the bound (a hanging mapped network drive, a slow WMI) is `null` and listed in `incomplete`.
 * No call needs admin rights, and nothing personal is read (no users, sessions, processes,
 * Wi-Fi networks or browser data).
 */
import { hostname as nodeHostName } from 'node:os';
import systeminformation, { type Systeminformation } from 'systeminformation';
import {
  SELF_INVENTORY_FORMAT,
  SELF_INVENTORY_SECTIONS,
  SELF_INVENTORY_VERSION,
  SelfInventory,
  type SelfInventorySection,
} from '../../../shared/domain/inventory';
import { matchUsbBoard } from '../identify/usb-boards';

/** Default bound of one systeminformation call, milliseconds. */
export const SELF_INVENTORY_TIMEOUT_MS = 10_000;

type Loose<T> = { [K in keyof T]?: T[K] | null };

/**
 * The systeminformation functions the collector calls (the real module fits; tests pass fakes).
 * Results are typed loosely: real values are often `null` or `''` whatever the typings say.
 */
export interface SystemInformationLike {
  system(): Promise<Loose<Systeminformation.SystemData>>;
  bios(): Promise<Loose<Systeminformation.BiosData>>;
  cpu(): Promise<Loose<Systeminformation.CpuData>>;
  mem(): Promise<Loose<Systeminformation.MemData>>;
  diskLayout(): Promise<Loose<Systeminformation.DiskLayoutData>[]>;
  fsSize(): Promise<Loose<Systeminformation.FsSizeData>[]>;
  osInfo(): Promise<Loose<Systeminformation.OsData>>;
  networkInterfaces(): Promise<Loose<Systeminformation.NetworkInterfacesData>[]>;
  usb(): Promise<Loose<Systeminformation.UsbData>[] | null>;
  graphics(): Promise<{ displays?: Loose<Systeminformation.GraphicsDisplayData>[] | null }>;
  battery(): Promise<Loose<Systeminformation.BatteryData>>;
  /** Synchronous in systeminformation: `uptime` in seconds. */
  time(): Loose<Systeminformation.TimeData>;
}

export interface CollectOptions {
  /** Bound of each systeminformation call, milliseconds (default 10 s). */
  timeoutMs?: number;
  /** The systeminformation module, or a fake (default: the real one). */
  si?: SystemInformationLike;
  /** "Now" as ISO 8601 (default: the clock). */
  now?: () => string;
  /** Written in the document's `parcVersion` (default `unknown`). */
  parcVersion?: string;
}

/**
 * File system types that are not storage a referent cares about: kernel and memory file
 * systems, container layers, snap images (Linux `/proc/filesystems` names, lower case).
 */
export const PSEUDO_FILE_SYSTEMS: ReadonlySet<string> = new Set([
  'tmpfs',
  'devtmpfs',
  'ramfs',
  'rootfs',
  'proc',
  'sysfs',
  'devpts',
  'devfs',
  'cgroup',
  'cgroup2',
  'securityfs',
  'debugfs',
  'tracefs',
  'configfs',
  'pstore',
  'efivarfs',
  'bpf',
  'mqueue',
  'hugetlbfs',
  'autofs',
  'fusectl',
  'binfmt_misc',
  'nsfs',
  'overlay',
  'squashfs',
  'aufs',
  'none',
]);

/** Trimmed text, or null when empty, not text, or systeminformation's "unknown" markers. */
function text(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const trimmed = String(value).trim();
  return trimmed === '' || trimmed === 'unknown' ? null : trimmed.slice(0, 500);
}

/** A finite number ≥ 0, or null (systeminformation says 0 or -1 for "not known" in places: callers decide). */
function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}
const whole = (value: unknown): number | null => {
  const n = count(value);
  return n === null ? null : Math.round(n);
};
/** A positive number, or null (0 means "not known" for speeds, sizes and capacities). */
const positive = (value: unknown): number | null => {
  const n = count(value);
  return n === null || n === 0 ? null : n;
};
const bool = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);

/** `AA-BB-CC-DD-EE-FF` or `aa:bb:…` as `aa:bb:cc:dd:ee:ff`; null for malformed and all-zero addresses. */
export function normaliseMac(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const hex = value.trim().toLowerCase().replace(/[-:.]/g, '');
  if (!/^[0-9a-f]{12}$/.test(hex) || /^0+$/.test(hex)) return null;
  return hex.match(/../g)!.join(':');
}

/**
 * USB idVendor and idProduct of a systeminformation USB entry: Linux gives `id` as `vvvv:pppp`
 * (from `lsusb -v`), Windows a PnP device id `USB\VID_vvvv&PID_pppp\…`; macOS gives neither.
 */
export function usbIds(entry: {
  id?: unknown;
  deviceId?: unknown;
}): { vendorId: number; productId: number } | null {
  for (const candidate of [entry.id, entry.deviceId]) {
    if (typeof candidate !== 'string') continue;
    const linux = /^([0-9a-f]{4}):([0-9a-f]{4})$/i.exec(candidate.trim());
    const windows = /VID_([0-9a-f]{4}).*PID_([0-9a-f]{4})/i.exec(candidate);
    const match = linux ?? windows;
    if (match) return { vendorId: parseInt(match[1], 16), productId: parseInt(match[2], 16) };
  }
  return null;
}

/** Energy in Wh from a battery capacity and its unit (`Wh`, `mWh`, or `mAh` with the voltage). */
function capacityWh(capacity: unknown, unit: unknown, voltage: unknown): number | null {
  const value = positive(capacity);
  if (value === null) return null;
  const wh =
    unit === 'Wh'
      ? value
      : unit === 'mWh'
        ? value / 1000
        : unit === 'mAh' && positive(voltage) !== null
          ? (value * (voltage as number)) / 1000
          : null;
  return wh === null ? null : Math.round(wh * 100) / 100;
}

/** Thrown inside `bounded` when a section takes too long. */
class SectionTimeout extends Error {}

/**
 * Runs `read` within `timeoutMs`; resolves with its value, or null on timeout or error.
 * The bound covers asynchronous work only: a synchronous call inside systeminformation (such as
 * `hostname -f` in osInfo on Linux) runs to its end before the timer can fire.
 */
async function bounded<T>(read: () => Promise<T> | T, timeoutMs: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SectionTimeout()), timeoutMs);
  });
  try {
    return await Promise.race([Promise.resolve().then(read), timeout]);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** Builds a section from what was read; a shape systeminformation did not promise gives null. */
function safely<T>(build: () => T): T | null {
  try {
    return build();
  } catch {
    return null;
  }
}

/**
 * Reads this PC's self-inventory. Each systeminformation call runs at once, each bounded by
 * `timeoutMs`, so the whole collection takes about one bound at most (plus any synchronous
 * work inside systeminformation). Never throws for a failed section: it is null and listed in
 * `incomplete`.
 * @returns a document valid for the `SelfInventory` schema (sizes in bytes, speed in GHz,
 *   battery capacity in Wh, times ISO 8601).
 */
export async function collectSelfInventory(options: CollectOptions = {}): Promise<SelfInventory> {
  const si: SystemInformationLike = options.si ?? systeminformation;
  const timeoutMs = options.timeoutMs ?? SELF_INVENTORY_TIMEOUT_MS;
  const now = options.now ?? (() => new Date().toISOString());
  // Every result is an object or an array: anything else (a bare string, undefined) is a failure.
  const read = async <T>(call: () => Promise<T> | T): Promise<T | null> => {
    const value = await bounded(call, timeoutMs);
    return typeof value === 'object' ? value : null;
  };

  const [system, bios, cpu, mem, disks, volumes, os, network, usb, graphics, battery, time] =
    await Promise.all([
      read(() => si.system()),
      read(() => si.bios()),
      read(() => si.cpu()),
      read(() => si.mem()),
      read(() => si.diskLayout()),
      read(() => si.fsSize()),
      read(() => si.osInfo()),
      read(() => si.networkInterfaces()),
      read(() => si.usb()),
      read(() => si.graphics()),
      read(() => si.battery()),
      read(() => si.time()),
    ]);
  const collectedAt = new Date(now()).toISOString();

  const sections: Record<SelfInventorySection, () => unknown> = {
    system: () =>
      system && {
        manufacturer: text(system.manufacturer),
        model: text(system.model),
        serial: text(system.serial),
        uuid: text(system.uuid),
        virtual: bool(system.virtual),
      },
    bios: () =>
      bios && { vendor: text(bios.vendor), version: text(bios.version), releaseDate: text(bios.releaseDate) },
    cpu: () =>
      cpu && {
        manufacturer: text(cpu.manufacturer),
        brand: text(cpu.brand),
        cores: positive(whole(cpu.cores)),
        physicalCores: positive(whole(cpu.physicalCores)),
        speedGHz: positive(cpu.speed),
      },
    memory: () => mem && { totalBytes: positive(whole(mem.total)) },
    disks: () =>
      Array.isArray(disks) &&
      disks.map((d) => ({
        name: text(d.name),
        type: text(d.type),
        interfaceType: text(d.interfaceType),
        sizeBytes: positive(whole(d.size)),
        smartStatus: text(d.smartStatus),
      })),
    volumes: () =>
      Array.isArray(volumes) &&
      volumes
        .filter((v) => text(v.mount) !== null && !PSEUDO_FILE_SYSTEMS.has((text(v.type) ?? '').toLowerCase()))
        .map((v) => ({
          mount: text(v.mount),
          fsType: text(v.type),
          sizeBytes: whole(v.size),
          usedBytes: whole(v.used),
        })),
    os: () =>
      os && {
        platform: text(os.platform),
        distro: text(os.distro),
        release: text(os.release),
        build: text(os.build),
        arch: text(os.arch),
        codename: text(os.codename),
      },
    // Loopback is left out; a MAC of all zeros is null.
    network: () =>
      Array.isArray(network) &&
      network
        .filter((n) => n.internal !== true && text(n.iface) !== null)
        .map((n) => ({
          iface: text(n.iface),
          mac: normaliseMac(n.mac),
          ipv4: text(n.ip4),
          virtual: n.virtual === true,
        })),
    usb: () =>
      Array.isArray(usb) &&
      usb.map((u) => {
        const ids = usbIds(u);
        return {
          vendorId: ids?.vendorId ?? null,
          productId: ids?.productId ?? null,
          name: text(u.name),
          manufacturer: text(u.manufacturer) ?? text(u.vendor),
          interactiveBoard: ids ? matchUsbBoard(ids.vendorId, ids.productId) : null,
        };
      }),
    displays: () =>
      graphics !== null &&
      Array.isArray(graphics.displays) &&
      graphics.displays.map((d) => ({
        vendor: text(d.vendor),
        model: text(d.model),
        resolutionX: positive(whole(d.resolutionX ?? d.currentResX)),
        resolutionY: positive(whole(d.resolutionY ?? d.currentResY)),
        main: bool(d.main),
      })),
    battery: () => {
      if (!battery) return null;
      const present = battery.hasBattery === true;
      const designed = positive(battery.designedCapacity);
      const full = positive(battery.maxCapacity);
      return {
        present,
        healthPercent: present && designed && full ? Math.round((full / designed) * 1000) / 10 : null,
        cycleCount: present ? whole(battery.cycleCount) : null,
        designedCapacityWh: present ? capacityWh(designed, battery.capacityUnit, battery.voltage) : null,
      };
    },
    lastBoot: () => {
      const uptime = count(time?.uptime);
      return uptime === null
        ? null
        : new Date(Date.parse(collectedAt) - Math.round(uptime * 1000)).toISOString();
    },
  };

  // A section is usable only if its cleaned shape passes the schema; else it counts as incomplete.
  const checked = {} as Record<SelfInventorySection, unknown>;
  const incomplete: SelfInventorySection[] = [];
  for (const name of SELF_INVENTORY_SECTIONS) {
    const value = safely(sections[name]) || null;
    const valid = value !== null && SelfInventory.shape[name].safeParse(value).success;
    checked[name] = valid ? value : null;
    if (!valid) incomplete.push(name);
  }

  return SelfInventory.parse({
    format: SELF_INVENTORY_FORMAT,
    version: SELF_INVENTORY_VERSION,
    collectedAt,
    parcVersion: options.parcVersion ?? 'unknown',
    hostName: text(os?.hostname) ?? text(nodeHostName()),
    ...checked,
    incomplete,
  });
}
