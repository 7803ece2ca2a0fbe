/**
 * The host name of an address from reverse DNS (a PTR query on in-addr.arpa, RFC 1035 §3.5): in many
 * lycées the DHCP server registers the PCs' names, so it is the cheapest name for a host without SNMP.
 */
import { Resolver } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/** Options of {@link reverseName}. */
export interface ReverseNameOptions {
  /** Resolves `ip` to PTR names (default: a node:dns Resolver on the system's servers, one try). */
  resolve?: (ip: string) => Promise<string[]>;
  /** Bound on the whole lookup, in milliseconds. */
  timeoutMs: number;
}

/**
 * The first PTR name of `ip` (as the resolver returns it, without a trailing dot), or null on NXDOMAIN,
 * timeout, an empty answer or any error. Addresses of 127.0.0.0/8 and ::1, and strings that are not IP
 * addresses, give null without any query (loopback names are meaningless, and tests use loopback).
 * @returns never rejects.
 */
export async function reverseName(ip: string, options: ReverseNameOptions): Promise<string | null> {
  if (!ipaddr.isValid(ip) || ipaddr.process(ip).range() === 'loopback') return null;
  let resolver: Resolver | undefined;
  const resolve =
    options.resolve ??
    ((address: string) => {
      resolver = new Resolver({ timeout: options.timeoutMs, tries: 1 });
      return resolver.reverse(address);
    });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((done) => {
    timer = setTimeout(() => done(null), options.timeoutMs);
  });
  try {
    const names = await Promise.race([resolve(ip), timeout]);
    const first = names?.find((name) => name.length > 0);
    return first ? first.replace(/\.$/, '') : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
    resolver?.cancel();
  }
}
