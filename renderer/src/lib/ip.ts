/**
 * A sortable number for an IPv4 address (`10.0.0.9` < `10.0.0.10`), or null for anything else
 * (IPv6 or a host name), which sorts after every IPv4 address.
 */
export function ipv4ToNumber(ip: string): number | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const byte = Number(part);
    if (byte > 255) return null;
    value = value * 256 + byte;
  }
  return value;
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
