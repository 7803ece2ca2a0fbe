/**
 * Scan targets: CIDR blocks, `a.b.c.d-a.b.c.e` ranges, single IPv4 addresses and host names.
 * Everything is checked before a single packet is sent: malformed targets, too many
 * addresses without `force`, and addresses outside private, loopback, link-local and CGNAT
 * space without `allowPublic` are refused with an `InputError`.
 */
import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { MAX_ADDRESSES_WITHOUT_FORCE } from '../../../shared/domain/scan';
import { InputError } from '../errors';

/** ipaddr.js range names that a school network may use without `allowPublic`. */
const LOCAL_RANGES = new Set(['private', 'loopback', 'linkLocal', 'carrierGradeNat']);
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const HOST_NAME =
  /^(?=.{1,253}$)[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** A contiguous IPv4 interval, inclusive, as 32-bit unsigned integers. */
export interface AddressBlock {
  /** The target as the user typed it. */
  target: string;
  first: number;
  last: number;
}

export interface TargetOptions {
  force?: boolean;
  allowPublic?: boolean;
  /** Resolves a host name to IPv4 addresses (injected in tests). Default: the system resolver. */
  resolve?: (name: string) => Promise<string[]>;
}

/** The checked targets: the blocks as typed, the same merged (sorted, no overlap), and the address count. */
export interface ParsedTargets {
  blocks: AddressBlock[];
  merged: { first: number; last: number }[];
  /** Distinct addresses: overlapping targets count once. */
  count: number;
}

/** Sorts intervals and merges those that overlap or touch. */
function mergeBlocks(blocks: readonly AddressBlock[]): { first: number; last: number }[] {
  const sorted = [...blocks].sort((a, b) => a.first - b.first);
  const merged: { first: number; last: number }[] = [];
  for (const { first, last } of sorted) {
    const previous = merged.at(-1);
    if (previous && first <= previous.last + 1) previous.last = Math.max(previous.last, last);
    else merged.push({ first, last });
  }
  return merged;
}

const toInt = (address: string): number =>
  ipaddr.IPv4.parse(address)
    .toByteArray()
    .reduce((n, b) => n * 256 + b, 0);

/** An integer back to dotted-quad text. */
export function intToAddress(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** A target as quoted in messages: cut to 60 characters. */
const quote = (target: string) => (target.length > 60 ? `${target.slice(0, 59)}…` : target);

function parseAddress(text: string, target: string): number {
  if (!IPV4.test(text) || !ipaddr.IPv4.isValidFourPartDecimal(text)) {
    throw new InputError(
      `"${quote(target)}" is not a valid IPv4 address, range or network.`,
      'malformed-target',
      {
        target: quote(target),
      },
    );
  }
  return toInt(text);
}

/**
 * Parses one literal target (no DNS): `10.1.2.0/24`, `10.1.2.10-10.1.2.50`, `10.1.2.3`.
 * A /31 or /32 keeps all its addresses; larger blocks skip the network and broadcast address.
 * @returns the block, or null when the text looks like a host name.
 * @throws InputError when the text is neither a valid literal nor a plausible host name.
 */
export function parseLiteralTarget(target: string): AddressBlock | null {
  const text = target.trim();
  const cidr = /^([\d.]+)\/(\d{1,2})$/.exec(text);
  if (cidr) {
    const prefix = Number(cidr[2]);
    if (prefix > 32) {
      throw new InputError(
        `"${quote(target)}": a network prefix goes from /0 to /32.`,
        'prefix-out-of-range',
        {
          target: quote(target),
        },
      );
    }
    const base = parseAddress(cidr[1], target);
    const size = 2 ** (32 - prefix);
    const network = base - (base % size);
    if (size <= 2) return { target, first: network, last: network + size - 1 };
    return { target, first: network + 1, last: network + size - 2 };
  }
  const range = /^([\d.]+)\s*-\s*([\d.]+)$/.exec(text);
  if (range) {
    const first = parseAddress(range[1], target);
    const last = parseAddress(range[2], target);
    if (last < first) {
      throw new InputError(`"${quote(target)}": the range ends before it starts.`, 'range-reversed', {
        target: quote(target),
      });
    }
    return { target, first, last };
  }
  if (/^[\d./-]+$/.test(text))
    return { target, first: parseAddress(text, target), last: parseAddress(text, target) };
  if (HOST_NAME.test(text)) return null;
  throw new InputError(
    `"${quote(target)}" is not a valid address, range, network or host name.`,
    'malformed-target',
    {
      target: quote(target),
    },
  );
}

function isLocal(n: number): boolean {
  return LOCAL_RANGES.has(ipaddr.IPv4.parse(intToAddress(n)).range());
}

/** True when every address of the block is private, loopback, link-local or CGNAT. */
function blockIsLocal(block: AddressBlock): boolean {
  // Every local range (10/8, 100.64/10, 127/8, 169.254/16, 172.16/12, 192.168/16) is made of
  // whole /16 blocks, so one address in each /16 the block touches decides.
  for (let n = block.first; n <= block.last; n = Math.min(block.last, (n | 0xffff) >>> 0) + 1) {
    if (!isLocal(n)) return false;
    if (n === block.last) break;
  }
  return isLocal(block.last);
}

const defaultResolve = async (name: string) =>
  (await lookup(name, { all: true, family: 4 })).map((entry) => entry.address);

/**
 * Checks and expands the targets (host names are resolved, which asks DNS but never the host).
 * @throws InputError for any malformed, unknown, too large (> 65,536 without `force`) or public
 *   (without `allowPublic`) target. Nothing is sent to any scanned address before this returns.
 */
export async function parseTargets(
  targets: readonly string[],
  options: TargetOptions = {},
): Promise<ParsedTargets> {
  if (targets.length === 0 || targets.every((t) => t.trim() === '')) {
    throw new InputError('Give at least one address, range or network to scan.', 'no-targets');
  }
  const resolve = options.resolve ?? defaultResolve;
  const blocks: AddressBlock[] = [];
  for (const target of targets) {
    const literal = parseLiteralTarget(target);
    if (literal) {
      blocks.push(literal);
      continue;
    }
    let addresses: string[];
    try {
      addresses = await resolve(target.trim());
    } catch {
      addresses = [];
    }
    if (addresses.length === 0) {
      throw new InputError(`Host name "${quote(target)}" could not be resolved.`, 'unresolved-host', {
        target: quote(target),
      });
    }
    const n = toInt(addresses[0]);
    blocks.push({ target, first: n, last: n });
  }
  const merged = mergeBlocks(blocks);
  const count = merged.reduce((sum, b) => sum + (b.last - b.first + 1), 0);
  if (count > MAX_ADDRESSES_WITHOUT_FORCE && !options.force) {
    throw new InputError(
      `${count.toLocaleString('en')} addresses to scan: more than ${MAX_ADDRESSES_WITHOUT_FORCE.toLocaleString('en')} needs --force.`,
      'too-many-addresses',
      { count, max: MAX_ADDRESSES_WITHOUT_FORCE },
    );
  }
  if (!options.allowPublic) {
    const outside = blocks.find((b) => !blockIsLocal(b));
    if (outside) {
      throw new InputError(
        `"${quote(outside.target)}" includes public addresses (outside private, loopback, link-local and CGNAT space): use --allow-public to scan them.`,
        'public-addresses',
        { target: quote(outside.target) },
      );
    }
  }
  return { blocks, merged, count };
}

/**
 * Every address of the targets once, as dotted-quad text, taking each /24 in turn: the first
 * address of every /24, then the second of every /24… (a single /24 comes in numeric order). A
 * scan of several subnets then spreads its load over their routers, switches and agents instead
 * of sending all it has in flight to one of them (as nmap and masscan spread theirs).
 */
export function* expandTargets(parsed: ParsedTargets): Generator<string> {
  // The merged blocks cut at /24 boundaries, grouped by /24 (in numeric order).
  const subnets = new Map<number, { first: number; last: number }[]>();
  for (const block of parsed.merged) {
    for (let first = block.first; first <= block.last; first = (Math.floor(first / 256) + 1) * 256) {
      const subnet = Math.floor(first / 256);
      const ranges = subnets.get(subnet) ?? [];
      ranges.push({ first, last: Math.min(block.last, subnet * 256 + 255) });
      subnets.set(subnet, ranges);
    }
  }
  function* inOrder(ranges: readonly { first: number; last: number }[]) {
    for (const { first, last } of ranges) for (let n = first; n <= last; n++) yield n;
  }
  let cursors = [...subnets.values()].map(inOrder);
  while (cursors.length > 0) {
    const open: typeof cursors = [];
    for (const cursor of cursors) {
      const next = cursor.next();
      if (next.done) continue;
      yield intToAddress(next.value);
      open.push(cursor);
    }
    cursors = open;
  }
}

/** True when `ip` (dotted IPv4) is one of the targets' addresses. */
export function targetsInclude(parsed: ParsedTargets, ip: string): boolean {
  if (!ipaddr.IPv4.isValidFourPartDecimal(ip)) return false;
  const n = toInt(ip);
  return parsed.merged.some((block) => n >= block.first && n <= block.last);
}

/** 127.0.0.0/8 as integers. */
const LOOPBACK = { first: 127 * 2 ** 24, last: 128 * 2 ** 24 - 1 };

/** Whether every address of the targets is a loopback address (127.0.0.0/8). */
export function onlyLoopback(parsed: ParsedTargets): boolean {
  return parsed.merged.every((m) => m.first >= LOOPBACK.first && m.last <= LOOPBACK.last);
}
