/**
 * The sweep: every address of the targets is probed with the SNMP credentials and, at the same
 * time, without an agent (TCP ports, NetBIOS, PJLink: network-probe.ts), with bounded
 * concurrency and pacing. The probes run ahead: each host that answers is then identified (its
 * requests paced by the scan's request window) and stored in its own transaction as it arrives,
 * so a cancelled or killed scan keeps what it found. A host that answers SNMP and the other
 * probes is one device.
 */
import type { Credential } from '../../../shared/domain/credentials';
import type { ScanOptions, ScanProblem, ScanProgress } from '../../../shared/domain/scan';
import type { CredentialsRepo } from '../db/repositories/credentials-repo';
import type { DevicesRepo } from '../db/repositories/devices-repo';
import { identifyDevice } from '../identify/identify';
import { matchProfile } from '../identify/profiles';
import type { VendorProfile } from '../identify/profile-schema';
import type { Logger } from '../log';
import type { SystemGroup } from '../identify/facts';
import type { PjlinkStatus } from '../../../shared/domain/projector';
import { reverseName } from '../probes/reverse-dns';
import { networkFacts, networkObservation, withPjlink } from './merge';
import { probeNetwork, type NetworkProbeResult } from './network-probe';
import { SnmpError, type SessionFactory, type SnmpSession } from '../snmp/session';
import { setMaxListeners } from 'node:events';
import { storageErrorOf, type StorageError } from '../errors';
import { collectFacts, probeIdentity, type ProbeIdentity } from './collect';
import { createPacer, createSlots, runPool } from './pool';
import { scanWindow } from '../snmp/window';
import { credentialOrder, probeHost, type ProbeOpen, type ProbeOutcome } from './probe';
import { RowHints } from './row-hints';

/** What a sweep needs from the rest of the engine. */
export interface SweepDeps {
  devices: DevicesRepo;
  credentialsRepo: Pick<CredentialsRepo, 'keyOf'>;
  openSession: SessionFactory;
  logger: Logger;
  now: () => string;
  /** Most requests started per second across the sweep. */
  maxRequestsPerSecond: number;
  /** Reads the details of a device found to be a printer (Printer-MIB), once every address is swept. */
  readPrinter?: (deviceId: number, session: SnmpSession, system: SystemGroup) => Promise<unknown>;
  /** Reads and stores a projector's lamp hours from its vendor MIB (profile with a `projector` section). */
  readProjector?: (deviceId: number, session: SnmpSession, profile: VendorProfile) => Promise<void>;
  /** Stores a projector's PJLink status read during the sweep. */
  recordPjlink?: (deviceId: number, status: PjlinkStatus) => void;
  /** Reverse DNS of a live host (default: the system's resolver; never queried for loopback). */
  reverseName?: (ip: string) => Promise<string | null>;
  /** Addresses that answered the PJLink class 2 search before the sweep, with their MAC. */
  pjlinkSearch?: ReadonlyMap<string, string>;
}

/** A printer found by the sweep, read once every address is swept. */
interface FoundPrinter {
  id: number;
  ip: string;
  credentialIndex: number;
  system: SystemGroup;
}

/** The counts of a sweep, as stored on the scan row. */
export interface SweepResult {
  respondedCount: number;
  newCount: number;
  updatedCount: number;
  problems: ScanProblem[];
  /** Devices recorded without a MAC, by address: the ARP cache may know it after the sweep. */
  withoutMac: Map<string, number>;
}

/**
 * Once SNMP has answered, how long the TCP and NetBIOS probes of that host may still wait,
 * milliseconds (a LAN answers in a few; PJLink, once its port accepted, is not cut short).
 */
const SETTLE_AFTER_SNMP_MS = 300;

/**
 * Hosts that answered and wait to be read, per host being read: enough for the probes of a /22
 * to run ahead of the reading (so the silent addresses' timeouts pass meanwhile), each keeping
 * its session's socket open.
 */
const WAITING_PER_READ = 3;

/** Minimum time between two progress callbacks, milliseconds (the last one is always sent). */
const PROGRESS_INTERVAL_MS = 100;

/**
 * Sweeps `addresses` with SNMP and, unless `options.agentless` is false, the agentless probes.
 * Never throws for a host: unreachable, refusing or broken hosts end up silent or in `problems`
 * and the sweep goes on.
 * @param addresses dotted IPv4 addresses (already checked by `parseTargets`), `addressCount` of them.
 */
export async function sweep(
  scanId: number,
  addresses: Iterable<string>,
  addressCount: number,
  credentials: readonly Credential[],
  options: ScanOptions,
  deps: SweepDeps,
  onProgress: (progress: ScanProgress) => void,
  signal: AbortSignal,
): Promise<SweepResult> {
  // Stops the sweep early when the database cannot be written (disk full): the sweep then throws.
  const stop = new AbortController();
  setMaxListeners(0, stop.signal);
  signal.addEventListener('abort', () => stop.abort(), { once: true });
  let storageFailure: StorageError | null = null;
  const result: SweepResult = {
    respondedCount: 0,
    newCount: 0,
    updatedCount: 0,
    problems: [],
    withoutMac: new Map(),
  };
  const lookupName = deps.reverseName ?? ((ip: string) => reverseName(ip, { timeoutMs: options.timeoutMs }));
  const { keys, orderFor } = credentialOrder(
    credentials,
    (c) => deps.credentialsRepo.keyOf(c),
    deps.devices.credentialKeysByIp(),
  );
  const window = scanWindow(options.timeoutMs, options.concurrency);
  const sessionOptions = {
    port: options.port,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    pace: createPacer(deps.maxRequestsPerSecond),
    window,
  };
  // A stopped sweep closes every session still open: their requests end at once (net-snmp fails
  // them when its socket closes) instead of waiting out their timeouts, and nothing is recorded
  // for them (a cancelled scan ends in a moment and keeps the devices already stored).
  const openSessions = new Set<SnmpSession>();
  const openSession: SessionFactory = (host, credential, opts) => {
    const session = deps.openSession(host, credential, opts);
    // One opened after the stop (a probe's next credential) is closed at once too.
    if (stop.signal.aborted) session.close();
    else openSessions.add(session);
    return {
      ...session,
      close: () => {
        openSessions.delete(session);
        session.close();
      },
    };
  };
  stop.signal.addEventListener('abort', () => [...openSessions].forEach((session) => session.close()), {
    once: true,
  });
  let phase: ScanProgress['phase'] = 'addresses';
  let total = addressCount;
  let done = 0;
  let lastSent = 0;
  const report = (current: string | null, force = false) => {
    const t = Date.now();
    if (!force && t - lastSent < PROGRESS_INTERVAL_MS) return;
    lastSent = t;
    onProgress({ scanId, phase, done, total, found: result.respondedCount, current });
  };
  const printers: FoundPrinter[] = [];
  const hints = new RowHints();

  const counted = (ip: string, stored: { id: number; created: boolean }, mac: string | null) => {
    result.respondedCount++;
    if (stored.created) result.newCount++;
    else result.updatedCount++;
    if (mac === null) result.withoutMac.set(ip, stored.id);
  };

  const afterPjlink = (ip: string, deviceId: number, net: NetworkProbeResult | null) => {
    if (net?.pjlink?.kind === 'status') deps.recordPjlink?.(deviceId, net.pjlink.status);
    if (net?.pjlink?.kind === 'locked') result.problems.push({ ip, reason: `PJLink: ${net.pjlink.reason}` });
  };

  /**
   * An address where no SNMP agent opened: stored if the agentless probes found it alive.
   * @returns false when the sweep was stopped meanwhile (the address is dropped, not swept).
   */
  const recordUnanswered = async (
    ip: string,
    probe: ProbeOutcome<ProbeIdentity>,
    net: NetworkProbeResult | null,
  ): Promise<boolean> => {
    if (stop.signal.aborted) return false;
    if (probe.kind === 'refused') result.problems.push({ ip, reason: probe.reason });
    if (!net?.alive) return true;
    const name = await lookupName(ip);
    const observation = networkObservation(ip, net, name);
    const stored = deps.devices.recordNetwork(observation, scanId, deps.now());
    counted(ip, stored, observation.mac);
    afterPjlink(ip, stored.id, net);
    return true;
  };

  /**
   * A host whose agent answered the probe: its facts read, identified and stored.
   * @returns false when the sweep was stopped before it was read (dropped, not swept).
   */
  const identifyHost = async (
    ip: string,
    probe: ProbeOpen<ProbeIdentity>,
    netProbe: Promise<NetworkProbeResult | null>,
  ): Promise<boolean> => {
    try {
      const facts = await collectFacts(
        probe.session,
        ip,
        probe.answer,
        (reason) => result.problems.push({ ip, reason }),
        hints,
      );
      const net = await netProbe;
      const snmpIdentity = identifyDevice(facts);
      const identity = net ? withPjlink(snmpIdentity, net, facts.system.sysDescr) : snmpIdentity;
      const network = net ? networkFacts(net, await lookupName(ip)) : undefined;
      const stored = deps.devices.record(
        { ...identity, ip, system: facts.system, credentialKey: keys[probe.credentialIndex], network },
        scanId,
        deps.now(),
      );
      counted(ip, stored, identity.mac);
      afterPjlink(ip, stored.id, net);
      if (identity.type === 'printer')
        printers.push({ id: stored.id, ip, credentialIndex: probe.credentialIndex, system: facts.system });
      const profile = matchProfile(facts.system, facts.profileValues);
      if (profile?.projector && net?.pjlink?.kind !== 'status' && deps.readProjector)
        await deps.readProjector(stored.id, probe.session, profile);
      return true;
    } catch (failure) {
      if (storageErrorOf(failure)) throw failure;
      if (stop.signal.aborted) return false;
      const reason =
        failure instanceof SnmpError ? failure.message : 'unexpected error while reading the device';
      if (!(failure instanceof SnmpError))
        deps.logger.error('scan: reading failed', { ip, error: String(failure) });
      result.problems.push({ ip, reason: `answered, then: ${reason}` });
      return true;
    } finally {
      probe.session.close();
    }
  };

  /**
   * Runs `work`, stopping the sweep when the database cannot be written.
   * @returns what `work` returned (whether its item was done), false when storage failed.
   */
  const guarded = async (work: () => Promise<boolean>) => {
    try {
      return await work();
    } catch (error) {
      storageFailure ??= storageErrorOf(error);
      if (!storageFailure) throw error;
      stop.abort();
      return false;
    }
  };

  /**
   * A printer's supplies, trays and counters, on a session of its own (the sweep's is closed).
   * @returns false when the sweep was stopped before it was read.
   */
  const readPrinter = async ({ id, ip, credentialIndex, system }: FoundPrinter): Promise<boolean> => {
    if (!deps.readPrinter) return true;
    const session = openSession(ip, credentials[credentialIndex], {
      ...sessionOptions,
      knownAgent: true,
    });
    try {
      await deps.readPrinter(id, session, system);
      return true;
    } catch (failure) {
      if (storageErrorOf(failure)) throw failure;
      if (stop.signal.aborted) return false;
      if (!(failure instanceof SnmpError))
        deps.logger.error('scan: printer reading failed', { ip, error: String(failure) });
      const reason = failure instanceof SnmpError ? failure.message : 'unexpected error';
      result.problems.push({ ip, reason: `printer not read: ${reason}` });
      return true;
    } finally {
      session.close();
    }
  };

  const finished = (ip: string) => {
    done++;
    report(ip);
  };
  // Probes run ahead of identification: a silent address waits out its timeouts while the hosts
  // that answered are read, instead of at the end of the sweep. At most `concurrency` hosts are
  // read at once (the request window paces their requests); the others that answered wait their
  // turn, sessions open, up to WAITING_PER_READ × `concurrency` of them before probing pauses.
  const reading = createSlots(options.concurrency);
  const admitted = createSlots(options.concurrency * (1 + WAITING_PER_READ));
  const pending = new Set<Promise<void>>();
  report(null, true);
  await runPool(
    addresses,
    options.concurrency,
    async (ip) => {
      const settle = new AbortController();
      const net = options.agentless
        ? probeNetwork(ip, options, signal, settle.signal, deps.pjlinkSearch?.get(ip) ?? null).catch(
            () => null,
          )
        : Promise.resolve(null);
      const probe = await probeHost(
        ip,
        credentials,
        orderFor(ip),
        openSession,
        sessionOptions,
        probeIdentity,
      );
      if (probe.kind !== 'open') {
        if (await guarded(async () => recordUnanswered(ip, probe, await net))) finished(ip);
        return;
      }
      setTimeout(() => settle.abort(), SETTLE_AFTER_SNMP_MS).unref();
      // On cancel, the hosts still waiting are let go at once, unread (their sessions closed).
      if (!(await admitted.acquire(stop.signal))) {
        probe.session.close();
        return;
      }
      const work = (async () => {
        const placed = await reading.acquire(stop.signal);
        try {
          if (!placed || stop.signal.aborted) probe.session.close();
          else if (await guarded(() => identifyHost(ip, probe, net))) finished(ip);
        } finally {
          if (placed) reading.release();
          admitted.release();
        }
      })().finally(() => pending.delete(work));
      pending.add(work);
    },
    stop.signal,
  );
  await Promise.all(pending);
  report(null, true);
  // Printers are read once every address is swept: the inventory is complete sooner, and the
  // longer readings do not slow the probes of the addresses still to sweep.
  if (!stop.signal.aborted && printers.length > 0 && deps.readPrinter) {
    phase = 'printers';
    done = 0;
    total = printers.length;
    report(null, true);
    await runPool(
      printers,
      options.concurrency,
      async (printer) => {
        if (!(await guarded(() => readPrinter(printer)))) return;
        done++;
        report(printer.ip);
      },
      stop.signal,
      () => window.ready(),
    );
    report(null, true);
  }
  if (storageFailure) throw storageFailure;
  return result;
}
