/**
 * GLPI native inventory documents (glpi-project/inventory_format, `inventory.schema.json`
 * 1.0), one per device, as GLPI's agent writes them for a network inventory
 * (`action: "netinventory"`): `itemtype` Printer, NetworkEquipment, Computer, Phone or
 * Unmanaged; `content.network_device` (type, name, serial, model, manufacturer, mac, ips,
 * location, firmware, uptime, asset tag) for everything SNMP-managed, with `pagecounters` and
 * `cartridges` for printers; `hardware`, `bios` and `networks` for computers and servers.
 * Absent values are left out (the schema types them as strings or integers, never null).
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { DeviceType } from '../../../shared/domain/device';
import type { ExportedDevice } from '../../../shared/domain/export';
import type { PrinterSummary, Supply, SupplyColor, SupplyKind } from '../../../shared/domain/printer';
import type { InventorySnapshot } from './inventory';

/** GLPI `itemtype` values (schema pattern `^(Unmanaged|Computer|Phone|NetworkEquipment|Printer)$`). */
export type GlpiItemtype = 'Unmanaged' | 'Computer' | 'Phone' | 'NetworkEquipment' | 'Printer';
/** `network_device.type` values Parc uses (schema pattern, subset). */
type GlpiNetworkType = 'Unmanaged' | 'Networking' | 'Printer' | 'Storage' | 'Power' | 'Phone' | 'Video';

/** One GLPI inventory document (only the parts Parc fills). */
export interface GlpiInventory {
  action: 'netinventory';
  deviceid: string;
  itemtype: GlpiItemtype;
  content: Record<string, unknown> & { versionclient: string };
}

/** How each Parc type goes to GLPI: computers get computer sections, the others a network_device. */
const MAPPING: Readonly<Record<DeviceType, { itemtype: GlpiItemtype; network?: GlpiNetworkType }>> = {
  printer: { itemtype: 'Printer', network: 'Printer' },
  switch: { itemtype: 'NetworkEquipment', network: 'Networking' },
  router: { itemtype: 'NetworkEquipment', network: 'Networking' },
  'access-point': { itemtype: 'NetworkEquipment', network: 'Networking' },
  nas: { itemtype: 'NetworkEquipment', network: 'Storage' },
  ups: { itemtype: 'NetworkEquipment', network: 'Power' },
  phone: { itemtype: 'Phone', network: 'Phone' },
  projector: { itemtype: 'Unmanaged', network: 'Video' },
  'interactive-display': { itemtype: 'Unmanaged', network: 'Video' },
  camera: { itemtype: 'Unmanaged', network: 'Video' },
  other: { itemtype: 'Unmanaged', network: 'Unmanaged' },
  computer: { itemtype: 'Computer' },
  server: { itemtype: 'Computer' },
};

/** Drops null and undefined members (the schema has no nulls). */
function defined<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(object).filter(([, v]) => v !== null && v !== undefined),
  ) as Partial<T>;
}

/** sysUpTime-derived seconds as GLPI writes it: `X days, HH:MM:SS`. */
export function glpiUptime(seconds: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const days = Math.floor(seconds / 86400);
  const rest = seconds % 86400;
  return `${days} days, ${pad(Math.floor(rest / 3600))}:${pad(Math.floor((rest % 3600) / 60))}:${pad(rest % 60)}`;
}

/** GLPI's cartridge property names (glpi-agent: tonerblack, cartridgecyan, drumblack, wastetoner…). */
const CARTRIDGE_PREFIX: Partial<Record<SupplyKind, string>> = {
  toner: 'toner',
  ink: 'cartridge',
  drum: 'drum',
  developer: 'developer',
};
const CARTRIDGE_FIXED: Partial<Record<SupplyKind, string>> = {
  'waste-toner': 'wastetoner',
  'waste-ink': 'wastetoner',
  fuser: 'fuserkit',
  'transfer-unit': 'transferkit',
  'maintenance-kit': 'maintenancekit',
};
const CARTRIDGE_COLOR: Partial<Record<SupplyColor, string>> = {
  black: 'black',
  cyan: 'cyan',
  magenta: 'magenta',
  yellow: 'yellow',
  'light-cyan': 'lightcyan',
  'light-magenta': 'lightmagenta',
  gray: 'grey',
  'photo-black': 'photoblack',
  'matte-black': 'matteblack',
};

function cartridgeName(supply: Supply): string | null {
  const fixed = CARTRIDGE_FIXED[supply.kind];
  if (fixed) return fixed;
  const prefix = CARTRIDGE_PREFIX[supply.kind];
  const color = CARTRIDGE_COLOR[supply.color ?? 'black'];
  return prefix && color ? prefix + color : null;
}

/**
 * `cartridges` as the schema defines them: `{ name, value }` items, the name GLPI's (`tonerblack`,
 * `drumcyan`…), the value the level in percent as text. Supplies without a measured level are left out.
 */
function cartridges(printer: PrinterSummary): { name: string; value: string }[] {
  return printer.supplies.flatMap((supply) => {
    const name = cartridgeName(supply);
    return name && supply.percent !== null ? [{ name, value: String(Math.round(supply.percent)) }] : [];
  });
}

const integer = (n: number | null) => (n === null ? undefined : Math.round(n));

/** A name for files and deviceid: letters, digits and dashes only. */
export const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'device';

/** The GLPI document of one device. `stamp` is the export time as `YYYY-MM-DD-HH-MM-SS`. */
export function glpiDocument(
  device: ExportedDevice,
  printer: PrinterSummary | null,
  stamp: string,
  versionclient: string,
): GlpiInventory {
  const { itemtype, network } = MAPPING[device.type];
  const name = device.sysName ?? device.hostName ?? device.serial ?? device.ip;
  const ips = isIPv4(device.ip) || isIPv6(device.ip) ? [device.ip] : undefined;
  const content: GlpiInventory['content'] = { versionclient };
  if (network) {
    content.network_device = defined({
      type: network,
      name: device.sysName,
      description: device.sysDescr,
      location: device.room ?? device.sysLocation,
      contact: device.sysContact,
      manufacturer: device.vendor,
      model: device.model,
      serial: device.serial,
      assettag: device.assetTag,
      mac: device.mac,
      ips,
      firmware: device.firmware,
      uptime: device.uptimeSeconds === null ? null : glpiUptime(device.uptimeSeconds),
    });
  } else {
    content.hardware = defined({
      name: device.sysName ?? device.hostName,
      description: device.sysDescr,
      workgroup: device.workgroup,
    });
    if (device.os) content.operatingsystem = { full_name: device.os };
    content.bios = defined({
      smanufacturer: device.vendor,
      smodel: device.model,
      ssn: device.serial,
      assettag: device.assetTag,
    });
    content.networks = [
      defined({
        description: device.sources.includes('snmp') ? 'SNMP' : 'network',
        ipaddress: isIPv4(device.ip) ? device.ip : undefined,
        ipaddress6: isIPv6(device.ip) ? device.ip : undefined,
        mac: device.mac,
      }),
    ];
  }
  if (device.firmware) {
    content.firmwares = [
      defined({
        name: device.model ?? 'firmware',
        description: 'device firmware',
        type: 'device',
        version: device.firmware,
        manufacturer: device.vendor,
      }),
    ];
  }
  if (printer?.readAt) {
    content.pagecounters = defined({
      total: integer(printer.pageCount.total),
      black: integer(printer.pageCount.mono),
      color: integer(printer.pageCount.color),
    });
    const levels = cartridges(printer);
    if (levels.length > 0) content.cartridges = levels;
  }
  // One deviceid per device: its name alone repeats (many agents serve the same sysName).
  const identity = slug(device.serial ?? device.mac ?? device.ip);
  return { action: 'netinventory', deviceid: `${slug(name)}-${identity}-${stamp}`, itemtype, content };
}

/** One file per device: `<id>-<name>.json`. */
export function renderGlpi(snapshot: InventorySnapshot, version: string): { name: string; data: string }[] {
  const stamp = snapshot.exportedAt.slice(0, 19).replace(/[T:]/g, '-');
  return snapshot.devices.map((device) => ({
    name: `${device.id}-${slug(device.sysName ?? device.serial ?? device.ip)}.json`,
    data:
      JSON.stringify(
        glpiDocument(device, snapshot.printers.get(device.id) ?? null, stamp, `Parc_v${version}`),
        null,
        2,
      ) + '\n',
  }));
}
