/**
 * The inventory as one export sees it: a snapshot taken once, so every sheet and file of an
 * export agrees. Devices come from export-repo (with their asset tag), printers' last readings
 * and the order list from the printers feature, the school from the settings when they know it.
 */
import type { DeviceType } from '../../../shared/domain/device';
import type { ExportedDevice } from '../../../shared/domain/export';
import type { PrinterSummary, SupplyToOrder } from '../../../shared/domain/printer';

/** Everything an export writes. `exportedAt` is ISO 8601 (UTC). */
export interface InventorySnapshot {
  exportedAt: string;
  school: { name: string | null; uai: string | null };
  /** Sorted by IP (numerically), then id. */
  devices: ExportedDevice[];
  /** Last reading of each exported printer, by device id. */
  printers: Map<number, PrinterSummary>;
  /** Supplies to order for the exported printers, most urgent first. */
  toOrder: SupplyToOrder[];
}

/** What a snapshot is taken from. */
export interface SnapshotSources {
  devices: ExportedDevice[];
  printers: { printers: PrinterSummary[]; toOrder: SupplyToOrder[] };
  /** The raw settings: `schoolName` and `uai` are read when present (another issue adds them). */
  settings: Readonly<Record<string, unknown>>;
  exportedAt: string;
}

/** Dotted IPv4 as a number for sorting; anything else sorts after, as text. */
const ipNumber = (ip: string) =>
  /^\d{1,3}(\.\d{1,3}){3}$/.test(ip)
    ? ip.split('.').reduce((n, part) => n * 256 + Number(part), 0)
    : Infinity;

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** Takes the snapshot of the devices of `types` (all when empty). */
export function takeSnapshot(sources: SnapshotSources, types: readonly DeviceType[] = []): InventorySnapshot {
  const wanted = (type: DeviceType) => types.length === 0 || types.includes(type);
  const devices = sources.devices
    .filter((d) => wanted(d.type))
    .sort((a, b) => ipNumber(a.ip) - ipNumber(b.ip) || a.ip.localeCompare(b.ip) || a.id - b.id);
  const ids = new Set(devices.map((d) => d.id));
  return {
    exportedAt: sources.exportedAt,
    school: { name: text(sources.settings.schoolName), uai: text(sources.settings.uai) },
    devices,
    printers: new Map(
      sources.printers.printers.filter((p) => ids.has(p.deviceId)).map((p) => [p.deviceId, p]),
    ),
    toOrder: sources.printers.toOrder.filter((s) => ids.has(s.deviceId)),
  };
}
