import { describe, expect, it } from 'vitest';
import { listFixtures, loadExpected, loadFixture } from '../../simulator/fixtures';
import type { SnmpValue, SnmprecRecord } from '../../simulator/simulator';

const IF_ENTRY = '1.3.6.1.2.1.2.2.1';
const PRINTER_DEVICE_TYPE = '1.3.6.1.2.1.25.3.1.5';

const text = (value: SnmpValue | undefined): string | undefined =>
  value?.type === 'OctetString' ? value.value.toString('latin1') : undefined;

/** Values of one table column, by instance suffix. */
function column(records: readonly SnmprecRecord[], prefix: string): Map<string, SnmpValue> {
  return new Map(
    records
      .filter((record) => record.oid.startsWith(`${prefix}.`))
      .map((record) => [record.oid.slice(prefix.length + 1), record.value]),
  );
}

describe('fixtures', () => {
  it('lists every recording', () => {
    expect(listFixtures()).toEqual([
      'ap-ubiquiti',
      'nas-synology',
      'printer-canon-color',
      'printer-generic-netsnmp',
      'printer-hp-laserjet',
      'projector-epson',
      'server-linux',
      'switch-cisco',
      'ups-apc',
    ]);
  });

  describe.each(listFixtures())('%s', (name) => {
    const records = loadFixture(name);
    const expected = loadExpected(name);
    const at = (oid: string) => records.find((record) => record.oid === oid)?.value;

    it('has the whole system group', () => {
      const types = [1, 2, 3, 4, 5, 6, 7].map((n) => at(`1.3.6.1.2.1.1.${n}.0`)?.type);
      expect(types).toEqual([
        'OctetString',
        'ObjectIdentifier',
        'TimeTicks',
        ...Array(3).fill('OctetString'),
        'Integer',
      ]);
    });

    it('has a complete ifTable', () => {
      const indexes = [...column(records, `${IF_ENTRY}.1`).keys()];
      expect(indexes.length).toBeGreaterThan(0);
      for (const n of [2, 3, 6]) expect([...column(records, `${IF_ENTRY}.${n}`).keys()]).toEqual(indexes);
    });

    it('agrees with its golden sysName and MAC', () => {
      expect(expected.sysName).toBe(text(at('1.3.6.1.2.1.1.5.0')));
      const types = column(records, `${IF_ENTRY}.3`);
      const macs = column(records, `${IF_ENTRY}.6`);
      const firstEthernet = [...types].find(([, type]) => type.type === 'Integer' && type.value === 6)?.[0];
      const mac = macs.get(firstEthernet ?? '');
      const normalised =
        mac?.type === 'OctetString' ? mac.value.toString('hex').replace(/(..)(?!$)/g, '$1:') : null;
      expect(expected.mac).toBe(normalised);
    });

    it('contains the golden model, serial and firmware somewhere in its text', () => {
      const texts = records.map((record) => text(record.value)).filter((value) => value !== undefined);
      for (const value of [expected.model, expected.serial, expected.firmware]) {
        if (value !== null) expect(texts.some((candidate) => candidate.includes(value))).toBe(true);
      }
    });
  });

  it('gives printers an hrDevice printer row and Printer-MIB supplies under the same hrDeviceIndex', () => {
    for (const name of ['printer-hp-laserjet', 'printer-generic-netsnmp']) {
      const records = loadFixture(name);
      const printerRow = [...column(records, '1.3.6.1.2.1.25.3.2.1.2')].find(
        ([, type]) => type.type === 'ObjectIdentifier' && type.value === PRINTER_DEVICE_TYPE,
      )?.[0];
      const supplies = [...column(records, '1.3.6.1.2.1.43.11.1.1.9').keys()];
      expect(supplies.length).toBeGreaterThan(0);
      expect(supplies.every((index) => index.startsWith(`${printerRow}.`))).toBe(true);
      expect(loadExpected(name).type).toBe('printer');
    }
  });

  it('encodes the generic printer location in ISO-8859-1', () => {
    const location = loadFixture('printer-generic-netsnmp').find(
      (record) => record.oid === '1.3.6.1.2.1.1.6.0',
    );
    expect(location?.value).toEqual({
      type: 'OctetString',
      value: Buffer.from('Salle des professeurs, bâtiment B', 'latin1'),
    });
  });
});
