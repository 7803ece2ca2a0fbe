/**
 * Self-inventory (issue 10): what Parc's collector records on a PC that has no SNMP agent
 * (`parc inventory --self`, often from a logon script), as a versioned JSON document, and what
 * importing a folder of such documents did.
 *
 * Sizes are bytes, speeds GHz, energies Wh, times ISO 8601. A section that could not be read
 * (timeout, error) is `null` and named in `incomplete`; an empty list means "read, none found".
 * The document holds no personal data: no user names, sessions, processes, Wi-Fi networks or
 * browser data.
 */
import { z } from 'zod';
import { MacAddress } from './device';

/** The `format` field of every self-inventory document. */
export const SELF_INVENTORY_FORMAT = 'parc-self-inventory';
/** The document version this Parc writes and reads; bumped when a field changes meaning or goes away. */
export const SELF_INVENTORY_VERSION = 1;

/** The sections of a self-inventory, as named in `incomplete`. */
export const SELF_INVENTORY_SECTIONS = [
  'system',
  'bios',
  'cpu',
  'memory',
  'disks',
  'volumes',
  'os',
  'network',
  'usb',
  'displays',
  'battery',
  'lastBoot',
] as const;
export const SelfInventorySection = z.enum(SELF_INVENTORY_SECTIONS);
export type SelfInventorySection = z.infer<typeof SelfInventorySection>;

/** A short text as read from the machine (DMI, WMI, /sys), or null when empty or unknown. */
const Text = z.string().max(500).nullable();
const Bytes = z.number().int().nonnegative().nullable();
const IsoTime = z.iso.datetime({ offset: true });
/** Lists are bounded so that a hostile file cannot fill the database. */
const list = <T extends z.ZodType>(item: T) => z.array(item).max(1000).nullable();

/** SMBIOS system information (type 1): `Win32_ComputerSystemProduct`, `/sys/class/dmi/id`. */
export const SelfSystem = z.object({
  manufacturer: Text,
  model: Text,
  /** As read: may be a firmware placeholder (see `usableDmiText`). */
  serial: Text,
  uuid: Text,
  /** True on a virtual machine. */
  virtual: z.boolean().nullable(),
});

/** SMBIOS BIOS information (type 0). */
export const SelfBios = z.object({ vendor: Text, version: Text, releaseDate: Text });

export const SelfCpu = z.object({
  manufacturer: Text,
  brand: Text,
  /** Logical processors (threads). */
  cores: z.number().int().nonnegative().nullable(),
  physicalCores: z.number().int().nonnegative().nullable(),
  /** Base clock in GHz, or null when unknown. */
  speedGHz: z.number().nonnegative().nullable(),
});

export const SelfMemory = z.object({ totalBytes: Bytes });

/** A physical disk. */
export const SelfDisk = z.object({
  name: Text,
  /** `SSD`, `HD`, `NVMe`… as reported. */
  type: Text,
  /** `SATA`, `NVMe`, `USB`… as reported. */
  interfaceType: Text,
  sizeBytes: Bytes,
  /** `Ok`, `Predicted Failure`, `unknown`… as reported. */
  smartStatus: Text,
});

/** A mounted volume (drive letter or mount point); pseudo file systems are left out. */
export const SelfVolume = z.object({
  mount: z.string().max(500),
  fsType: Text,
  sizeBytes: Bytes,
  usedBytes: Bytes,
});

export const SelfOs = z.object({
  /** `Windows`, `linux`, `darwin`… (systeminformation's words). */
  platform: Text,
  /** `Microsoft Windows 11 Pro`, `Debian GNU/Linux`, `macOS`. */
  distro: Text,
  /** `10.0.22631`, `12`, `14.2.1`. */
  release: Text,
  build: Text,
  arch: Text,
  codename: Text,
});

/** A network interface (loopback left out). */
export const SelfInterface = z.object({
  iface: z.string().max(500),
  /** Read as `aa:bb:cc:dd:ee:ff`; upper case or dashes (as Windows tools write it) are accepted. */
  mac: z
    .string()
    .transform((mac) => mac.toLowerCase().replace(/-/g, ':'))
    .pipe(MacAddress)
    .nullable(),
  ipv4: Text,
  /** A software interface (hypervisor, VPN, container): its MAC does not identify the machine. */
  virtual: z.boolean(),
});

/** A board the USB device is, from `identify/usb-boards.ts`. */
export const InteractiveBoard = z.object({ vendor: z.string().max(500), model: Text });

/** A USB device. Ids are null when the platform does not give them (macOS). */
export const SelfUsbDevice = z.object({
  vendorId: z.number().int().min(0).max(0xffff).nullable(),
  productId: z.number().int().min(0).max(0xffff).nullable(),
  name: Text,
  manufacturer: Text,
  /** The interactive whiteboard (TNI) this device is, or null. */
  interactiveBoard: InteractiveBoard.nullable(),
});

export const SelfDisplay = z.object({
  vendor: Text,
  model: Text,
  resolutionX: z.number().int().nonnegative().nullable(),
  resolutionY: z.number().int().nonnegative().nullable(),
  main: z.boolean().nullable(),
});

export const SelfBattery = z.object({
  present: z.boolean(),
  /** Full-charge capacity over design capacity, in percent (wear). */
  healthPercent: z.number().nonnegative().nullable(),
  cycleCount: z.number().int().nonnegative().nullable(),
  designedCapacityWh: z.number().nonnegative().nullable(),
});

/**
 * Parc's self-inventory document, version 1: `<hostName>-<serial or mac>.json`, written by
 * `parc inventory --self --out` and read by `parc import inventories`.
 */
export const SelfInventory = z.object({
  format: z.literal(SELF_INVENTORY_FORMAT),
  version: z.literal(SELF_INVENTORY_VERSION),
  collectedAt: IsoTime,
  parcVersion: z.string().max(100),
  /** The computer name (`COMPUTERNAME` on Windows), or null when unknown. */
  hostName: Text,
  system: SelfSystem.nullable(),
  bios: SelfBios.nullable(),
  cpu: SelfCpu.nullable(),
  memory: SelfMemory.nullable(),
  disks: list(SelfDisk),
  volumes: list(SelfVolume),
  os: SelfOs.nullable(),
  network: list(SelfInterface),
  usb: list(SelfUsbDevice),
  displays: list(SelfDisplay),
  /** `{present: false, …nulls}` on a machine without a battery; null when not read. */
  battery: SelfBattery.nullable(),
  /** When the machine last started (collectedAt minus uptime). */
  lastBoot: IsoTime.nullable(),
  /** The sections that could not be read (timeout or error), in SELF_INVENTORY_SECTIONS order. */
  incomplete: z.array(SelfInventorySection),
});
export type SelfInventory = z.infer<typeof SelfInventory>;

/**
 * Why a file of the folder was not read: `too-big` (> 5 MB), `unreadable` (I/O error),
 * `invalid-json`, `not-self-inventory` (no `format: "parc-self-inventory"`), `unknown-version`,
 * `invalid` (a field does not match the schema).
 */
export const INVALID_INVENTORY_CODES = [
  'too-big',
  'unreadable',
  'invalid-json',
  'not-self-inventory',
  'unknown-version',
  'invalid',
] as const;
export const InvalidInventoryCode = z.enum(INVALID_INVENTORY_CODES);
export type InvalidInventoryCode = z.infer<typeof InvalidInventoryCode>;

/**
 * What `parc import inventories FOLDER` did. Counts are of `*.json` files in the folder (not
 * recursive); every file lands in exactly one of created, updated, unchanged,
 * skippedAlreadyImported, invalid, unmatched.
 *
 * - `imported` = created + updated + unchanged: files now recorded as imported (by sha256).
 * - `created`: a new `computer` device was added; `updated`: an existing device was updated.
 * - `unchanged`: tied to a device, but the document is older than the one stored for it, or the
 *   same content: the device was not changed. The file is recorded, so it is skipped next time.
 * - `skippedAlreadyImported`: a file with these exact bytes (sha256) was imported before.
 * - `invalid`: not a valid self-inventory (`code` and a one-sentence English `reason`).
 * - `unmatched`: a valid document that cannot be tied to exactly one device: it has no usable
 *   serial (placeholders ignored), no non-virtual MAC and no host name (`hostName` null), or only
 *   a host name that several devices share (`hostName` given). Nothing is imported and the file is
 *   not recorded, so it is reported again by the next import.
 */
export const InventoryImportResult = z.object({
  files: z.number().int(),
  imported: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skippedAlreadyImported: z.number().int(),
  invalid: z.array(z.object({ file: z.string(), code: InvalidInventoryCode, reason: z.string() })),
  unmatched: z.array(z.object({ file: z.string(), hostName: z.string().nullable() })),
});
export type InventoryImportResult = z.infer<typeof InventoryImportResult>;

/**
 * Values firmware leaves in SMBIOS serial, manufacturer and model fields when the maker did not
 * fill them (AMI Aptio, Award, Insyde and board-maker defaults), compared case-insensitively
 * after trimming. Such a value says nothing about the machine and must never match two PCs.
 */
export const DMI_PLACEHOLDERS: readonly string[] = [
  'To be filled by O.E.M.',
  'To Be Filled By O.E.M.',
  'Default string',
  'System Serial Number',
  'System manufacturer',
  'System Product Name',
  'System Version',
  'Chassis Serial Number',
  'Base Board Serial Number',
  'Not Specified',
  'Not Applicable',
  'Not Available',
  'None',
  'N/A',
  'NA',
  'OEM',
  'O.E.M.',
  'Unknown',
  'Invalid',
  'Type1ProductConfigId',
  'INVALID',
  '0',
  '-',
  '0123456789',
  '123456789',
  '1234567890',
];

/** Values made of one repeated character (`00000000`, `XXXXXXXX`, `........`) are placeholders too. */
const REPEATED_CHARACTER = /^(.)\1*$/;

const PLACEHOLDERS = new Set(DMI_PLACEHOLDERS.map((value) => value.toLowerCase()));

/**
 * A DMI text (serial, manufacturer, model) trimmed, or null when empty or a placeholder
 * (DMI_PLACEHOLDERS, or one character repeated).
 */
export function usableDmiText(value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  if (text === '' || PLACEHOLDERS.has(text.toLowerCase()) || REPEATED_CHARACTER.test(text)) return null;
  return text;
}

/**
 * The operating system as one line for the inventory's `os` column: `Windows 11 Pro 10.0.22631`,
 * `Debian GNU/Linux 12`, `macOS 14.2.1`; null when unknown.
 */
export function describeOs(os: SelfInventory['os']): string | null {
  if (!os) return null;
  const name = os.distro?.replace(/^Microsoft\s+/i, '') ?? os.platform;
  if (!name) return null;
  return os.release && !name.includes(os.release) ? `${name} ${os.release}` : name;
}
