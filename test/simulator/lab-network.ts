/**
 * A small simulated lycée network for integration and e2e tests: every fixture on its own loopback address,
 * plus a host that never answers and one that answers garbage, all on one UDP port.
 */
import { listFixtures, fixturePath, loadExpected, type ExpectedIdentity } from './fixtures';
import { startSimulator, type SimDevice, type Simulator } from './simulator';

/** One simulated host. */
export interface FixtureHost {
  /** Fixture name, or `silent` / `garbage` for the two faulty hosts. */
  readonly name: string;
  readonly address: string;
  /** Golden identification; null for the faulty hosts. */
  readonly expected: ExpectedIdentity | null;
}

/** The running network. */
export interface FixtureNetwork {
  readonly simulator: Simulator;
  /** Fixtures in alphabetical order from `<base>.10`, then `silent`, then `garbage`. */
  readonly hosts: readonly FixtureHost[];
}

/**
 * Serves every fixture of test/fixtures/snmprec on `<base>.10`, `<base>.11`, … (alphabetical order), then a
 * `silent` and a `garbage` host on the next two addresses. Stop it with `simulator.stop()`.
 * @param options.base first three octets, in 127.0.0.0/8; default `127.77.0`.
 * @param options.communities communities every host accepts; default `['public']`.
 */
export async function startFixtureNetwork(
  options: { readonly base?: string; readonly communities?: readonly string[] } = {},
): Promise<FixtureNetwork> {
  const base = options.base ?? '127.77.0';
  const names = [...listFixtures(), 'silent', 'garbage'];
  if (names.length + 10 > 255) throw new Error('too many fixtures for one /24');
  const hosts = names.map((name, i) => ({
    name,
    address: `${base}.${10 + i}`,
    expected: name === 'silent' || name === 'garbage' ? null : loadExpected(name),
  }));
  const devices: SimDevice[] = hosts.map(({ name, address }) =>
    name === 'silent' || name === 'garbage'
      ? { address, records: [], communities: options.communities, fault: name }
      : { address, records: fixturePath(name), communities: options.communities },
  );
  return { simulator: await startSimulator({ devices }), hosts };
}
