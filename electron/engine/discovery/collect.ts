/**
 * Collecting the facts of one SNMP host that answered the probe: what standard MIBs it has, its
 * interfaces, entities, device table and the vendor-profile OIDs that match it. Usually two
 * requests after the probe (three with entities): each one asks everything it can, with
 * GETBULK walks of several columns at once sized from what the probe read (ifNumber).
 */
import type { DeviceFacts } from '../identify/facts';
import { profileNextOids, profileOids } from '../identify/profiles';
import { BRIDGE_MIB, dot1dBaseBridgeAddress, dot1dBaseNumPorts } from '../snmp/mibs/bridge-mib';
import { ENT_PHYSICAL_ENTRY, entPhysicalClass, MAX_ENTITIES, readEntities } from '../snmp/mibs/entity-mib';
import {
  HR_DEVICE_COLUMNS,
  hrDevicesFrom,
  hrDeviceType,
  hrStorageEntry,
} from '../snmp/mibs/host-resources-mib';
import { IEEE802DOT11_MIB } from '../snmp/mibs/ieee802dot11-mib';
import { IF_COLUMNS, interfacesFrom, MAX_INTERFACES } from '../snmp/mibs/if-mib';
import { ipForwarding } from '../snmp/mibs/ip-mib';
import { PRINTER_MIB, printerSerialFrom, prtGeneralSerialNumber } from '../snmp/mibs/printer-mib';
import { readProbeAnswer, type ProbeAnswer } from '../snmp/mibs/snmpv2-mib';
import { UPS_MIB, upsIdentManufacturer, upsIdentModel } from '../snmp/mibs/ups-mib';
import { getScalars, walkColumns } from '../snmp/read';
import type { SnmpSession } from '../snmp/session';
import { varbindMac, varbindNumber, varbindText, type Varbind } from '../snmp/values';

/** Subtrees whose presence says what the device is (one GETNEXT each). */
const PRESENCE = [
  PRINTER_MIB,
  UPS_MIB,
  BRIDGE_MIB,
  hrStorageEntry,
  IEEE802DOT11_MIB,
  ENT_PHYSICAL_ENTRY,
  hrDeviceType,
];

/** Standard scalars identification reads. */
const SCALARS = [
  dot1dBaseBridgeAddress,
  dot1dBaseNumPorts,
  ipForwarding,
  upsIdentManufacturer,
  upsIdentModel,
];

/** Rows expected in the device, printer and entity tables of one device (sizes the first GETBULK). */
const TABLE_ROWS = 8;

/**
 * The object of a scalar instance `X.0`, or null for another OID: the GETNEXT of `X` is `X.0`
 * when the agent has it (RFC 3416 lexicographic order), so scalars ride in the GETBULK walks.
 */
const objectOf = (oid: string): string | null => (oid.endsWith('.0') ? oid.slice(0, -2) : null);

/**
 * Reads everything identification needs from an agent that answered the probe.
 * @param probe what the probe GET read (null: read it again object by object, SNMPv1 agents
 *   refuse a GET naming one object they lack).
 * @param onProblem told when a walk is cut at its bound ("walk of <base> cut at <N> rows…"):
 *   the bounds are far above what a real device holds, so it means an endless or huge table;
 *   the rows read so far are kept.
 * @returns the facts; text decoded, MACs normalised.
 * @throws SnmpError when the agent stops answering midway.
 */
export async function collectFacts(
  session: SnmpSession,
  ip: string,
  probe: ProbeAnswer | null,
  onProblem: (reason: string) => void = () => undefined,
): Promise<DeviceFacts> {
  const { system, ifNumber } = probe ?? (await readProbeAnswer(session));
  const vendorOids = profileOids(system);
  const scalarOids = [...SCALARS, ...vendorOids.filter((oid) => objectOf(oid) !== null)];
  const reportCuts = (cut: ReadonlyMap<string, string>, columns: ReadonlyMap<string, Varbind[]>) => {
    for (const [column] of cut)
      onProblem(
        `walk of ${column} cut at ${columns.get(column)?.length ?? 0} rows (endless or very large table)`,
      );
  };

  const first = await walkColumns(session, {
    next: [...PRESENCE, ...scalarOids.map((oid) => objectOf(oid) as string), ...profileNextOids(system)],
    columns: IF_COLUMNS,
    rows: ifNumber ?? undefined,
    maxRows: MAX_INTERFACES,
  });
  reportCuts(first.cut, first.columns);
  const present = (base: string) => first.next.has(base);
  const scalar = (oid: string): Varbind | undefined => {
    const vb = first.next.get(objectOf(oid) as string);
    return vb?.oid === oid ? vb : undefined;
  };

  const tables = await walkColumns(session, {
    columns: [
      ...(present(hrDeviceType) ? HR_DEVICE_COLUMNS : []),
      ...(present(PRINTER_MIB) ? [prtGeneralSerialNumber] : []),
      ...(present(ENT_PHYSICAL_ENTRY) ? [entPhysicalClass] : []),
    ],
    rows: TABLE_ROWS,
    maxRows: MAX_ENTITIES,
  });
  reportCuts(tables.cut, tables.columns);
  const entities = present(ENT_PHYSICAL_ENTRY)
    ? await readEntities(session, tables.columns.get(entPhysicalClass) ?? [])
    : [];
  const hrDevices = hrDevicesFrom(tables.columns);
  const instances = vendorOids.filter((oid) => objectOf(oid) === null);
  const others = instances.length > 0 ? await getScalars(session, instances) : new Map<string, Varbind>();

  const profileValues: Record<string, string> = {};
  for (const oid of vendorOids) {
    const text = varbindText(scalar(oid) ?? others.get(oid));
    if (text !== null) profileValues[oid] = text;
  }
  for (const column of profileNextOids(system)) {
    const text = varbindText(first.next.get(column));
    if (text !== null) profileValues[column] = text;
  }
  return {
    ip,
    system,
    interfaces: interfacesFrom(first.columns),
    bridgeAddress: varbindMac(scalar(dot1dBaseBridgeAddress)),
    entities,
    hrDeviceTypes: hrDevices.types,
    hrPrinterDescr: hrDevices.printerDescr,
    prtGeneralSerialNumber: present(PRINTER_MIB)
      ? printerSerialFrom(tables.columns.get(prtGeneralSerialNumber) ?? [])
      : null,
    upsIdentManufacturer: present(UPS_MIB) ? varbindText(scalar(upsIdentManufacturer)) : null,
    upsIdentModel: present(UPS_MIB) ? varbindText(scalar(upsIdentModel)) : null,
    capabilities: {
      printerMib: present(PRINTER_MIB),
      upsMib: present(UPS_MIB),
      bridgeMib: present(BRIDGE_MIB),
      bridgePortCount: varbindNumber(scalar(dot1dBaseNumPorts)),
      hrStorage: present(hrStorageEntry),
      ieee80211Mib: present(IEEE802DOT11_MIB),
      ipForwarding: varbindNumber(scalar(ipForwarding)),
    },
    profileValues,
  };
}
