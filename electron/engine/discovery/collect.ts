/**
 * Collecting the facts of one SNMP host that answered: the system group, what standard MIBs
 * it has, its interfaces, entities, device table, and the vendor-profile OIDs that match it.
 * Requests are sequential on the session; each table walk is bounded.
 */
import type { DeviceFacts } from '../identify/facts';
import { profileNextOids, profileOids } from '../identify/profiles';
import { BRIDGE_MIB, dot1dBaseBridgeAddress, dot1dBaseNumPorts } from '../snmp/mibs/bridge-mib';
import { ENT_PHYSICAL_ENTRY, readEntities } from '../snmp/mibs/entity-mib';
import { hrDeviceType, hrStorageEntry, readHrDevices } from '../snmp/mibs/host-resources-mib';
import { IEEE802DOT11_MIB } from '../snmp/mibs/ieee802dot11-mib';
import { readInterfaces } from '../snmp/mibs/if-mib';
import { ipForwarding } from '../snmp/mibs/ip-mib';
import { PRINTER_MIB, readPrinterSerial } from '../snmp/mibs/printer-mib';
import { readSystemGroup } from '../snmp/mibs/snmpv2-mib';
import { UPS_MIB, upsIdentManufacturer, upsIdentModel } from '../snmp/mibs/ups-mib';
import { firstRows, getScalars } from '../snmp/read';
import type { SnmpSession } from '../snmp/session';
import { varbindMac, varbindNumber, varbindText } from '../snmp/values';

const PRESENCE = [
  PRINTER_MIB,
  UPS_MIB,
  BRIDGE_MIB,
  hrStorageEntry,
  IEEE802DOT11_MIB,
  ENT_PHYSICAL_ENTRY,
  hrDeviceType,
];

/**
 * The session, telling `onProblem` when a walk is cut at its bound (`max-rows`): the bounds of
 * identification walks are far above what a real device holds, so reaching one means an agent
 * whose table never ends, or a very large one; the rows read so far are kept either way.
 */
function withBoundedWalks(session: SnmpSession, onProblem: (reason: string) => void): SnmpSession {
  return {
    version: session.version,
    get: (oids) => session.get(oids),
    getNext: (oids) => session.getNext(oids),
    close: () => session.close(),
    walk: async (base, options) => {
      const result = await session.walk(base, options);
      if (result.truncated === 'max-rows')
        onProblem(`walk of ${base} cut at ${result.varbinds.length} rows (endless or very large table)`);
      return result;
    },
  };
}

/**
 * Reads everything identification needs from an agent that answered the probe.
 * @param onProblem told when a walk is cut at its bound ("walk of <base> cut at <N> rows…").
 * @returns the facts; text decoded, MACs normalised.
 * @throws SnmpError when the agent stops answering midway.
 */
export async function collectFacts(
  agent: SnmpSession,
  ip: string,
  onProblem: (reason: string) => void = () => undefined,
): Promise<DeviceFacts> {
  const session = withBoundedWalks(agent, onProblem);
  const system = await readSystemGroup(session);
  const present = new Set((await firstRows(session, PRESENCE)).keys());
  const vendorOids = profileOids(system);
  const vendorColumns = profileNextOids(system);
  const scalars = await getScalars(session, [
    dot1dBaseBridgeAddress,
    dot1dBaseNumPorts,
    ipForwarding,
    ...(present.has(UPS_MIB) ? [upsIdentManufacturer, upsIdentModel] : []),
    ...vendorOids,
  ]);
  const interfaces = await readInterfaces(session);
  const entities = present.has(ENT_PHYSICAL_ENTRY) ? await readEntities(session) : [];
  const hrDevices = present.has(hrDeviceType)
    ? await readHrDevices(session)
    : { types: [], printerDescr: null };
  const prtGeneralSerialNumber = present.has(PRINTER_MIB) ? await readPrinterSerial(session) : null;
  const columns = vendorColumns.length > 0 ? await firstRows(session, vendorColumns) : new Map();

  const profileValues: Record<string, string> = {};
  for (const oid of vendorOids) {
    const text = varbindText(scalars.get(oid));
    if (text !== null) profileValues[oid] = text;
  }
  for (const [column, vb] of columns) {
    const text = varbindText(vb);
    if (text !== null) profileValues[column] = text;
  }
  return {
    ip,
    system,
    interfaces,
    bridgeAddress: varbindMac(scalars.get(dot1dBaseBridgeAddress)),
    entities,
    hrDeviceTypes: hrDevices.types,
    hrPrinterDescr: hrDevices.printerDescr,
    prtGeneralSerialNumber,
    upsIdentManufacturer: varbindText(scalars.get(upsIdentManufacturer)),
    upsIdentModel: varbindText(scalars.get(upsIdentModel)),
    capabilities: {
      printerMib: present.has(PRINTER_MIB),
      upsMib: present.has(UPS_MIB),
      bridgeMib: present.has(BRIDGE_MIB),
      bridgePortCount: varbindNumber(scalars.get(dot1dBaseNumPorts)),
      hrStorage: present.has(hrStorageEntry),
      ieee80211Mib: present.has(IEEE802DOT11_MIB),
      ipForwarding: varbindNumber(scalars.get(ipForwarding)),
    },
    profileValues,
  };
}
