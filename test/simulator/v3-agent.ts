/**
 * A real SNMPv3 agent for tests (net-snmp's Agent, USM per RFC 3414): serves the SNMPv2-MIB system group
 * (RFC 3418, `1.3.6.1.2.1.1`) to the USM users given, on a loopback address. The community simulator in
 * simulator.ts does not speak v3; this agent covers authentication and privacy.
 */
import { createSocket } from 'node:dgram';
import * as snmp from 'net-snmp';

/** The SNMPv2-MIB system group scalars (RFC 3418). */
export interface SystemGroup {
  readonly sysDescr: string;
  readonly sysObjectID: string;
  /** Hundredths of a second. */
  readonly sysUpTime: number;
  readonly sysContact: string;
  readonly sysName: string;
  readonly sysLocation: string;
  readonly sysServices: number;
}

/** How to start the agent. */
export interface V3AgentOptions {
  /** Loopback address to bind, in 127.0.0.0/8; default `127.0.0.1`. */
  readonly address?: string;
  /** USM users, as net-snmp's `User` (name, level, auth/priv protocols and passphrases). */
  readonly users: readonly snmp.User[];
  /** Overrides of the default system group values. */
  readonly system?: Partial<SystemGroup>;
}

/** A running agent. */
export interface V3Agent {
  readonly address: string;
  readonly port: number;
  /** Closes the agent's socket. */
  close(): Promise<void>;
}

/** The part of net-snmp's Agent used here (its typings declare `createAgent` as returning `any`). */
interface NetSnmpAgent {
  getAuthorizer(): { addUser(user: snmp.User): void };
  getMib(): {
    registerProvider(provider: object): void;
    setScalarValue(name: string, value: string | number): void;
  };
  listener: { sockets: Record<string, import('node:dgram').Socket> };
  close(callback?: () => void): void;
}

/** Default system group: a plausible Net-SNMP Linux host. */
export const DEFAULT_SYSTEM: SystemGroup = {
  sysDescr: 'Linux srv-v3 6.1.0-18-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 x86_64',
  sysObjectID: '1.3.6.1.4.1.8072.3.2.10',
  sysUpTime: 123_456,
  sysContact: 'Référent numérique <tice@lycee.example>',
  sysName: 'srv-v3',
  sysLocation: 'Salle serveur',
  sysServices: 72,
};

const SCALAR_TYPES: Readonly<Record<keyof SystemGroup, snmp.ObjectType>> = {
  sysDescr: snmp.ObjectType.OctetString,
  sysObjectID: snmp.ObjectType.OID,
  sysUpTime: snmp.ObjectType.TimeTicks,
  sysContact: snmp.ObjectType.OctetString,
  sysName: snmp.ObjectType.OctetString,
  sysLocation: snmp.ObjectType.OctetString,
  sysServices: snmp.ObjectType.Integer,
};

/**
 * Starts the agent on a free UDP port and resolves once its socket listens.
 * @throws Error when the address is not loopback or the socket cannot be bound.
 */
export async function startV3Agent(options: V3AgentOptions): Promise<V3Agent> {
  const address = options.address ?? '127.0.0.1';
  if (!address.startsWith('127.')) throw new Error(`the v3 agent must use 127.0.0.0/8, not '${address}'`);
  // net-snmp turns port 0 into 161, so find a free port first.
  const port = await freeUdpPort(address);
  const agent: NetSnmpAgent = snmp.createAgent(
    { port, address, disableAuthorization: false },
    () => undefined,
  );
  await Promise.all(Object.values(agent.listener.sockets).map(listening));

  for (const user of options.users) agent.getAuthorizer().addUser(user);
  const system = { ...DEFAULT_SYSTEM, ...options.system };
  const mib = agent.getMib();
  (Object.keys(SCALAR_TYPES) as (keyof SystemGroup)[]).forEach((name, i) => {
    mib.registerProvider({
      name,
      type: snmp.MibProviderType.Scalar,
      oid: `1.3.6.1.2.1.1.${i + 1}`,
      scalarType: SCALAR_TYPES[name],
      maxAccess: snmp.MaxAccess['read-only'],
    });
    mib.setScalarValue(name, system[name]);
  });

  return { address, port, close: () => new Promise((resolve) => agent.close(() => resolve())) };
}

function freeUdpPort(address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, address, () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}

function listening(socket: import('node:dgram').Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('listening', () => resolve());
    socket.once('error', reject);
  });
}
