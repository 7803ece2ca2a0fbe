import { describe, expect, it } from 'vitest';
import { collectFacts, probeIdentity } from '../../../../electron/engine/discovery/collect';
import type { SnmpSession } from '../../../../electron/engine/snmp/session';
import { fakeNetwork, type FakeHost } from '../../../helpers/fake-session';

const SYSTEM = {
  '1.3.6.1.2.1.1.1.0': 'Brother NC-6400h, Firmware Ver.1.11',
  '1.3.6.1.2.1.1.2.0': 'oid:1.3.6.1.4.1.2435.2.3.9.1',
  '1.3.6.1.2.1.1.5.0': 'BRN-CDI',
  '1.3.6.1.2.1.2.1.0': 1,
  '1.3.6.1.2.1.2.2.1.2.1': 'eth0',
  '1.3.6.1.2.1.2.2.1.3.1': 6,
  '1.3.6.1.2.1.2.2.1.6.1': Buffer.from([0x00, 0x80, 0x77, 0x31, 0x01, 0x07]),
};

/** Collects the facts of one fake host, counting the requests of the probe and of the rest. */
async function collect(objects: FakeHost['objects']) {
  const net = fakeNetwork({ h: { communities: ['public'], objects } });
  const inner = net.factory(
    'h',
    { kind: 'community', version: '2c', community: 'public' },
    {
      port: 161,
      timeoutMs: 100,
      retries: 0,
    },
  );
  const log: string[] = [];
  const session: SnmpSession = {
    ...inner,
    get: (oids) => (log.push(`get ${oids.length}`), inner.get(oids)),
    getNext: (oids) => (log.push(`next ${oids.length}`), inner.getNext(oids)),
    getBulk: (next, columns, repetitions) => (
      log.push(`bulk ${columns.length}`),
      inner.getBulk(next, columns, repetitions)
    ),
  };
  const facts = await collectFacts(session, '10.0.0.5', await probeIdentity(session));
  return { facts, log };
}

describe('collectFacts', () => {
  it('reads a printer without Printer-MIB whose hrDeviceTable names it, its model by one GET', async () => {
    const { facts, log } = await collect({
      ...SYSTEM,
      '1.3.6.1.2.1.25.3.2.1.2.1': 'oid:1.3.6.1.2.1.25.3.1.5',
      '1.3.6.1.2.1.25.3.2.1.3.1': 'Brother HL-5250DN series',
    });
    expect(facts.hrDeviceTypes).toEqual(['1.3.6.1.2.1.25.3.1.5']);
    expect(facts.hrPrinterDescr).toBe('Brother HL-5250DN series');
    expect(facts.interfaces).toEqual([
      { ifIndex: 1, ifDescr: 'eth0', ifType: 6, ifPhysAddress: '00:80:77:31:01:07' },
    ]);
    // The probe, the MIBs present with the interfaces, hrDeviceType, then the description.
    expect(log).toEqual(['get 8', 'bulk 3', 'bulk 1', 'get 1']);
  });

  it('walks hrDeviceDescr with hrDeviceType when Printer-MIB is there, and GETs nothing more', async () => {
    const { facts, log } = await collect({
      ...SYSTEM,
      '1.3.6.1.2.1.25.3.2.1.2.1': 'oid:1.3.6.1.2.1.25.3.1.5',
      '1.3.6.1.2.1.25.3.2.1.3.1': 'Brother HL-5250DN series',
      '1.3.6.1.2.1.43.5.1.1.17.1': 'E12345J6N789012',
    });
    expect(facts.prtGeneralSerialNumber).toBe('E12345J6N789012');
    expect(facts.hrPrinterDescr).toBe('Brother HL-5250DN series');
    expect(log).toEqual(['get 8', 'bulk 3', 'bulk 3']);
  });
});
