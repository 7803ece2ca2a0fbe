/**
 * Test helper: a `DeviceFacts` of a host that answers nothing but what each case sets.
 * Nested groups (`system`, `capabilities`) merge with their defaults.
 */
import type { Capabilities, DeviceFacts, SystemGroup } from '../../../electron/engine/identify/facts';

/** What a case may set: any fact, with `system` and `capabilities` given partially. */
export type FactsPatch = Partial<Omit<DeviceFacts, 'system' | 'capabilities'>> & {
  system?: Partial<SystemGroup>;
  capabilities?: Partial<Capabilities>;
};

export function makeFacts(patch: FactsPatch = {}): DeviceFacts {
  const { system, capabilities, ...rest } = patch;
  return {
    ip: '192.0.2.10',
    interfaces: [],
    bridgeAddress: null,
    entities: [],
    hrDeviceTypes: [],
    hrPrinterDescr: null,
    prtGeneralSerialNumber: null,
    upsIdentManufacturer: null,
    upsIdentModel: null,
    profileValues: {},
    ...rest,
    system: {
      sysDescr: null,
      sysObjectID: null,
      sysUpTime: null,
      sysContact: null,
      sysName: null,
      sysLocation: null,
      sysServices: null,
      ...system,
    },
    capabilities: {
      printerMib: false,
      upsMib: false,
      bridgeMib: false,
      bridgePortCount: null,
      hrStorage: false,
      hrProcessors: false,
      ieee80211Mib: false,
      ipForwarding: null,
      ...capabilities,
    },
  };
}

/** An IF-MIB row with the given type and address. */
export function ifRow(
  ifIndex: number,
  ifType: number,
  ifPhysAddress: string | null,
  ifDescr = `if${ifIndex}`,
) {
  return { ifIndex, ifType, ifPhysAddress, ifDescr };
}
