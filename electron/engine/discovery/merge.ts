/**
 * One device from everything seen at one address: the SNMP identity (when an agent answered),
 * the agentless facts and a PJLink status. Pure.
 */
import type { DeviceSource, DeviceType } from '../../../shared/domain/device';
import type { PjlinkStatus } from '../../../shared/domain/projector';
import type { NetworkFacts, NetworkObservation } from '../db/repositories/devices-repo';
import { canonicalVendor } from '../identify/enterprises';
import type { Identity } from '../identify/identify';
import { looksLikeInteractiveDisplay } from '../identify/interactive-displays';
import { vendorFromMac } from '../identify/oui';
import { classifyHost } from '../probes/os-guess';
import { OS_WORDS, type NetworkProbeResult } from './network-probe';

/** Types an SNMP identification may give a PJLink device without being overruled. */
const DISPLAY_TYPES: readonly DeviceType[] = ['projector', 'interactive-display'];

/** The PJLink status, when the probe read one. */
const statusOf = (net: NetworkProbeResult): PjlinkStatus | null =>
  net.pjlink?.kind === 'status' ? net.pjlink.status : null;

/** A PJLink device is a projector, or an interactive flat panel when its names or MAC say so. */
function pjlinkType(status: PjlinkStatus | null, mac: string | null, sysDescr: string | null): DeviceType {
  const panel = looksLikeInteractiveDisplay({
    mac,
    manufacturer: status?.manufacturer,
    product: status?.product,
    sysDescr,
  });
  return panel ? 'interactive-display' : 'projector';
}

/**
 * The agentless facts to store: computer name (NetBIOS, else reverse DNS), workgroup, OS guess
 * in words, open ports and sources (`network` when the probes found the host alive, plus
 * `pjlink` when a projector answered; none when nothing answered them, e.g. an SNMP agent
 * behind a firewall that drops every TCP port).
 */
export function networkFacts(net: NetworkProbeResult, dnsName: string | null): NetworkFacts {
  const sources: DeviceSource[] = !net.alive ? [] : net.pjlink ? ['network', 'pjlink'] : ['network'];
  return {
    hostName: net.netbios?.computerName ?? dnsName,
    workgroup: net.netbios?.workgroup ?? null,
    os: net.os ? OS_WORDS[net.os] : null,
    openPorts: net.openPorts,
    sources,
  };
}

/**
 * An SNMP identity completed by PJLink: a device that answers PJLink is a projector or a panel
 * (whatever a generic SNMP agent suggested), and PJLink's manufacturer, product and serial fill
 * what SNMP left empty.
 */
export function withPjlink(identity: Identity, net: NetworkProbeResult, sysDescr: string | null): Identity {
  if (!net.pjlink) return identity;
  const status = statusOf(net);
  return {
    ...identity,
    type: DISPLAY_TYPES.includes(identity.type) ? identity.type : pjlinkType(status, identity.mac, sysDescr),
    vendor: identity.vendor ?? (status?.manufacturer ? canonicalVendor(status.manufacturer) : null),
    model: identity.model ?? status?.product ?? null,
    serial: identity.serial ?? status?.serial ?? null,
  };
}

/**
 * A host that answered no SNMP: typed by PJLink (projector or panel), else by its ports
 * (computer, or printer when only print services answer); vendor from PJLink or the MAC's OUI.
 */
export function networkObservation(
  ip: string,
  net: NetworkProbeResult,
  dnsName: string | null,
): NetworkObservation {
  const status = statusOf(net);
  const mac = net.netbios?.mac ?? net.searchMac;
  const kind = classifyHost({
    openPorts: net.openPorts,
    pjlink: net.pjlink !== null,
    netbiosName: net.netbios?.computerName ?? null,
  });
  const type: DeviceType = kind === 'projector' ? pjlinkType(status, mac, null) : kind;
  const vendor = status?.manufacturer ?? (mac ? vendorFromMac(mac) : null);
  return {
    ...networkFacts(net, dnsName),
    ip,
    type,
    vendor: vendor ? canonicalVendor(vendor) : null,
    model: status?.product ?? null,
    serial: status?.serial ?? null,
    mac,
  };
}
