/**
 * The device's MAC address, chosen from IF-MIB ifPhysAddress `1.3.6.1.2.1.2.2.1.6` (RFC 2863)
 * and BRIDGE-MIB dot1dBaseBridgeAddress `1.3.6.1.2.1.17.1.1.0` (RFC 4188).
 */
import type { DeviceFacts, InterfaceFacts } from './facts';

/** IANAifType values of wired Ethernet: ethernetCsmacd, iso88023Csmacd, fastEther, fastEtherFX, gigabitEthernet. */
const ETHERNET_IF_TYPES: ReadonlySet<number> = new Set([6, 7, 62, 69, 117]);

/** IANAifType softwareLoopback. */
const LOOPBACK_IF_TYPE = 24;

/** Interface names of software interfaces (hypervisor bridges, tunnels, containers, Windows filters). */
const VIRTUAL_IF_DESCR =
  /\b(?:docker\d*|veth\w*|virbr\d*|vmnet\d*|vnet\d*|tun\d*|tap\d*|br-\w+|miniport|pseudo|teredo|isatap|6to4|kernel debug|filter|scheduler|hyper-v|vethernet|virtual)\b/i;

const MAC = /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/;

/** A MAC that names one real station: well-formed, not all zeros, not broadcast or multicast. */
function isUnicast(mac: string | null): mac is string {
  if (mac === null || !MAC.test(mac) || mac === '00:00:00:00:00:00') return false;
  return (parseInt(mac.slice(0, 2), 16) & 0x01) === 0;
}

/** Locally administered addresses (bit 0x02 of the first octet) are often, not always, virtual. */
function isUniversal(mac: string): boolean {
  return (parseInt(mac.slice(0, 2), 16) & 0x02) === 0;
}

function isPhysicalEthernet(row: InterfaceFacts): boolean {
  return (
    row.ifType !== null && ETHERNET_IF_TYPES.has(row.ifType) && !VIRTUAL_IF_DESCR.test(row.ifDescr ?? '')
  );
}

/**
 * The MAC to record for a device (`aa:bb:cc:dd:ee:ff`), or null. In order: the first physical
 * Ethernet interface (by ifIndex) with a universally administered unicast address, then one
 * with a locally administered address (cloud VMs), then the bridge address, then any unicast
 * ifPhysAddress outside loopbacks.
 */
export function chooseMac(facts: Pick<DeviceFacts, 'interfaces' | 'bridgeAddress'>): string | null {
  const rows = [...facts.interfaces].sort((a, b) => a.ifIndex - b.ifIndex);
  const lower = (row: InterfaceFacts): string | null => row.ifPhysAddress?.toLowerCase() ?? null;
  const ethernet = rows.filter(isPhysicalEthernet).map(lower).filter(isUnicast);
  const bridge = facts.bridgeAddress?.toLowerCase() ?? null;
  const others = rows
    .filter((row) => row.ifType !== LOOPBACK_IF_TYPE)
    .map(lower)
    .filter(isUnicast);
  return (
    ethernet.find(isUniversal) ?? ethernet[0] ?? (isUnicast(bridge) ? bridge : null) ?? others[0] ?? null
  );
}
