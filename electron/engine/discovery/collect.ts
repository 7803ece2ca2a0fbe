/**
 * Collecting the facts of one SNMP host: its system group, what standard MIBs it has, its
 * interfaces, entities, device table and the vendor-profile OIDs that match it. Usually three
 * requests (four with entities): the probe (`probeIdentity`: one GET of the system group and
 * ifNumber), then GETBULK walks asking everything they can at once, sized by ifNumber: the MIBs
 * present and the interfaces, then the tables of the MIBs present.
 */
import type { DeviceFacts, SystemGroup } from '../identify/facts';
import { profileNextOids, profileOids } from '../identify/profiles';
import { BRIDGE_MIB, dot1dBaseBridgeAddress, dot1dBaseNumPorts } from '../snmp/mibs/bridge-mib';
import { ENT_PHYSICAL_ENTRY, entPhysicalClass, MAX_ENTITIES, readEntities } from '../snmp/mibs/entity-mib';
import {
  HR_DEVICE_COLUMNS,
  hrDevicesFrom,
  hrDeviceType,
  hrProcessorEntry,
  hrStorageEntry,
} from '../snmp/mibs/host-resources-mib';
import { IEEE802DOT11_MIB } from '../snmp/mibs/ieee802dot11-mib';
import { IF_COLUMNS, interfacesFrom, MAX_INTERFACES } from '../snmp/mibs/if-mib';
import { ipForwarding } from '../snmp/mibs/ip-mib';
import { PRINTER_MIB, printerSerialFrom, prtGeneralSerialNumber } from '../snmp/mibs/printer-mib';
import { ifNumber, SYSTEM_SCALARS, systemGroupFrom } from '../snmp/mibs/snmpv2-mib';
import { UPS_MIB, upsIdentManufacturer, upsIdentModel } from '../snmp/mibs/ups-mib';
import { getScalars, walkColumns, type ColumnsRead } from '../snmp/read';
import type { SnmpSession } from '../snmp/session';
import { varbindMac, varbindNumber, varbindText, type Varbind } from '../snmp/values';
import type { RowHints } from './row-hints';

/** Subtrees whose presence says what the device is (one GETNEXT each). */
const PRESENCE = [
  PRINTER_MIB,
  UPS_MIB,
  BRIDGE_MIB,
  hrStorageEntry,
  IEEE802DOT11_MIB,
  ENT_PHYSICAL_ENTRY,
  hrDeviceType,
  hrProcessorEntry,
];

/** Rows expected in the device, printer and entity tables of one device (sizes the first GETBULK). */
const TABLE_ROWS = 3;
/** Interfaces expected when the agent does not give ifNumber (printers, access points, UPS: one to four). */
const DEFAULT_INTERFACES = 2;

/**
 * The object of a scalar instance `X.0`, or null for another OID: the GETNEXT of `X` is `X.0`
 * when the agent has it (RFC 3416 lexicographic order), so scalars ride in the GETBULK walks.
 */
const objectOf = (oid: string): string | null => (oid.endsWith('.0') ? oid.slice(0, -2) : null);
/** `objectOf` for an OID known to end in `.0`. */
const objectOfScalar = (oid: string): string => oid.slice(0, -2);

/** The value of scalar instance `oid` (`X.0`) among what walks read as the next object of `X`. */
function scalarFrom(reads: readonly ColumnsRead[], oid: string): Varbind | undefined {
  for (const read of reads) {
    const vb = read.next.get(objectOfScalar(oid));
    if (vb?.oid === oid) return vb;
  }
  return undefined;
}

/**
 * The hrDeviceTable columns to walk, given which subtrees are present. hrDeviceDescr only
 * matters for a printer's model: walked with Printer-MIB, else read by one GET once the printer
 * row is known. Without Printer-MIB, hrDeviceType only matters when its printer rows could make
 * the host a printer, that is when it has no processors (`decideType`): the few dozen rows of a
 * server or NAS, whose hrProcessorTable answers, are not walked.
 */
function hrDeviceColumns(present: (base: string) => boolean): readonly string[] {
  if (!present(hrDeviceType)) return [];
  if (present(PRINTER_MIB)) return HR_DEVICE_COLUMNS;
  return present(hrProcessorEntry) ? [] : [hrDeviceType];
}

/** What the probe of a scan reads. */
export interface ProbeIdentity {
  system: SystemGroup;
  /** ifNumber.0, null when the agent lacks it. */
  ifNumber: number | null;
}

/** Builds the probe's answer from varbinds of `SYSTEM_SCALARS` and ifNumber (by OID; missing ones are null). */
function probeIdentityFrom(varbinds: Iterable<Varbind | null>): ProbeIdentity {
  const byOid = new Map<string, Varbind>();
  for (const vb of varbinds) if (vb) byOid.set(vb.oid, vb);
  return { system: systemGroupFrom((oid) => byOid.get(oid)), ifNumber: varbindNumber(byOid.get(ifNumber)) };
}

/**
 * The probe of a scan: one GET of the system group (SNMPv2-MIB, RFC 3418) and ifNumber (IF-MIB).
 * @throws SnmpError when the agent does not answer (a silent address), or refuses the GET
 *   (error-status: an SNMPv1 agent lacking one of the objects; `collectFacts` then reads them one by one).
 */
export async function probeIdentity(session: SnmpSession): Promise<ProbeIdentity> {
  return probeIdentityFrom(await session.get([...SYSTEM_SCALARS, ifNumber]));
}

/**
 * Reads the rest of what identification needs from an agent that answered `probeIdentity`.
 * @param probe what `probeIdentity` read (null: the agent refused it with an error-status, so
 *   it is read again here, object by object).
 * @param onProblem told when a walk is cut at its bound ("walk of <base> cut at <N> rows…"):
 *   the bounds are far above what a real device holds, so it means an endless or huge table;
 *   the rows read so far are kept.
 * @param hints the table sizes of this model seen earlier in the sweep: size the walks when the
 *   agent does not give ifNumber, and learn from this device's.
 * @returns the facts; text decoded, MACs normalised.
 * @throws SnmpError when the agent stops answering midway.
 */
export async function collectFacts(
  session: SnmpSession,
  ip: string,
  probe: ProbeIdentity | null,
  onProblem: (reason: string) => void = () => undefined,
  hints?: RowHints,
): Promise<DeviceFacts> {
  const { system, ifNumber: interfaceCount } =
    probe ?? probeIdentityFrom((await getScalars(session, [...SYSTEM_SCALARS, ifNumber])).values());
  const vendorOids = profileOids(system);
  const vendorScalars = vendorOids.filter((oid) => objectOf(oid) !== null);
  const reportCuts = (cut: ReadonlyMap<string, string>, columns: ReadonlyMap<string, Varbind[]>) => {
    for (const [column] of cut)
      onProblem(
        `walk of ${column} cut at ${columns.get(column)?.length ?? 0} rows (endless or very large table)`,
      );
  };

  const first = await walkColumns(session, {
    next: [...PRESENCE, ...[ipForwarding, ...vendorScalars].map(objectOfScalar)],
    columns: IF_COLUMNS,
    rows: interfaceCount ?? hints?.rows(system.sysObjectID, 'interfaces') ?? DEFAULT_INTERFACES,
    maxRows: MAX_INTERFACES,
  });
  reportCuts(first.cut, first.columns);
  hints?.learn(system.sysObjectID, 'interfaces', first);
  const present = (base: string) => first.next.has(base);

  // What the MIBs present and the vendor profile hold, in one more request.
  const tables = await walkColumns(session, {
    next: [
      ...[
        ...(present(BRIDGE_MIB) ? [dot1dBaseBridgeAddress, dot1dBaseNumPorts] : []),
        ...(present(UPS_MIB) ? [upsIdentManufacturer, upsIdentModel] : []),
      ].map(objectOfScalar),
      ...profileNextOids(system),
    ],
    columns: [
      ...hrDeviceColumns(present),
      ...(present(PRINTER_MIB) ? [prtGeneralSerialNumber] : []),
      ...(present(ENT_PHYSICAL_ENTRY) ? [entPhysicalClass] : []),
    ],
    rows: hints?.rows(system.sysObjectID, 'tables') ?? TABLE_ROWS,
    maxRows: MAX_ENTITIES,
  });
  reportCuts(tables.cut, tables.columns);
  hints?.learn(system.sysObjectID, 'tables', tables);
  const scalar = (oid: string) => scalarFrom([first, tables], oid);
  const entities = present(ENT_PHYSICAL_ENTRY)
    ? await readEntities(session, tables.columns.get(entPhysicalClass) ?? [])
    : [];
  const hrDevices = hrDevicesFrom(tables.columns);
  const instances = [
    ...vendorOids.filter((oid) => objectOf(oid) === null),
    ...(hrDevices.printerDescrOid ? [hrDevices.printerDescrOid] : []),
  ];
  const others = instances.length > 0 ? await getScalars(session, instances) : new Map<string, Varbind>();

  const profileValues: Record<string, string> = {};
  for (const oid of vendorOids) {
    const text = varbindText(scalar(oid) ?? others.get(oid));
    if (text !== null) profileValues[oid] = text;
  }
  for (const column of profileNextOids(system)) {
    const text = varbindText(tables.next.get(column));
    if (text !== null) profileValues[column] = text;
  }
  return {
    ip,
    system,
    interfaces: interfacesFrom(first.columns),
    bridgeAddress: varbindMac(scalar(dot1dBaseBridgeAddress)),
    entities,
    hrDeviceTypes: hrDevices.types,
    hrPrinterDescr:
      hrDevices.printerDescr ??
      (hrDevices.printerDescrOid ? varbindText(others.get(hrDevices.printerDescrOid)) : null),
    prtGeneralSerialNumber: present(PRINTER_MIB)
      ? printerSerialFrom(tables.columns.get(prtGeneralSerialNumber) ?? [])
      : null,
    upsIdentManufacturer: varbindText(scalar(upsIdentManufacturer)),
    upsIdentModel: varbindText(scalar(upsIdentModel)),
    capabilities: {
      printerMib: present(PRINTER_MIB),
      upsMib: present(UPS_MIB),
      bridgeMib: present(BRIDGE_MIB),
      bridgePortCount: varbindNumber(scalar(dot1dBaseNumPorts)),
      hrStorage: present(hrStorageEntry),
      hrProcessors: present(hrProcessorEntry),
      ieee80211Mib: present(IEEE802DOT11_MIB),
      ipForwarding: varbindNumber(scalar(ipForwarding)),
    },
    profileValues,
  };
}
