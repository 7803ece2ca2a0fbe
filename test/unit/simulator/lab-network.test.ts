import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureNetwork, type FixtureNetwork } from '../../simulator/lab-network';
import { TIMED_OUT, closeSessions, get, openSession } from './snmp-client';

let network: FixtureNetwork;
beforeAll(async () => {
  network = await startFixtureNetwork({ base: '127.78.0' });
});
afterAll(async () => {
  closeSessions();
  await network.simulator.stop();
});

describe('startFixtureNetwork', () => {
  it('places the fixtures from .10 in alphabetical order, then the silent and garbage hosts', () => {
    const hosts = network.hosts.map((host) => `${host.address} ${host.name}`);
    expect(hosts.slice(0, 2)).toEqual(['127.78.0.10 ap-ubiquiti', '127.78.0.11 nas-synology']);
    expect(hosts.slice(-2)).toEqual(['127.78.0.19 silent', '127.78.0.20 garbage']);
  });

  it("answers each fixture's sysName on its own address", async () => {
    const fixtures = network.hosts.filter((host) => host.expected !== null);
    const names = await Promise.all(
      fixtures.map(async (host) => {
        const session = openSession(host.address, { port: network.simulator.port });
        return String((await get(session, ['1.3.6.1.2.1.1.5.0']))[0].value);
      }),
    );
    expect(names).toEqual(fixtures.map((host) => host.expected?.sysName));
  });

  it.each(['silent', 'garbage'])('never gives a usable answer from the %s host', async (name) => {
    const host = network.hosts.find((candidate) => candidate.name === name);
    const session = openSession(host?.address ?? '', { port: network.simulator.port, timeout: 200 });
    session.on('error', () => undefined); // garbage replies are reported as parse errors
    await expect(get(session, ['1.3.6.1.2.1.1.5.0'])).rejects.toMatchObject(TIMED_OUT);
    expect(network.simulator.requests(host?.address)).toBe(1);
  });
});
