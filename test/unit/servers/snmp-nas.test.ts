import { describe, expect, it } from 'vitest';
import {
  NAS_STATUS_SEVERITY,
  parseTemperature,
  readNasHealth,
} from '../../../electron/engine/servers/snmp-nas';
import { SnmpType } from '../../../electron/engine/snmp/values';
import { fakeNetwork } from '../../helpers/fake-session';

function session(objects: Record<string, string | number>) {
  return fakeNetwork({ h: { communities: ['c'], objects } }).factory(
    'h',
    { kind: 'community', version: '2c', community: 'c' },
    { port: 161, timeoutMs: 100, retries: 0 },
  );
}

describe('NAS health', () => {
  it('reads SYNOLOGY-SYSTEM/DISK/RAID-MIB (names fall back to Disk N when diskID is absent)', async () => {
    const health = await readNasHealth(
      session({
        '1.3.6.1.4.1.6574.1.1.0': 1,
        '1.3.6.1.4.1.6574.1.2.0': 47,
        '1.3.6.1.4.1.6574.1.5.1.0': 'DS214se',
        '1.3.6.1.4.1.6574.2.1.1.5.0': 1,
        '1.3.6.1.4.1.6574.2.1.1.5.1': 5,
        '1.3.6.1.4.1.6574.2.1.1.6.0': 35,
        '1.3.6.1.4.1.6574.2.1.1.6.1': 37,
        '1.3.6.1.4.1.6574.2.1.1.2.1': 'Disk 2',
        '1.3.6.1.4.1.6574.3.1.1.2.0': 'Volume 1',
        '1.3.6.1.4.1.6574.3.1.1.3.0': 11,
      }),
    );
    expect(health).toEqual({
      systemStatus: 'normal',
      temperatureCelsius: 47,
      disks: [
        { name: 'Disk 1', status: 'normal', temperatureCelsius: 35 },
        { name: 'Disk 2', status: 'crashed', temperatureCelsius: 37 },
      ],
      raids: [{ name: 'Volume 1', status: 'degrade' }],
    });
    expect(NAS_STATUS_SEVERITY.get('degrade')).toBe('critical');
    expect(NAS_STATUS_SEVERITY.get('crashed')).toBe('critical');
  });

  it('reads QNAP NAS-MIB disks with text temperatures and an enclosure temperature', async () => {
    const health = await readNasHealth(
      session({
        '1.3.6.1.4.1.24681.1.2.6.0': '41 C/105 F',
        '1.3.6.1.4.1.24681.1.2.11.1.2.1': 'HDD1',
        '1.3.6.1.4.1.24681.1.2.11.1.2.2': 'HDD2',
        '1.3.6.1.4.1.24681.1.2.11.1.3.1': '28 C/82 F',
        '1.3.6.1.4.1.24681.1.2.11.1.3.2': '--',
        '1.3.6.1.4.1.24681.1.2.11.1.4.1': 0,
        '1.3.6.1.4.1.24681.1.2.11.1.4.2': -9,
        '1.3.6.1.4.1.24681.1.4.1.1.1.1.1.2.1.7.1': 33,
      }),
    );
    expect(health).toEqual({
      systemStatus: null,
      temperatureCelsius: 33,
      disks: [
        { name: 'HDD1', status: 'ready', temperatureCelsius: 28 },
        { name: 'HDD2', status: 'rwError', temperatureCelsius: null },
      ],
      raids: [],
    });
  });

  it('is null on a server without a NAS MIB, and says unknown(N) for a value outside the table', async () => {
    expect(await readNasHealth(session({ '1.3.6.1.2.1.1.1.0': 'Linux' }))).toBeNull();
    const odd = await readNasHealth(session({ '1.3.6.1.4.1.6574.1.1.0': 9 }));
    expect(odd?.systemStatus).toBe('unknown(9)');
  });

  it('parses temperatures and rejects absurd ones', () => {
    const text = (v: string) => ({ oid: '1', type: SnmpType.OctetString, value: Buffer.from(v) });
    expect(parseTemperature(text('45 C/113 F'), 'celsius-text')).toBe(45);
    expect(parseTemperature(text('garbage'), 'celsius-text')).toBeNull();
    expect(parseTemperature({ oid: '1', type: SnmpType.Integer, value: 400 }, 'celsius')).toBeNull();
  });
});
