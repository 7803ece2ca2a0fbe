import { describe, expect, it } from 'vitest';
import { collectFacts, probeIdentity } from '../../../../electron/engine/discovery/collect';
import { RowHints } from '../../../../electron/engine/discovery/row-hints';
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

/**
 * Collects the facts of one fake host, counting the requests of the probe and of the rest
 * (a GETBULK as its repetitions × its columns).
 */
async function collect(objects: FakeHost['objects'], hints?: RowHints) {
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
      log.push(hints ? `bulk ${repetitions}x${columns.length}` : `bulk ${columns.length}`),
      inner.getBulk(next, columns, repetitions)
    ),
  };
  const facts = await collectFacts(session, '10.0.0.5', await probeIdentity(session), undefined, hints);
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

  it('does not walk the hrDeviceTable of a host whose hrProcessorTable answers', async () => {
    const objects: FakeHost['objects'] = {
      ...SYSTEM,
      '1.3.6.1.2.1.25.2.3.1.1.1': 1,
      '1.3.6.1.2.1.25.3.3.1.1.2': 'oid:0.0',
    };
    for (let i = 1; i <= 40; i++) objects[`1.3.6.1.2.1.25.3.2.1.2.${i}`] = 'oid:1.3.6.1.2.1.25.3.1.4';
    objects['1.3.6.1.2.1.25.3.2.1.2.2'] = 'oid:1.3.6.1.2.1.25.3.1.3';
    const { facts, log } = await collect(objects);
    expect(facts.capabilities).toMatchObject({ hrStorage: true, hrProcessors: true });
    expect(facts.hrDeviceTypes).toEqual([]);
    // The probe and the MIBs present with the interfaces: nothing is left to walk.
    expect(log).toEqual(['get 8', 'bulk 3']);
  });

  it('sizes the walks of a model by the rows its previous device had, when ifNumber is missing', async () => {
    // A 10-port switch without ifNumber (as some agents and the lab's recordings).
    const objects: FakeHost['objects'] = {
      '1.3.6.1.2.1.1.1.0': 'TL-SG2008',
      '1.3.6.1.2.1.1.2.0': 'oid:1.3.6.1.4.1.11863.5.1',
    };
    for (let i = 1; i <= 10; i++) {
      objects[`1.3.6.1.2.1.2.2.1.2.${i}`] = `port ${i}`;
      objects[`1.3.6.1.2.1.2.2.1.3.${i}`] = 6;
      objects[`1.3.6.1.2.1.2.2.1.6.${i}`] = Buffer.from([0, 0x0a, 0xeb, 0, 0, i]);
    }
    const hints = new RowHints();
    const first = await collect(objects, hints);
    const second = await collect(objects, hints);
    // The first doubles its way through the table (3, 6, 12 repetitions); the second asks 11 at once.
    expect(first.log).toEqual(['get 8', 'bulk 3x3', 'bulk 6x3', 'bulk 12x3']);
    expect(second.log).toEqual(['get 8', 'bulk 11x3']);
    expect(second.facts.interfaces).toHaveLength(10);
    expect(second.facts.interfaces).toEqual(first.facts.interfaces);
  });
});
