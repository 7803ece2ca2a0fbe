/**
 * Access to Parc's own SNMP recordings: `test/fixtures/snmprec/<name>.snmprec` (snmprec format, see snmprec.ts)
 * and their golden identification `test/fixtures/expected/<name>.json`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DeviceType, MacAddress } from '../../shared/domain/device';
import { parseSnmprec, type SnmprecRecord } from './snmprec';

/** Absolute path of `test/fixtures`. */
export const FIXTURE_DIR = join(__dirname, '..', 'fixtures');

/** What a correct identification of a fixture gives; null where the device does not tell. */
export const ExpectedIdentity = z
  .object({
    type: DeviceType,
    vendor: z.string().nullable(),
    model: z.string().nullable(),
    serial: z.string().nullable(),
    /** From the first ethernetCsmacd (ifType 6) row's ifPhysAddress, `aa:bb:cc:dd:ee:ff`. */
    mac: MacAddress.nullable(),
    sysName: z.string().nullable(),
    firmware: z.string().nullable(),
  })
  .strict();
export type ExpectedIdentity = z.infer<typeof ExpectedIdentity>;

/** Names of every recording (file names without `.snmprec`), sorted alphabetically. */
export function listFixtures(): string[] {
  return readdirSync(join(FIXTURE_DIR, 'snmprec'))
    .filter((file) => file.endsWith('.snmprec'))
    .map((file) => file.slice(0, -'.snmprec'.length))
    .sort();
}

/** Path of a recording, usable as `SimDevice.records`. */
export function fixturePath(name: string): string {
  return join(FIXTURE_DIR, 'snmprec', `${name}.snmprec`);
}

/**
 * A recording's records, sorted by OID.
 * @throws Error when the file is missing or malformed.
 */
export function loadFixture(name: string): SnmprecRecord[] {
  return parseSnmprec(readFileSync(fixturePath(name), 'utf8'));
}

/**
 * A recording's golden identification.
 * @throws Error when the file is missing or does not match ExpectedIdentity.
 */
export function loadExpected(name: string): ExpectedIdentity {
  const text = readFileSync(join(FIXTURE_DIR, 'expected', `${name}.json`), 'utf8');
  return ExpectedIdentity.parse(JSON.parse(text));
}
