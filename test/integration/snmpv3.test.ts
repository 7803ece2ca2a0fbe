/**
 * SNMPv3 through the whole scan, against a real USM agent (net-snmp's Agent): authPriv with
 * SHA/AES, SHA-256/AES and MD5/DES, authNoPriv with SHA; a wrong key finds nothing and leaks nothing.
 */
import snmp from 'net-snmp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine';
import type { Credential } from '../../shared/domain/credentials';
import { startV3Agent, type V3Agent } from '../simulator/v3-agent';

const AUTH = 'auth-passphrase-42';
const PRIV = 'priv-passphrase-42';

describe('SNMPv3 scan', () => {
  let agent: V3Agent;
  beforeAll(async () => {
    agent = await startV3Agent({
      address: '127.79.0.1',
      users: [
        {
          name: 'parc-sha',
          level: snmp.SecurityLevel.authPriv,
          authProtocol: snmp.AuthProtocols.sha,
          authKey: AUTH,
          privProtocol: snmp.PrivProtocols.aes,
          privKey: PRIV,
        },
        {
          name: 'parc-sha256',
          level: snmp.SecurityLevel.authPriv,
          authProtocol: snmp.AuthProtocols.sha256,
          authKey: AUTH,
          privProtocol: snmp.PrivProtocols.aes,
          privKey: PRIV,
        },
        {
          name: 'parc-md5-des',
          level: snmp.SecurityLevel.authPriv,
          authProtocol: snmp.AuthProtocols.md5,
          authKey: AUTH,
          privProtocol: snmp.PrivProtocols.des,
          privKey: PRIV,
        },
        {
          name: 'parc-noPriv',
          level: snmp.SecurityLevel.authNoPriv,
          authProtocol: snmp.AuthProtocols.sha,
          authKey: AUTH,
        },
      ],
      system: { sysName: 'srv-pedago' },
    });
  });
  afterAll(() => agent.close());

  const scan = async (credential: Credential) => {
    const logs: string[] = [];
    const engine = createEngine({
      dbPath: ':memory:',
      logger: {
        debug: (m) => logs.push(m),
        info: (m) => logs.push(m),
        warn: (m) => logs.push(m),
        error: (m) => logs.push(m),
      },
    });
    const handle = await engine.scan.start({
      targets: [agent.address],
      credentials: [credential],
      port: agent.port,
      timeoutMs: 700,
      retries: 1,
    });
    const result = await handle.done;
    engine.close();
    return { ...result, logs };
  };

  it.each([
    [
      'sha/aes',
      {
        kind: 'v3',
        user: 'parc-sha',
        auth: { protocol: 'sha', key: AUTH },
        priv: { protocol: 'aes', key: PRIV },
      },
    ],
    [
      'sha256/aes',
      {
        kind: 'v3',
        user: 'parc-sha256',
        auth: { protocol: 'sha256', key: AUTH },
        priv: { protocol: 'aes', key: PRIV },
      },
    ],
    [
      'md5/des',
      {
        kind: 'v3',
        user: 'parc-md5-des',
        auth: { protocol: 'md5', key: AUTH },
        priv: { protocol: 'des', key: PRIV },
      },
    ],
    ['sha authNoPriv', { kind: 'v3', user: 'parc-noPriv', auth: { protocol: 'sha', key: AUTH } }],
  ] as [string, Credential][])('reads the device with %s', async (_, credential) => {
    const { devices } = await scan(credential);
    expect(devices.map((d) => [d.ip, d.sysName, d.uptimeSeconds])).toEqual([
      ['127.79.0.1', 'srv-pedago', 1234],
    ]);
  });

  it('finds nothing with a wrong key, and the key appears nowhere', async () => {
    const wrong: Credential = {
      kind: 'v3',
      user: 'parc-sha',
      auth: { protocol: 'sha', key: 'not-the-key-123' },
      priv: { protocol: 'aes', key: PRIV },
    };
    const result = await scan(wrong);
    expect(result.devices).toEqual([]);
    expect(JSON.stringify(result)).not.toContain('not-the-key-123');
    expect(JSON.stringify(result)).not.toContain(PRIV);
  });

  it('reports an unknown user as a refused credential', async () => {
    const unknown: Credential = { kind: 'v3', user: 'nobody', auth: { protocol: 'sha', key: AUTH } };
    const { devices, scan: summary } = await scan(unknown);
    expect(devices).toEqual([]);
    expect(summary.problems).toEqual([
      { ip: '127.79.0.1', reason: 'SNMPv3 credential refused by the agent' },
    ]);
  });
});
