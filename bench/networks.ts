/**
 * The networks the benchmark scans and what is expected on them: the lab's /24 and /22 (types
 * from its manifest; lab `ap` is Parc's `access-point`, clones have the type of their source),
 * or Parc's own simulator when the lab is not there.
 */
import type { LabDevice } from '../test/lab/lab';

/** One range to scan, with the expected type of each device (Parc's words). */
export interface BenchNetwork {
  name: string;
  /** CIDR target given to Parc. */
  target: string;
  /** First and last address, for FusionInventory (both 127.x). */
  first: string;
  last: string;
  /** Every address of the range (for the floor). */
  addresses: string[];
  port: number;
  /** Address → expected Parc type, for devices that answer SNMP. */
  expected: Map<string, string>;
  /** Address → lab type (the manifest's word), for FusionInventory's check. */
  labTypes: Map<string, string>;
  /** Address of a clone → address of its source device at /24 (same recording; lab /22 only). */
  sourceOf: Map<string, string>;
}

/** Lab type → Parc's type (the lab says `ap` for Parc's `access-point`). */
const PARC_TYPE_OF_LAB: Readonly<Record<string, string>> = { ap: 'access-point' };

/** Every host address of a /N loopback network, in order (network and broadcast excluded). */
export function hostsOf(cidr: string): string[] {
  const [base, bits] = cidr.split('/');
  const start = base.split('.').reduce((n, o) => n * 256 + Number(o), 0);
  const size = 2 ** (32 - Number(bits));
  return Array.from({ length: size - 2 }, (_, i) => {
    const n = start + i + 1;
    return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
  });
}

/** The lab's range `cidr` (`127.20.0.0/24` or `127.21.0.0/22`) with its manifest's devices. */
export function labNetwork(name: string, cidr: string, devices: readonly LabDevice[]): BenchNetwork {
  const addresses = hostsOf(cidr);
  const inRange = new Set(addresses);
  const answering = devices.filter((d) => inRange.has(d.ip) && d.type !== 'none' && d.community !== '');
  const byRecording = new Map(devices.filter((d) => d.role === 'device').map((d) => [d.recording, d.ip]));
  const sourceOf = new Map<string, string>();
  for (const d of answering) {
    const source = d.role === 'clone' ? byRecording.get(d.recording) : undefined;
    if (source) sourceOf.set(d.ip, source);
  }
  return {
    name,
    target: cidr,
    first: addresses[0],
    last: addresses[addresses.length - 1],
    addresses,
    port: 161,
    expected: new Map(answering.map((d) => [d.ip, PARC_TYPE_OF_LAB[d.type] ?? d.type])),
    labTypes: new Map(answering.map((d) => [d.ip, d.type])),
    sourceOf,
  };
}
