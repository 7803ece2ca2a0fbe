/**
 * Issue 2's acceptance on real device recordings: `parc scan 127.20.0.0/24 -c public -c lycee-ro --json`
 * run as a user runs it (the built CLI in a child process) against ../shared/lab.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { walk } from '../../electron/engine/snmp/read';
import { createNetSnmpSession } from '../../electron/engine/snmp/session';
import { macFromBytes } from '../../electron/engine/snmp/values';
import type { Device } from '../../shared/domain/device';
import { loadLab, type LabDevice } from './lab';

const run = promisify(execFile);
const lab = loadLab();
const PARC = resolve(__dirname, '../../bin/parc.js');

/** The lab's type names → Parc's. */
const TYPE: Record<string, string> = { ap: 'access-point' };
/** Vendor names that say the same thing differently (lab name → words Parc may use). */
const VENDOR_ALIASES: Record<string, string[]> = {
  windows: ['microsoft'],
  'utax (kyocera oem)': ['utax', 'kyocera'],
  'linux net-snmp': ['net-snmp'],
  truenas: ['ixsystems'], // TrueNAS is iXsystems' product line
};

function vendorMatches(ours: string | null, expected: string): boolean {
  if (!ours) return false;
  const a = ours.toLowerCase();
  const e = expected.toLowerCase();
  const words = [e.split(/\s+/)[0], ...(VENDOR_ALIASES[e] ?? [])];
  return words.some((w) => a.includes(w) || w.includes(a.split(/\s+/)[0]));
}

/** Every MAC that belongs to a lab device: its ifPhysAddress values and its bridge address. */
async function macsOf(device: LabDevice): Promise<Set<string>> {
  const session = createNetSnmpSession(
    device.ip,
    { kind: 'community', version: '2c', community: device.community },
    { port: device.port, timeoutMs: 2000, retries: 1 },
  );
  try {
    const { varbinds } = await walk(session, '1.3.6.1.2.1.2.2.1.6');
    const [bridge] = await session.get(['1.3.6.1.2.1.17.1.1.0']);
    const all = [...varbinds, ...(bridge ? [bridge] : [])];
    return new Set(
      all
        .map((vb) => (Buffer.isBuffer(vb.value) ? macFromBytes(vb.value) : null))
        .filter(Boolean) as string[],
    );
  } finally {
    session.close();
  }
}

describe.skipIf('skip' in lab)(`lab scan of 127.20.0.0/24${'skip' in lab ? ` — ${lab.skip}` : ''}`, () => {
  const manifest = 'devices' in lab ? lab.devices.filter((d) => d.ip.startsWith('127.20.0.')) : [];
  const expected = manifest.filter((d) => d.role === 'device' || d.role === 'credential-fallback');
  const absent = manifest.filter((d) => d.role === 'silent' || d.role === 'closed');
  let devices: Device[] = [];
  let byIp = new Map<string, Device>();
  const db = join(mkdtempSync(join(tmpdir(), 'parc-lab-')), 'parc.db');
  const scan = () =>
    run(
      process.execPath,
      [PARC, 'scan', '127.20.0.0/24', '-c', 'public', '-c', 'lycee-ro', '--json', '--db', db],
      {
        maxBuffer: 64 * 1024 * 1024,
      },
    );

  beforeAll(async () => {
    const { stdout } = await scan();
    devices = (JSON.parse(stdout) as { devices: Device[] }).devices;
    byIp = new Map(devices.map((d) => [d.ip, d]));
  });

  it('lists every device of the manifest and none of the silent or closed addresses', () => {
    expect(expected.filter((d) => !byIp.has(d.ip)).map((d) => d.name)).toEqual([]);
    expect(absent.filter((d) => byIp.has(d.ip)).map((d) => d.name)).toEqual([]);
    expect(devices).toHaveLength(expected.length);
  });

  it('types right at least 36 of the 38 typed devices', () => {
    const typed = expected.filter((d) => d.role === 'device');
    const wrong = typed.filter((d) => byIp.get(d.ip)?.type !== (TYPE[d.type] ?? d.type));
    console.info(
      `lab: type right for ${typed.length - wrong.length}/${typed.length}`,
      wrong.map((d) => `${d.name}: ${byIp.get(d.ip)?.type}`),
    );
    expect(typed.length - wrong.length).toBeGreaterThanOrEqual(36);
  });

  it('finds the vendor of at least 36 of the 38 typed devices', () => {
    const typed = expected.filter((d) => d.role === 'device');
    const wrong = typed.filter((d) => !vendorMatches(byIp.get(d.ip)?.vendor ?? null, d.vendor));
    console.info(
      `lab: vendor right for ${typed.length - wrong.length}/${typed.length}`,
      wrong.map((d) => `${d.name}: ${byIp.get(d.ip)?.vendor}`),
    );
    expect(typed.length - wrong.length).toBeGreaterThanOrEqual(36);
  });

  it('reads the serial wherever the manifest has one', () => {
    const withSerial = expected.filter((d) => d.serial);
    const wrong = withSerial.filter((d) => byIp.get(d.ip)?.serial !== d.serial);
    console.info(`lab: serial right for ${withSerial.length - wrong.length}/${withSerial.length}`);
    expect(wrong.map((d) => `${d.name}: ${byIp.get(d.ip)?.serial} ≠ ${d.serial}`)).toEqual([]);
  });

  it('gives a MAC that belongs to the device wherever the manifest has one', async () => {
    const withMac = expected.filter((d) => d.mac);
    const wrong: string[] = [];
    for (const d of withMac) {
      const mac = byIp.get(d.ip)?.mac;
      if (!mac || !(await macsOf(d)).has(mac)) wrong.push(`${d.name}: ${mac}`);
    }
    console.info(`lab: MAC right for ${withMac.length - wrong.length}/${withMac.length}`);
    expect(wrong).toEqual([]);
  });

  it('keeps sysName exactly as served', () => {
    const wrong = expected.filter((d) => (byIp.get(d.ip)?.sysName ?? '') !== d.sysName);
    expect(wrong.map((d) => `${d.name}: ${byIp.get(d.ip)?.sysName}`)).toEqual([]);
  });

  it('types the Epson projector a projector (not a printer) and reads its lamp hours from its MIB', async () => {
    const epson = expected.find((d) => d.name === 'epson-projector_eb-4770w');
    expect(byIp.get(epson?.ip ?? '')).toMatchObject({ type: 'projector', vendor: 'Epson' });
    const { stdout } = await run(process.execPath, [PARC, 'projectors', '--json', '--db', db]);
    const { projectors } = JSON.parse(stdout) as {
      projectors: { ip: string; lamps: { hours: number }[]; source: string }[];
    };
    expect(projectors.find((p) => p.ip === epson?.ip)).toMatchObject({
      source: 'snmp',
      lamps: [{ hours: 79 }],
    });
  });

  it('a second identical scan keeps the device count and moves lastSeen', async () => {
    const { stdout } = await scan();
    const again = (JSON.parse(stdout) as { devices: Device[] }).devices;
    expect(again).toHaveLength(devices.length);
    const before = byIp.get('127.20.0.100');
    const after = again.find((d) => d.ip === '127.20.0.100');
    expect(after?.id).toBe(before?.id);
    expect(after && before && after.lastSeen > before.lastSeen).toBe(true);
  });
});

if ('skip' in lab) console.warn(`\n*** ${lab.skip} ***\n`);
