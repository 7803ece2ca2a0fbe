import { describe, expect, it } from 'vitest';
import type { VendorProfile } from '../../../electron/engine/identify/profile-schema';
import { PROFILES } from '../../../electron/engine/identify/profiles';
import { MAX_PLAUSIBLE_HOURS, readProjectorSnmp } from '../../../electron/engine/projectors/snmp-projector';
import { SnmpError, type SnmpSession } from '../../../electron/engine/snmp/session';
import { fakeNetwork, type FakeHost } from '../../helpers/fake-session';

const EPSON_LAMP = '1.3.6.1.4.1.1248.4.1.1.1.1.0';

/** A session on one fake agent, counting the GETs it sends. */
function sessionOn(
  objects: FakeHost['objects'],
  answers?: number,
): { session: SnmpSession; gets: () => number } {
  const { factory } = fakeNetwork({ '127.0.0.1': { communities: ['public'], objects, answers } });
  const inner = factory(
    '127.0.0.1',
    { kind: 'community', version: '2c', community: 'public' },
    { port: 161, timeoutMs: 100, retries: 0 },
  );
  let count = 0;
  const session: SnmpSession = {
    ...inner,
    get: (oids) => {
      count++;
      return inner.get(oids);
    },
  };
  return { session, gets: () => count };
}

const epson = PROFILES.find((profile) => profile.id === 'epson-projector') as VendorProfile;

/** A made-up vendor (enterprise 99999) with two lamp OIDs, a text filter OID with an extractor. */
const acme: VendorProfile = {
  id: 'acme-projector',
  vendor: 'ACME',
  match: [{ sysObjectIDPrefix: '1.3.6.1.4.1.99999' }],
  type: 'projector',
  projector: {
    lampHours: ['1.3.6.1.4.1.99999.1.0', '1.3.6.1.4.1.99999.2.0'],
    filterHours: [{ oid: '1.3.6.1.4.1.99999.3.0', pattern: /^Filter (\d+) ?h$/ }],
  },
};

describe('readProjectorSnmp', () => {
  it('reads the Epson lamp hours', async () => {
    const { session } = sessionOn({ [EPSON_LAMP]: 79 });
    expect(await readProjectorSnmp(session, epson)).toEqual({ lampHours: 79, filterHours: null });
  });

  it.each([
    ['absent (noSuchObject)', {}, null],
    ['negative', { [EPSON_LAMP]: -1 }, null],
    ['above the plausible maximum', { [EPSON_LAMP]: MAX_PLAUSIBLE_HOURS + 1 }, null],
    ['at the plausible maximum', { [EPSON_LAMP]: MAX_PLAUSIBLE_HOURS }, MAX_PLAUSIBLE_HOURS],
    ['zero on a new lamp', { [EPSON_LAMP]: 0 }, 0],
    ['decimal digits sent as text', { [EPSON_LAMP]: ' 1873 ' }, 1873],
    ['text that is not a number', { [EPSON_LAMP]: 'EB-725Wi' }, null],
  ])('Epson lamp hours %s', async (_name, objects, lampHours) => {
    const { session } = sessionOn(objects);
    expect((await readProjectorSnmp(session, epson)).lampHours).toBe(lampHours);
  });

  it('takes the first OID with a plausible value, in the profile order', async () => {
    const { session } = sessionOn({ '1.3.6.1.4.1.99999.1.0': 999_999, '1.3.6.1.4.1.99999.2.0': 4200 });
    expect((await readProjectorSnmp(session, acme)).lampHours).toBe(4200);
  });

  it('prefers the first OID when both are plausible', async () => {
    const { session } = sessionOn({ '1.3.6.1.4.1.99999.1.0': 12, '1.3.6.1.4.1.99999.2.0': 4200 });
    expect((await readProjectorSnmp(session, acme)).lampHours).toBe(12);
  });

  it.each([
    ['Filter 350 h', 350],
    ['Filter 350h', 350],
    ['Filtre 350 h', null],
  ])('extracts filter hours from %j', async (text, filterHours) => {
    const { session } = sessionOn({ '1.3.6.1.4.1.99999.3.0': text });
    expect((await readProjectorSnmp(session, acme)).filterHours).toBe(filterHours);
  });

  it('sends one GET for all the OIDs', async () => {
    const { session, gets } = sessionOn({ '1.3.6.1.4.1.99999.1.0': 12 });
    await readProjectorSnmp(session, acme);
    expect(gets()).toBe(1);
  });

  it('sends nothing for a profile without projector OIDs', async () => {
    const { session, gets } = sessionOn({ [EPSON_LAMP]: 79 });
    const printer = PROFILES.find((profile) => profile.id === 'epson-printer') as VendorProfile;
    expect(await readProjectorSnmp(session, printer)).toEqual({ lampHours: null, filterHours: null });
    expect(gets()).toBe(0);
  });

  it('throws SnmpError when the agent does not answer', async () => {
    const { session } = sessionOn({ [EPSON_LAMP]: 79 }, 0);
    await expect(readProjectorSnmp(session, epson)).rejects.toBeInstanceOf(SnmpError);
  });
});
