import { getCiphers } from 'node:crypto';
import * as snmp from 'net-snmp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startV3Agent, type V3Agent } from '../../simulator/v3-agent';
import { closeSessions, get, openV3Session } from './snmp-client';

const SYS_NAME = '1.3.6.1.2.1.1.5.0';
const { authPriv, authNoPriv } = snmp.SecurityLevel;
const { sha, sha256, md5 } = snmp.AuthProtocols;
const { aes, des } = snmp.PrivProtocols;

const USERS: Record<string, snmp.User> = {
  shaAes: {
    name: 'parc-sha-aes',
    level: authPriv,
    authProtocol: sha,
    authKey: 'auth-passphrase-1',
    privProtocol: aes,
    privKey: 'priv-passphrase-1',
  },
  sha256Aes: {
    name: 'parc-sha256-aes',
    level: authPriv,
    authProtocol: sha256,
    authKey: 'auth-passphrase-2',
    privProtocol: aes,
    privKey: 'priv-passphrase-2',
  },
  md5Des: {
    name: 'parc-md5-des',
    level: authPriv,
    authProtocol: md5,
    authKey: 'auth-passphrase-3',
    privProtocol: des,
    privKey: 'priv-passphrase-3',
  },
  shaOnly: { name: 'parc-sha', level: authNoPriv, authProtocol: sha, authKey: 'auth-passphrase-4' },
};

/** Node 20 ships OpenSSL 3, whose default provider has no single DES. */
const DES_AVAILABLE = getCiphers().includes('des-cbc');

let agent: V3Agent;
beforeAll(async () => {
  agent = await startV3Agent({
    address: '127.0.0.31',
    users: Object.values(USERS),
    system: { sysName: 'srv-v3' },
  });
});
afterAll(async () => {
  closeSessions();
  await agent.close();
});

const sysName = async (user: snmp.User, timeout?: number) =>
  String((await get(openV3Session(agent.address, agent.port, user, timeout), [SYS_NAME]))[0].value);

describe('startV3Agent', () => {
  it.each([
    ['sha/aes authPriv', USERS.shaAes],
    ['sha256/aes authPriv', USERS.sha256Aes],
    ['sha authNoPriv', USERS.shaOnly],
  ])('serves sysName.0 to %s', async (_, user) => {
    expect(await sysName(user)).toBe('srv-v3');
  });

  it('serves sysName.0 to md5/des authPriv (with OpenSSL legacy provider, see vitest.config.mts)', async () => {
    expect(DES_AVAILABLE).toBe(true);
    expect(await sysName(USERS.md5Des)).toBe('srv-v3');
  });

  it('serves the whole system group', async () => {
    const varbinds = await get(
      openV3Session(agent.address, agent.port, USERS.shaAes),
      [2, 3, 7].map((n) => `1.3.6.1.2.1.1.${n}.0`),
    );
    expect(varbinds.map((varbind) => varbind.value)).toEqual(['1.3.6.1.4.1.8072.3.2.10', 123456, 72]);
  });

  it.each([
    [
      'a wrong auth key (silently dropped)',
      { ...USERS.shaAes, authKey: 'not-the-passphrase' },
      'RequestTimedOutError',
    ],
    [
      'a wrong priv key (silently dropped)',
      { ...USERS.shaAes, privKey: 'not-the-passphrase' },
      'RequestTimedOutError',
    ],
    [
      'an unknown user (usmStatsUnknownUserNames report)',
      { ...USERS.shaAes, name: 'intruder' },
      'ResponseInvalidError',
    ],
  ])('refuses %s', async (_, user, name) => {
    await expect(sysName(user, 300)).rejects.toMatchObject({ name });
  });
});
