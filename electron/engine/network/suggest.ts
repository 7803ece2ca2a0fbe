/**
 * This PC's own IPv4 subnets, offered as scan targets in the UI. They are only suggestions:
 * nothing here sends a packet, and a subnet is scanned only when the referent clicks.
 */
import ipaddr from 'ipaddr.js';
import type { SuggestedRange } from '../../../shared/ipc/contract';

/** The fields of systeminformation's `networkInterfaces()` entries that we use. */
export interface InterfaceInfo {
  iface: string;
  ip4: string;
  ip4subnet: string;
  internal: boolean;
  virtual?: boolean;
  operstate?: string;
}

/** Smallest prefix suggested: a /16 is already 65,534 addresses. */
const MIN_PREFIX = 16;

/**
 * Turns interface addresses into the subnets they belong to (network address / prefix).
 * Loopback, interfaces without IPv4, link-local APIPA addresses and subnets larger than a /16
 * are left out; duplicates are merged.
 */
export function suggestRanges(interfaces: readonly InterfaceInfo[]): SuggestedRange[] {
  const seen = new Set<string>();
  const ranges: SuggestedRange[] = [];
  for (const info of interfaces) {
    if (info.internal || !info.ip4 || !info.ip4subnet) continue;
    if (!ipaddr.IPv4.isValid(info.ip4) || !ipaddr.IPv4.isValid(info.ip4subnet)) continue;
    const address = ipaddr.IPv4.parse(info.ip4);
    if (['loopback', 'linkLocal', 'unspecified'].includes(address.range())) continue;
    const prefix = ipaddr.IPv4.parse(info.ip4subnet).prefixLengthFromSubnetMask();
    if (prefix === null || prefix < MIN_PREFIX || prefix > 30) continue;
    const network = ipaddr.IPv4.networkAddressFromCIDR(`${info.ip4}/${prefix}`).toString();
    const cidr = `${network}/${prefix}`;
    if (seen.has(cidr)) continue;
    seen.add(cidr);
    ranges.push({ cidr, interfaceName: info.iface, addressCount: 2 ** (32 - prefix) - 2 });
  }
  return ranges;
}
