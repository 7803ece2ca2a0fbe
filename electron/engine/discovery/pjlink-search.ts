/**
 * PJLink class 2 search (JBMIA PJLink class 2, §2.2 SRCH / ACKN on UDP 4352): before a sweep that
 * covers one of this PC's own subnets, one `%2SRCH` broadcast on that subnet makes every class 2
 * projector answer `%2ACKN=<MAC>`, even one slow to accept TCP in standby. Only subnets of real
 * interfaces that the scan's targets overlap are searched: a loopback scan never broadcasts.
 */
import { createSocket } from 'node:dgram';
import ipaddr from 'ipaddr.js';
import type { InterfaceInfo } from '../network/suggest';
import { buildSearchPacket, parseAcknowledge, PJLINK_PORT } from '../probes/pjlink';
import type { ParsedTargets } from './targets';

/** Largest subnet searched (a /16): a broadcast on a bigger one would reach too far. */
const MIN_PREFIX = 16;

const toInt = (address: string): number =>
  ipaddr.IPv4.parse(address)
    .toByteArray()
    .reduce((n, b) => n * 256 + b, 0);

/**
 * The broadcast addresses to search: those of this PC's non-loopback IPv4 subnets (/16 to /30)
 * that the scan's targets overlap, once each.
 */
export function searchBroadcasts(interfaces: readonly InterfaceInfo[], targets: ParsedTargets): string[] {
  const found = new Set<string>();
  for (const info of interfaces) {
    if (info.internal || !ipaddr.IPv4.isValid(info.ip4 ?? '') || !ipaddr.IPv4.isValid(info.ip4subnet ?? ''))
      continue;
    if (ipaddr.IPv4.parse(info.ip4).range() !== 'private') continue;
    const prefix = ipaddr.IPv4.parse(info.ip4subnet).prefixLengthFromSubnetMask();
    if (prefix === null || prefix < MIN_PREFIX || prefix > 30) continue;
    const first = toInt(ipaddr.IPv4.networkAddressFromCIDR(`${info.ip4}/${prefix}`).toString());
    const broadcast = ipaddr.IPv4.broadcastAddressFromCIDR(`${info.ip4}/${prefix}`).toString();
    const last = toInt(broadcast);
    if (targets.merged.some((m) => m.first <= last && m.last >= first)) found.add(broadcast);
  }
  return [...found];
}

/** The UDP socket the search needs (a fake in tests). */
export interface SearchSocket {
  send(packet: Buffer, port: number, address: string): void;
  onMessage(listener: (message: Buffer, from: string) => void): void;
  close(): void;
}

/** A real broadcast-enabled UDP socket. */
async function openBroadcastSocket(): Promise<SearchSocket> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, () => resolve());
  });
  socket.setBroadcast(true);
  socket.on('error', () => undefined); // a refused broadcast must not crash the scan
  return {
    send: (packet, port, address) => socket.send(packet, port, address),
    onMessage: (listener) => socket.on('message', (message, rinfo) => listener(message, rinfo.address)),
    close: () => socket.close(),
  };
}

/**
 * Broadcasts `%2SRCH` to each address of `broadcasts` and collects the `%2ACKN=<MAC>` answers
 * for `timeoutMs` milliseconds. Malformed answers are ignored.
 * @returns answering address → MAC (`aa:bb:cc:dd:ee:ff`); empty at once when `broadcasts` is empty.
 */
export async function pjlinkSearch(
  broadcasts: readonly string[],
  options: { timeoutMs: number; port?: number; open?: () => Promise<SearchSocket>; signal?: AbortSignal },
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (broadcasts.length === 0 || options.signal?.aborted) return found;
  const socket = await (options.open ?? openBroadcastSocket)();
  try {
    socket.onMessage((message, from) => {
      const ack = parseAcknowledge(message);
      if (ack) found.set(from, ack.mac);
    });
    for (const address of broadcasts) socket.send(buildSearchPacket(), options.port ?? PJLINK_PORT, address);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.timeoutMs);
      options.signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });
    return found;
  } finally {
    socket.close();
  }
}
