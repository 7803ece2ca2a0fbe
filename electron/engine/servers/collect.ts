/**
 * One collection of a watched file server (issue 5): SNMP (HOST-RESOURCES-MIB, UCD-SNMP-MIB,
 * NAS MIBs), systeminformation when Parc runs on the server, and the SMB check, as the
 * server's configuration says. A source that fails adds a line to `problems`; nothing throws.
 */
import type { Credential } from '../../../shared/domain/credentials';
import type { ServerConfig, ServerSample } from '../../../shared/domain/server';
import { probeHost, probeSystem } from '../discovery/probe';
import { SnmpError, type SessionFactory, type SnmpSession } from '../snmp/session';
import { collectLocal, type LocalFigures, type LocalSystemInfo } from './local';
import { checkSmb } from './smb';
import {
  memoryFromHrStorage,
  readHrStorage,
  readHrSystem,
  servicesRunning,
  volumesFromHrStorage,
} from './snmp-host';
import { readNasHealth } from './snmp-nas';
import { readUcd } from './snmp-ucd';

/** What `collectServer` needs from the world. Times in milliseconds. */
export interface CollectServerDeps {
  /** Opens SNMP sessions (the real net-snmp factory, or a fake). */
  openSession: SessionFactory;
  /** SNMP credentials to try, in order (the first one the agent accepts wins). */
  credentials: readonly Credential[];
  /** The SMB account's password (decrypted by the caller), or null. */
  password: string | null;
  /** The clock: the sample's `at`. */
  now: () => Date;
  /** Per SNMP request, per SMB step, per local call. */
  timeoutMs: number;
  /** systeminformation for `local` servers (tests pass a fake). */
  si?: LocalSystemInfo;
  /** smbclient's path (default from PATH). */
  smbclientPath?: string;
}

/** What the SNMP part found: the local collection's figures, and a NAS's health. */
type SnmpFigures = Omit<LocalFigures, 'problems'> & { nas: ServerSample['nas'] };

function why(error: unknown): string {
  if (error instanceof SnmpError) return error.message;
  return error instanceof Error ? error.message : 'unknown error';
}

/** Reads every SNMP source on an open session; each failing source adds a problem. */
async function readSnmp(session: SnmpSession, problems: string[]): Promise<SnmpFigures> {
  const part = async <T>(what: string, read: () => Promise<T>): Promise<T | null> => {
    try {
      return await read();
    } catch (error) {
      problems.push(`SNMP ${what}: ${why(error)}`);
      return null;
    }
  };
  const ucd = await part('UCD-SNMP-MIB', () => readUcd(session));
  const storage = await part('hrStorageTable', () => readHrStorage(session));
  const system = await part('HOST-RESOURCES-MIB system', () => readHrSystem(session));
  const nas = await part('NAS MIB', () => readNasHealth(session));
  const hrMemory = storage ? memoryFromHrStorage(storage) : null;
  const useUcdMemory = ucd?.memoryTotalBytes != null && ucd.memoryAvailableBytes != null;
  return {
    volumes: volumesFromHrStorage(storage ?? [], ucd?.disks ?? []),
    cpuPercent: system?.cpuPercent ?? null,
    cpuCount: system?.cpuCount ?? null,
    load: ucd?.load ?? null,
    memoryTotalBytes: useUcdMemory ? ucd.memoryTotalBytes : (hrMemory?.totalBytes ?? null),
    memoryAvailableBytes: useUcdMemory ? ucd.memoryAvailableBytes : (hrMemory?.availableBytes ?? null),
    uptimeSeconds: system?.uptimeSeconds ?? null,
    processNames: system?.processNames ?? null,
    nas,
  };
}

/** Opens the agent with the first credential it accepts (as the scan's probe) and reads it. */
async function collectSnmp(
  config: ServerConfig,
  deps: CollectServerDeps,
  problems: string[],
): Promise<SnmpFigures | null> {
  if (deps.credentials.length === 0) {
    problems.push('SNMP: no credential to try');
    return null;
  }
  const outcome = await probeHost(
    config.address,
    deps.credentials,
    deps.credentials.map((_, i) => i),
    deps.openSession,
    { port: config.snmpPort, timeoutMs: deps.timeoutMs, retries: 1 },
    probeSystem,
  );
  if (outcome.kind === 'silent') {
    problems.push('SNMP: no answer with any credential (timeout)');
    return null;
  }
  if (outcome.kind === 'refused') {
    problems.push(`SNMP: refused (${outcome.reason})`);
    return null;
  }
  try {
    return await readSnmp(outcome.session, problems);
  } finally {
    outcome.session.close();
  }
}

/**
 * Collects one sample of a watched server.
 * - SNMP (`config.snmp`): the credentials in order; volumes from hrStorageTable with UCD's
 *   64-bit dskTable preferred per mount, load (laLoad), memory (memTotalReal/memAvailReal, else
 *   hrStorageRam), uptime (hrSystemUptime), processor load, processes (hrSWRunName), NAS health.
 * - Local (`config.local`): systeminformation fills what SNMP did not give (all of it without SNMP).
 * - SMB: always a NEGOTIATE on `config.smbPort`; a listing of `config.smbShare` when set.
 * - Services: `config.services` against the process names (SNMP first, else local).
 * @returns the sample; `problems` lists what could not be read (never a secret). Never throws.
 */
export async function collectServer(config: ServerConfig, deps: CollectServerDeps): Promise<ServerSample> {
  const at = deps.now().toISOString();
  const problems: string[] = [];
  const [snmp, local, smb] = await Promise.all([
    config.snmp ? collectSnmp(config, deps, problems) : Promise.resolve(null),
    config.local ? collectLocal(deps.timeoutMs, deps.si) : Promise.resolve(null),
    checkSmb(config.address, {
      port: config.smbPort,
      share: config.smbShare,
      user: config.smbUser,
      password: deps.password,
      timeoutMs: deps.timeoutMs,
      smbclientPath: deps.smbclientPath,
    }).catch((error: unknown): ServerSample['smb'] => {
      problems.push(`SMB: ${why(error)}`);
      return null;
    }),
  ]);
  if (local) problems.push(...local.problems);
  const pick = <K extends keyof SnmpFigures & keyof NonNullable<typeof local>>(key: K) =>
    (snmp?.[key] ?? local?.[key] ?? null) as SnmpFigures[K] | null;
  const volumes = snmp?.volumes.length ? snmp.volumes : (local?.volumes ?? []);
  const processNames = pick('processNames');
  if (config.services.length > 0 && processNames === null) {
    problems.push('services: the process list could not be read');
  }
  return {
    at,
    cpuPercent: pick('cpuPercent'),
    cpuCount: pick('cpuCount'),
    load: pick('load'),
    memoryTotalBytes: pick('memoryTotalBytes'),
    memoryAvailableBytes: pick('memoryAvailableBytes'),
    uptimeSeconds: pick('uptimeSeconds'),
    volumes,
    services: processNames ? servicesRunning(config.services, processNames) : [],
    smb,
    nas: snmp?.nas ?? null,
    problems,
  };
}
