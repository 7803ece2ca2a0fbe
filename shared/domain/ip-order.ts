/**
 * The order of devices by address, the same in the engine (`inventory:listSummaries` comes
 * sorted by it) and in the devices table (which therefore need not sort the list again for it).
 */

/**
 * A sortable number for a dotted IPv4 address (`10.0.0.9` < `10.0.0.10`), or null for anything
 * else (IPv6, a host name, a byte above 255), which sorts after every IPv4 address.
 * Read character by character: sorting reads it once per device, 5,000 times for a large lycée.
 */
export function ipv4ToNumber(ip: string): number | null {
  let value = 0;
  let byte = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < ip.length; i++) {
    const code = ip.charCodeAt(i);
    if (code === 46 /* . */) {
      if (digits === 0 || ++dots > 3) return null;
      value = value * 256 + byte;
      byte = 0;
      digits = 0;
    } else if (code >= 48 && code <= 57 && digits < 3) {
      byte = byte * 10 + (code - 48);
      digits++;
      if (byte > 255) return null;
    } else return null;
  }
  return digits === 0 || dots !== 3 ? null : value * 256 + byte;
}

/** Ascending comparison of two addresses: IPv4 numerically, then the rest as text. */
export function compareIp(a: string, b: string): number {
  const na = ipv4ToNumber(a);
  const nb = ipv4ToNumber(b);
  if (na !== null && nb !== null) return na - nb;
  if (na !== null) return -1;
  if (nb !== null) return 1;
  return a.localeCompare(b);
}
