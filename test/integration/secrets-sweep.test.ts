/**
 * Issue 9: every kind of secret configured (community, SNMPv3 keys, PJLink password, hub token and
 * signing secret, GLPI token), then a scan, a report pushed to the hub and every export: none of
 * them appears in any output, file (database included: the app seals them) or log line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import snmp from 'net-snmp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine';
import { startHub, type ReferenceHub } from '../../electron/engine/hub';
import { createLogger } from '../../electron/engine/log';
import type { SecretCipher } from '../../electron/engine/secret-box';
import type { Engine } from '../../electron/engine/types';
import { PJLINK_PASSWORD, startSchoolNetwork, type SchoolNetwork } from '../simulator/school-network';
import { startV3Agent, type V3Agent } from '../simulator/v3-agent';

const COMMUNITY = 'lycee-ro-Kq7s';
const AUTH_KEY = 'auth-Hq2w8e4r';
const PRIV_KEY = 'priv-Zx9c7v5b';
const TOKEN = 'hub-token-Mm4n6b';
const SIGNING = 'hub-secret-Pp1o9i';
const GLPI_TOKEN = 'glpi:Gg5t3r1e';
const SECRETS = [COMMUNITY, AUTH_KEY, PRIV_KEY, TOKEN, SIGNING, GLPI_TOKEN, PJLINK_PASSWORD];

/** A stand-in for Electron's safeStorage. */
const cipher: SecretCipher = {
  encrypt: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x33)),
  decrypt: (sealed) => Buffer.from(sealed.map((b) => b ^ 0x33)).toString('utf8'),
};

/** Every file under `dir`, as Latin-1 text (binary files included). */
function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? filesUnder(path)
      : [{ path, text: readFileSync(path).toString('latin1') }];
  });
}

describe('no secret anywhere', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parc-secrets-'));
  const logs: string[] = [];
  const outputs: string[] = [];
  let school: SchoolNetwork;
  let agent: V3Agent;
  let hub: ReferenceHub;
  let engine: Engine;

  beforeAll(async () => {
    school = await startSchoolNetwork('127.77.6', undefined, [COMMUNITY]);
    agent = await startV3Agent({
      address: '127.77.6.200',
      users: [
        {
          name: 'parc',
          level: snmp.SecurityLevel.authPriv,
          authProtocol: snmp.AuthProtocols.sha,
          authKey: AUTH_KEY,
          privProtocol: snmp.PrivProtocols.aes,
          privKey: PRIV_KEY,
        },
      ],
      system: { sysName: 'srv-v3' },
    });
    hub = await startHub({
      port: 0,
      dbPath: join(dir, 'hub', 'hub.db'),
      schools: [{ name: 'l', token: TOKEN, secret: SIGNING }],
    });
    engine = createEngine({
      dbPath: join(dir, 'parc', 'parc.db'),
      secretCipher: cipher,
      logger: createLogger((line) => logs.push(line), 'debug'),
      readNeighbours: async () => new Map(),
    });
    engine.credentials.add({ kind: 'community', version: '2c', community: COMMUNITY });
    engine.credentials.add({
      kind: 'v3',
      user: 'parc',
      auth: { protocol: 'sha', key: AUTH_KEY },
      priv: { protocol: 'aes', key: PRIV_KEY },
    });
    engine.settings.set({
      uai: '0750655E',
      hubUrl: `${hub.url}/api/reports`,
      glpiUrl: 'http://127.0.0.1:9/glpi/',
    });
    engine.reports.secrets.set('hubToken', TOKEN);
    engine.reports.secrets.set('hubSecret', SIGNING);
    engine.reports.secrets.set('glpiToken', GLPI_TOKEN);

    const request = school.request();
    for (const scanRequest of [
      { ...request, credentials: engine.credentials.secrets() },
      {
        targets: ['127.77.6.200'],
        credentials: engine.credentials.secrets(),
        port: agent.port,
        agentless: false,
      },
    ]) {
      const scan = await engine.scan.start(scanRequest);
      outputs.push(JSON.stringify(await scan.done));
    }
    engine.reports.make();
    outputs.push(JSON.stringify(await engine.reports.push()), JSON.stringify(engine.reports.outbox()));
    outputs.push(JSON.stringify(engine.reports.preview()), JSON.stringify(engine.credentials.list()));
    engine.reports.glpi.enqueueInventory();
    outputs.push(
      JSON.stringify(await engine.reports.glpi.push()),
      JSON.stringify(engine.reports.glpi.outbox()),
    );
    mkdirSync(join(dir, 'exports'));
    for (const format of ['csv', 'xlsx', 'json', 'glpi'] as const)
      await engine.exports.write(format, join(dir, 'exports', format));
    outputs.push(JSON.stringify(engine.projectors.list()), JSON.stringify(engine.inventory.list({})));
  }, 60_000);
  afterAll(async () => {
    engine?.close();
    await hub?.close();
    agent?.close();
    await school?.stop();
  });

  it('the scan found the SNMPv3 server, the devices behind the community and the locked projector', () => {
    const devices = engine.inventory.list({});
    expect(devices.find((d) => d.ip === '127.77.6.200')?.sysName).toBe('srv-v3');
    expect(devices.find((d) => d.ip === '127.77.6.105')?.model).toBe('ME402X');
    expect(hub.list()).toHaveLength(1);
  });

  it.each(SECRETS)('%s is in no output, no file, no log line', (secret) => {
    engine.close();
    const files = filesUnder(dir);
    expect(files.length).toBeGreaterThan(5);
    for (const { path, text } of files) expect(text.includes(secret), path).toBe(false);
    for (const line of logs) expect(line).not.toContain(secret);
    for (const output of outputs) expect(output).not.toContain(secret);
  });
});
