import { describe, expect, it } from 'vitest';
import type { SystemGroup } from '../../../electron/engine/identify/facts';
import { VendorProfile } from '../../../electron/engine/identify/profile-schema';
import { matchProfile, PROFILES } from '../../../electron/engine/identify/profiles';

const system = (sysObjectID: string | null, sysDescr: string | null = null): SystemGroup => ({
  sysDescr,
  sysObjectID,
  sysUpTime: null,
  sysContact: null,
  sysName: null,
  sysLocation: null,
  sysServices: null,
});

const base = { id: 'acme-projector', vendor: 'ACME', match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.99999' }] };

describe('projector section of the profile schema', () => {
  it.each([
    ['lamp hours only', { lampHours: ['1.3.6.1.4.1.99999.1.0'] }, true],
    [
      'lamp and filter hours',
      { lampHours: ['1.3.6.1.4.1.99999.1.0'], filterHours: ['1.3.6.1.4.1.99999.2.0'] },
      true,
    ],
    ['an extractor source', { filterHours: [{ oid: '1.3.6.1.4.1.99999.2.0', pattern: /(\d+) h/ }] }, true],
    ['an empty section', {}, true],
    ['an OID with a leading dot', { lampHours: ['.1.3.6.1.4.1.99999.1.0'] }, false],
    [
      'an extractor without a group',
      { filterHours: [{ oid: '1.3.6.1.4.1.99999.2.0', pattern: /\d+ h/ }] },
      false,
    ],
    ['an unknown field', { lampMinutes: ['1.3.6.1.4.1.99999.1.0'] }, false],
  ])('%s', (_name, projector, ok) => {
    expect(VendorProfile.safeParse({ ...base, projector }).success).toBe(ok);
  });
});

describe('projector profiles', () => {
  it('recognise an Epson projector and read its lamp hours at .1248.4.1.1.1.1.0', () => {
    const profile = matchProfile(system('1.3.6.1.4.1.1248.4.1', 'EPSON Network Projector'), {});
    expect(profile?.id).toBe('epson-projector');
    expect(profile?.type).toBe('projector');
    expect(profile?.projector?.lampHours).toEqual(['1.3.6.1.4.1.1248.4.1.1.1.1.0']);
  });

  it('keep Epson printers apart from projectors', () => {
    expect(matchProfile(system('1.3.6.1.4.1.1248.1.2.3'), {})?.id).toBe('epson-printer');
  });

  it('give projector OIDs only to profiles typed projector', () => {
    const withProjectorData = PROFILES.filter((profile) => profile.projector !== undefined);
    expect(withProjectorData.length).toBeGreaterThan(0);
    for (const profile of withProjectorData) expect(profile.type).toBe('projector');
  });
});
