import { describe, expect, it } from 'vitest';
import type { SystemGroup } from '../../../electron/engine/identify/facts';
import { VendorProfile } from '../../../electron/engine/identify/profile-schema';
import {
  matchProfile,
  PROFILES,
  profileNextOids,
  profileOids,
} from '../../../electron/engine/identify/profiles';

const system = (sysObjectID: string | null, sysDescr: string | null = null): SystemGroup => ({
  sysDescr,
  sysObjectID,
  sysUpTime: null,
  sysContact: null,
  sysName: null,
  sysLocation: null,
  sysServices: null,
});

describe('vendor profiles', () => {
  it.each(PROFILES.map((profile) => [profile.id, profile] as const))(
    '%s follows the schema',
    (_id, profile) => {
      expect(() => VendorProfile.parse(profile)).not.toThrow();
    },
  );

  it('have unique ids', () => {
    const ids = PROFILES.map((profile) => profile.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('matchProfile', () => {
  it.each([
    [
      'longest sysObjectID prefix',
      system('1.3.6.1.4.1.11.2.3.7.11.139', 'HP J9775A 2530-48G Switch'),
      {},
      'hp-procurve',
    ],
    [
      'prefix with sysDescr beats prefix alone',
      system('1.3.6.1.4.1.1347.41', 'TA_UTAX Printing System'),
      {},
      'utax-printer',
    ],
    [
      'prefix alone',
      system('1.3.6.1.4.1.1347.41', 'KYOCERA Document Solutions Printing System'),
      {},
      'kyocera-printer',
    ],
    [
      'sysDescr alone',
      system('1.3.6.1.4.1.8072.3.2.8', 'FreeNAS-11.2-U8 (abc). Hardware: amd64'),
      {},
      'truenas',
    ],
    [
      'probe that answered',
      system('1.3.6.1.4.1.8072.3.2.10', 'Linux nas 4.4'),
      { '1.3.6.1.4.1.6574.1.5.1.0': 'DS920+' },
      'synology-nas',
    ],
    ['probe that did not answer', system('1.3.6.1.4.1.8072.3.2.10', 'Linux nas 4.4'), {}, null],
    ['no sysObjectID', system(null), {}, null],
  ])('%s', (_name, sys, values, id) => {
    expect(matchProfile(sys, values)?.id ?? null).toBe(id);
  });
});

describe('profileOids', () => {
  it('asks the probes and values of every profile a Linux Net-SNMP agent may hide', () => {
    expect(profileOids(system('1.3.6.1.4.1.8072.3.2.10', 'Linux nas 4.4'))).toEqual([
      '1.3.6.1.4.1.55062.1.12.3.0',
      '1.3.6.1.4.1.55062.1.12.5.0',
      '1.3.6.1.4.1.55062.2.12.5.0',
      '1.3.6.1.4.1.55062.2.12.3.0',
      '1.3.6.1.4.1.24681.1.2.12.0',
      '1.3.6.1.4.1.55062.1.12.6.0',
      '1.3.6.1.4.1.55062.2.12.6.0',
      '1.3.6.1.4.1.6574.1.5.1.0',
      '1.3.6.1.4.1.6574.1.5.2.0',
      '1.3.6.1.4.1.6574.1.5.3.0',
    ]);
  });

  it('asks the OIDs of the matching vendor', () => {
    expect(profileOids(system('1.3.6.1.4.1.318.1.3.27'))).toEqual([
      '1.3.6.1.4.1.318.1.1.1.1.2.3.0',
      '1.3.6.1.4.1.318.1.1.1.1.1.1.0',
      '1.3.6.1.4.1.318.1.1.1.1.2.1.0',
    ]);
  });

  it('asks nothing of an unknown device', () => {
    expect(profileOids(system('1.3.6.1.4.1.99999.1', 'Something'))).toEqual([]);
  });
});

describe('profileNextOids', () => {
  it('asks the first row of columns indexed by MAC', () => {
    expect(profileNextOids(system('1.3.6.1.4.1.14823.1.2.71'))).toEqual([
      '1.3.6.1.4.1.14823.2.3.3.1.2.1.1.4',
    ]);
  });
});
