/**
 * The device type, capability first: what the agent implements decides before any vendor
 * knowledge, which decides before words in sysDescr.
 */
import type { DeviceType } from '../../../shared/domain/device';
import { hrDevicePrinter, hrDeviceProcessor } from '../snmp/mibs/host-resources-mib';
import type { DeviceFacts } from './facts';

/** IANAifType values of radios: ieee80211 (71) and radioMAC (188, used by some APs). */
const RADIO_IF_TYPES: ReadonlySet<number> = new Set([71, 188]);

/** IANAifType values of wired Ethernet, to count a bridge's ports when dot1dBaseNumPorts is absent. */
const ETHERNET_IF_TYPES: ReadonlySet<number> = new Set([6, 7, 62, 69, 117]);

/** A bridge with at least this many ports is a switch (APs and servers bridge 1–3). */
const SWITCH_MIN_PORTS = 4;

/** sysServices bits (RFC 3418): layer L is 2^(L−1). */
const LAYER_2 = 0x02;
const LAYER_3 = 0x04;

/** Vendor-neutral words of sysDescr, tried in order when nothing else decided. */
const SYSDESCR_TYPES: readonly (readonly [RegExp, DeviceType])[] = [
  [/\bprojector\b/i, 'projector'],
  [/\b(?:printer|printing system|mfp)\b/i, 'printer'],
  [/\b(?:ups|onduleur)\b/i, 'ups'],
  [/\b(?:access point|wireless|wi-?fi)\b/i, 'access-point'],
  [/\bswitch\b/i, 'switch'],
  [/\b(?:router|firewall)\b/i, 'router'],
  [/\b(?:nas|network attached storage)\b/i, 'nas'],
];

function hasLayer(sysServices: number | null, bit: number): boolean | null {
  return sysServices === null ? null : (sysServices & bit) !== 0;
}

/**
 * The device type from its facts and the matched profile's type hint.
 *
 * 1. Printer-MIB (RFC 3805), or an hrDevice printer row on an agent without processors (a
 *    Windows or CUPS print server lists its queues as printers too) → printer.
 * 2. UPS-MIB (RFC 1628) → ups.
 * 3. IEEE802dot11-MIB, or radio interfaces on something that is neither a router nor a general
 *    host (Windows reports Wi-Fi adapters as ifType 71) → access-point.
 * 4. BRIDGE-MIB with ≥ 4 ports and, if sysServices is served, layer 2 → switch.
 * 5. ipForwarding = 1 without bridge, with sysServices layer 3 (or, if sysServices is absent,
 *    on a non-host) → router.
 * 6. The profile's type hint (NAS, projectors, controllers, Windows server/workstation…).
 * 7. HOST-RESOURCES storage and processors → server.
 * 8. Vendor-neutral words of sysDescr, else `other`.
 */
export function decideType(facts: DeviceFacts, hint: DeviceType | undefined): DeviceType {
  const { capabilities: caps, system, hrDeviceTypes, interfaces } = facts;
  const hasProcessors = caps.hrProcessors || hrDeviceTypes.includes(hrDeviceProcessor);
  const isHost = caps.hrStorage && hasProcessors;

  const layer3 = hasLayer(system.sysServices, LAYER_3);
  const isRouter = caps.ipForwarding === 1 && !caps.bridgeMib && (layer3 ?? !isHost);
  const hasRadios = interfaces.some((row) => row.ifType !== null && RADIO_IF_TYPES.has(row.ifType));
  const bridgePorts =
    caps.bridgePortCount ??
    interfaces.filter((row) => row.ifType !== null && ETHERNET_IF_TYPES.has(row.ifType)).length;

  if (caps.printerMib || (hrDeviceTypes.includes(hrDevicePrinter) && !hasProcessors)) return 'printer';
  if (caps.upsMib) return 'ups';
  if (caps.ieee80211Mib || (hasRadios && !isRouter && !isHost)) return 'access-point';
  if (caps.bridgeMib && bridgePorts >= SWITCH_MIN_PORTS && hasLayer(system.sysServices, LAYER_2) !== false)
    return 'switch';
  if (isRouter) return 'router';
  if (hint !== undefined) return hint;
  if (isHost) return 'server';
  const described = SYSDESCR_TYPES.find(([pattern]) => pattern.test(system.sysDescr ?? ''));
  return described?.[1] ?? 'other';
}
