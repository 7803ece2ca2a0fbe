/**
 * The SNMP sweep: every address of the targets is probed with the credentials (bounded
 * concurrency, paced), each host that answers is read and identified, and each result is
 * stored in its own transaction as it arrives, so a cancelled or killed scan keeps what it found.
 */
import type { Credential } from '../../../shared/domain/credentials';
import type { ScanOptions, ScanProblem, ScanProgress } from '../../../shared/domain/scan';
import type { CredentialsRepo } from '../db/repositories/credentials-repo';
import type { DevicesRepo } from '../db/repositories/devices-repo';
import { identifyDevice } from '../identify/identify';
import type { Logger } from '../log';
import type { SystemGroup } from '../identify/facts';
import { SnmpError, type SessionFactory, type SnmpSession } from '../snmp/session';
import { collectFacts } from './collect';
import { createPacer, runPool } from './pool';
import { credentialOrder, probeHost } from './probe';

/** What a sweep needs from the rest of the engine. */
export interface SweepDeps {
  devices: DevicesRepo;
  credentialsRepo: Pick<CredentialsRepo, 'keyOf'>;
  openSession: SessionFactory;
  logger: Logger;
  now: () => string;
  /** Most requests started per second across the sweep. */
  maxRequestsPerSecond: number;
  /** Reads the details of a device found to be a printer, on the same session (Printer-MIB). */
  readPrinter?: (deviceId: number, session: SnmpSession, system: SystemGroup) => Promise<unknown>;
}

/** The counts of a sweep, as stored on the scan row. */
export interface SweepResult {
  respondedCount: number;
  newCount: number;
  updatedCount: number;
  problems: ScanProblem[];
}

/** Minimum time between two progress callbacks, milliseconds (the last one is always sent). */
const PROGRESS_INTERVAL_MS = 100;

/**
 * Sweeps `addresses` with SNMP. Never throws for a host: unreachable, refusing or broken hosts
 * end up silent or in `problems` and the sweep goes on.
 * @param addresses dotted IPv4 addresses (already checked by `parseTargets`), `total` of them.
 */
export async function sweep(
  scanId: number,
  addresses: Iterable<string>,
  total: number,
  credentials: readonly Credential[],
  options: ScanOptions,
  deps: SweepDeps,
  onProgress: (progress: ScanProgress) => void,
  signal: AbortSignal,
): Promise<SweepResult> {
  const result: SweepResult = { respondedCount: 0, newCount: 0, updatedCount: 0, problems: [] };
  const { keys, orderFor } = credentialOrder(
    credentials,
    (c) => deps.credentialsRepo.keyOf(c),
    deps.devices.credentialKeysByIp(),
  );
  const sessionOptions = {
    port: options.port,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    pace: createPacer(deps.maxRequestsPerSecond),
  };
  let done = 0;
  let lastSent = 0;
  const report = (current: string | null, force = false) => {
    const t = Date.now();
    if (!force && t - lastSent < PROGRESS_INTERVAL_MS) return;
    lastSent = t;
    onProgress({ scanId, done, total, found: result.respondedCount, current });
  };

  const scanHost = async (ip: string) => {
    const probe = await probeHost(ip, credentials, orderFor(ip), deps.openSession, sessionOptions);
    if (probe.kind === 'silent') return;
    if (probe.kind === 'refused') {
      result.problems.push({ ip, reason: probe.reason });
      return;
    }
    try {
      const facts = await collectFacts(probe.session, ip);
      const identity = identifyDevice(facts);
      const { id, created } = deps.devices.record(
        { ...identity, ip, system: facts.system, credentialKey: keys[probe.credentialIndex] },
        scanId,
        deps.now(),
      );
      result.respondedCount++;
      if (created) result.newCount++;
      else result.updatedCount++;
      if (identity.type === 'printer' && deps.readPrinter)
        await deps.readPrinter(id, probe.session, facts.system);
    } catch (error) {
      const reason = error instanceof SnmpError ? error.message : 'unexpected error while reading the device';
      if (!(error instanceof SnmpError))
        deps.logger.error('scan: reading failed', { ip, error: String(error) });
      result.problems.push({ ip, reason: `answered, then: ${reason}` });
    } finally {
      probe.session.close();
    }
  };

  report(null, true);
  await runPool(
    addresses,
    options.concurrency,
    async (ip) => {
      await scanHost(ip);
      done++;
      report(ip);
    },
    signal,
  );
  report(null, true);
  return result;
}
