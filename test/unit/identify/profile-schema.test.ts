import { describe, expect, it } from 'vitest';
import { VendorProfile } from '../../../electron/engine/identify/profile-schema';

const valid = { id: 'acme-printer', vendor: 'ACME', match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.99999' }] };

describe('VendorProfile schema', () => {
  it.each([
    ['a minimal profile', valid, true],
    ['an OID with a leading dot', { ...valid, match: [{ sysObjectIDPrefix: '.1.3.6.1.4.1.99999' }] }, false],
    ['a rule with only a probe', { ...valid, match: [{ probeOid: '1.3.6.1.4.1.99999.1.0' }] }, false],
    ['no rule', { ...valid, match: [] }, false],
    ['an extractor without a group', { ...valid, serial: { sysDescr: /SN:\S+/ } }, false],
    ['an extractor with two groups', { ...valid, serial: { sysDescr: /(SN):(\S+)/ } }, false],
    ['an extractor with one group', { ...valid, serial: { sysDescr: /SN:(\S+)/ } }, true],
    ['an unknown type', { ...valid, type: 'toaster' }, false],
    ['an unknown field', { ...valid, quirk: true }, false],
  ])('%s', (_name, profile, ok) => {
    expect(VendorProfile.safeParse(profile).success).toBe(ok);
  });
});
