/**
 * What the scan learned about one SNMP host, before any interpretation. `identifyDevice()`
 * turns these facts into a type, vendor, model, serial, firmware and MAC; it is pure, so
 * identification is tested from facts alone (built by hand or replayed from fixtures).
 * Text values are already decoded (UTF-8, else Latin-1, hex-only strings handled).
 */

/** SNMPv2-MIB system group, `1.3.6.1.2.1.1` (RFC 3418). */
export interface SystemGroup {
  /** sysDescr.0 `1.3.6.1.2.1.1.1.0` */
  sysDescr: string | null;
  /** sysObjectID.0 `1.3.6.1.2.1.1.2.0`, dotted without a leading dot, e.g. `1.3.6.1.4.1.11.2.3.9.1`. */
  sysObjectID: string | null;
  /** sysUpTime.0 `1.3.6.1.2.1.1.3.0`, in hundredths of a second. */
  sysUpTime: number | null;
  /** sysContact.0 `1.3.6.1.2.1.1.4.0` */
  sysContact: string | null;
  /** sysName.0 `1.3.6.1.2.1.1.5.0` */
  sysName: string | null;
  /** sysLocation.0 `1.3.6.1.2.1.1.6.0` */
  sysLocation: string | null;
  /** sysServices.0 `1.3.6.1.2.1.1.7.0`, a bit mask of OSI layers (bit 1 physical … bit 7 applications). */
  sysServices: number | null;
}

/** One row of IF-MIB ifTable `1.3.6.1.2.1.2.2.1` (RFC 2863). */
export interface InterfaceFacts {
  ifIndex: number;
  /** ifDescr `.2` */
  ifDescr: string | null;
  /** ifType `.3` (IANAifType: 6 ethernetCsmacd, 24 softwareLoopback, 71 ieee80211, 117 gigabitEthernet…) */
  ifType: number | null;
  /** ifPhysAddress `.6`, normalised `aa:bb:cc:dd:ee:ff`; null when empty or not 6 bytes. */
  ifPhysAddress: string | null;
}

/** One row of ENTITY-MIB entPhysicalTable `1.3.6.1.2.1.47.1.1.1.1` (RFC 6933). */
export interface EntityFacts {
  entPhysicalIndex: number;
  /** `.2` */ entPhysicalDescr: string | null;
  /** `.5` PhysicalClass: 3 chassis, 9 module, 10 port, 11 stack… */ entPhysicalClass: number | null;
  /** `.8` */ entPhysicalHardwareRev: string | null;
  /** `.9` */ entPhysicalFirmwareRev: string | null;
  /** `.10` */ entPhysicalSoftwareRev: string | null;
  /** `.11` */ entPhysicalSerialNum: string | null;
  /** `.12` */ entPhysicalMfgName: string | null;
  /** `.13` */ entPhysicalModelName: string | null;
}

/** Which standard MIBs the agent answers: what the device *has* decides its type first. */
export interface Capabilities {
  /** Printer-MIB `1.3.6.1.2.1.43` (RFC 3805) has objects. */
  printerMib: boolean;
  /** UPS-MIB `1.3.6.1.2.1.33` (RFC 1628) has objects. */
  upsMib: boolean;
  /** BRIDGE-MIB `1.3.6.1.2.1.17` (RFC 4188) has objects. */
  bridgeMib: boolean;
  /** dot1dBaseNumPorts.0 `1.3.6.1.2.1.17.1.2.0`, or null. */
  bridgePortCount: number | null;
  /** HOST-RESOURCES-MIB hrStorageTable `1.3.6.1.2.1.25.2.3` has rows. */
  hrStorage: boolean;
  /** HOST-RESOURCES-MIB hrProcessorTable `1.3.6.1.2.1.25.3.3` has rows: the host has processors. */
  hrProcessors: boolean;
  /** IEEE802dot11-MIB `1.2.840.10036` has objects. */
  ieee80211Mib: boolean;
  /** ipForwarding.0 `1.3.6.1.2.1.4.1.0`: 1 forwarding (a router), 2 not forwarding; null if absent. */
  ipForwarding: number | null;
}

/** Everything `identifyDevice()` needs. */
export interface DeviceFacts {
  ip: string;
  system: SystemGroup;
  interfaces: InterfaceFacts[];
  /** dot1dBaseBridgeAddress.0 `1.3.6.1.2.1.17.1.1.0`, normalised, or null. */
  bridgeAddress: string | null;
  entities: EntityFacts[];
  /**
   * hrDeviceType column `1.3.6.1.2.1.25.3.2.1.2` (RFC 2790): device type OIDs, e.g.
   * `1.3.6.1.2.1.25.3.1.5` printer. Not read (empty) from a host with hrProcessorTable rows
   * and no Printer-MIB: its type does not depend on them.
   */
  hrDeviceTypes: string[];
  /** hrDeviceDescr `1.3.6.1.2.1.25.3.2.1.3` of the first hrDeviceTable row typed printer, or null. */
  hrPrinterDescr: string | null;
  /** prtGeneralSerialNumber `1.3.6.1.2.1.43.5.1.1.17` of the first printer row, or null. */
  prtGeneralSerialNumber: string | null;
  /** upsIdentManufacturer.0 `1.3.6.1.2.1.33.1.1.1.0` and upsIdentModel.0 `.1.1.2.0` (RFC 1628), or null. */
  upsIdentManufacturer: string | null;
  upsIdentModel: string | null;
  capabilities: Capabilities;
  /**
   * Values of the vendor-profile OIDs asked for this device (`profileOids()`), by OID without
   * leading dot. Only OIDs that answered with a value are present.
   */
  profileValues: Record<string, string>;
}
