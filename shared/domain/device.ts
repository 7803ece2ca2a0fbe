import { z } from 'zod';
import { DEVICE_TYPES } from './vocabulary';

export const DeviceType = z.enum(DEVICE_TYPES);
export type DeviceType = z.infer<typeof DeviceType>;

/**
 * Where Parc learned about a device: `snmp` (an SNMP agent answered), `network` (TCP ports,
 * NetBIOS, DNS or the ARP cache: no agent), `pjlink` (a projector's PJLink port), `self-inventory`
 * (Parc's collector ran on the machine itself), `usb` (a board attached to the PC running Parc).
 */
export const DEVICE_SOURCES = ['snmp', 'network', 'pjlink', 'self-inventory', 'usb'] as const;
export const DeviceSource = z.enum(DEVICE_SOURCES);
export type DeviceSource = z.infer<typeof DeviceSource>;

/** A MAC address normalised as `aa:bb:cc:dd:ee:ff` (lower case). */
export const MacAddress = z.string().regex(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);

/**
 * One device of the inventory, as the CLI's `--json`, the UI and exports see it.
 * Absent values are `null`. Times are ISO 8601 strings (UTC); `uptimeSeconds` is in seconds.
 */
export const Device = z.object({
  id: z.number().int(),
  ip: z.string(),
  type: DeviceType,
  vendor: z.string().nullable(),
  model: z.string().nullable(),
  serial: z.string().nullable(),
  mac: MacAddress.nullable(),
  sysName: z.string().nullable(),
  sysDescr: z.string().nullable(),
  sysObjectID: z.string().nullable(),
  sysLocation: z.string().nullable(),
  sysContact: z.string().nullable(),
  firmware: z.string().nullable(),
  uptimeSeconds: z.number().nullable(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  /** True when the last scan that covered this device's address did not find it. */
  missing: z.boolean(),
  room: z.string().nullable(),
  notes: z.string().nullable(),
  /** The school's own inventory number (« N° d'inventaire »), set by hand or by a rooms import. */
  assetTag: z.string().nullable(),
  /** Computer name: NetBIOS name, else the self-inventory's host name, else reverse DNS. */
  hostName: z.string().nullable(),
  /** NetBIOS workgroup or Windows domain. */
  workgroup: z.string().nullable(),
  /** Operating system: a guess from ports and NetBIOS (`Windows`, `Linux`, `macOS`) or the self-inventory's exact name. */
  os: z.string().nullable(),
  /** TCP ports that accepted a connection at the last scan (of the probed list). */
  openPorts: z.array(z.number().int()),
  /** Every way Parc has learned about this device, in DEVICE_SOURCES order. */
  sources: z.array(DeviceSource),
  /** When the last self-inventory of this machine was collected (ISO 8601), or null. */
  inventoriedAt: z.string().nullable(),
});
export type Device = z.infer<typeof Device>;

/** What the referent may edit on a device (an empty text clears the field). */
export const DeviceEdit = z.object({
  id: z.number().int(),
  room: z.string().max(100).nullable().optional(),
  notes: z.string().max(5000).nullable().optional(),
  assetTag: z.string().max(100).nullable().optional(),
});
export type DeviceEdit = z.infer<typeof DeviceEdit>;

export const DeviceListInput = z.object({ type: DeviceType.optional() }).default({});
export type DeviceListInput = z.infer<typeof DeviceListInput>;
