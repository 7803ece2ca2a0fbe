/**
 * The engine: Parc's product in plain Node (never imports 'electron'). `createEngine()` takes
 * its world as values (database path, logger, clock, SNMP session factory) and returns the
 * `Engine` that the CLI, Electron main and the loopback bridge all drive.
 */
import si from 'systeminformation';
import { version as PARC_VERSION } from '../../package.json';
import { DEFAULT_CREDENTIALS } from '../../shared/domain/credentials';
import {
  SCAN_DEFAULTS,
  ScanRequest,
  type ScanProgress,
  type ScanResult,
  type ScanSummary,
} from '../../shared/domain/scan';
import { openDatabase, openDatabaseOrSetAside, type Db } from './db/database';
import { createCredentialsRepo } from './db/repositories/credentials-repo';
import { createDevicesRepo } from './db/repositories/devices-repo';
import { createExportRepo } from './db/repositories/export-repo';
import { createPrinterHistoryRepo } from './db/repositories/printer-history-repo';
import { createPrintersRepo } from './db/repositories/printers-repo';
import { createScansRepo } from './db/repositories/scans-repo';
import { createSettingsRepo } from './db/repositories/settings-repo';
import { expandTargets, parseTargets, targetsInclude, type TargetOptions } from './discovery/targets';
import { sweep } from './discovery/scan';
import { BusyError, InputError, NotFoundError } from './errors';
import { createExportService } from './export';
import { createImportService } from './import';
import { silentLogger, type Logger } from './log';
import { suggestRanges, type InterfaceInfo } from './network/suggest';
import { createPrinterHistoryService } from './printers/history';
import { createPrintersService } from './printers/service';
import { createNetSnmpSession, privacySupported, type SessionFactory } from './snmp/session';
import { createHash, randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { Engine, ScanHandle } from './types';
import { vendorFromMac } from './identify/oui';
import { readNeighbourCache } from './probes/neighbours';
import { onlyLoopback } from './discovery/targets';
import { pjlinkSearch, searchBroadcasts } from './discovery/pjlink-search';
import { createProjectorsRepo } from './db/repositories/projectors-repo';
import { createInventoriesRepo } from './db/repositories/inventories-repo';
import { importInventoryFolder } from './inventory/import-folder';
import { collectSelfInventory } from './inventory/self';
import { buildReport } from './reports/build';
import { startReportSchedule } from './reports/schedule';
import { createReportsService } from './reports/service';
import { createGlpiConnector } from './reports/glpi-connector';
import { startDailyBackups } from './db/backup';
import type { StartupNotice } from '../../shared/domain/notices';
import { createSecretsRepo } from './db/repositories/secrets-repo';
import { createSecretBox, type SecretCipher } from './secret-box';
import { createProjectorsService } from './projectors/service';
import { readProjectorSnmp } from './projectors/snmp-projector';
import { createServersRepo } from './db/repositories/servers-repo';
import { collectServer } from './servers/collect';
import { startServerSchedule } from './servers/schedule';
import { createServersService } from './servers/service';

export type { Engine } from './types';

/** A running scan beats at least this often (milliseconds) while it reports progress… */
const HEARTBEAT_MS = 5_000;
/** …so one silent for this long was left by a crash. */
const STALE_SCAN_MS = 120_000;

/** The engine's world, given as values (tests pass fakes; the CLI and Electron main real ones). */
export interface EngineOptions {
  /** SQLite file (created if needed), or `:memory:`. */
  dbPath: string;
  logger?: Logger;
  /** ISO 8601 "now" (injected in tests). */
  now?: () => string;
  openSession?: SessionFactory;
  /** Host name resolution for targets (injected in tests). */
  resolve?: TargetOptions['resolve'];
  /** This PC's interfaces (injected in tests). Default: systeminformation. */
  listInterfaces?: () => Promise<InterfaceInfo[]>;
  /** Most SNMP requests started per second during a scan or a poll (default 2,000). */
  maxRequestsPerSecond?: number;
  /** The OS neighbour (ARP) cache, IPv4 → MAC, read after a sweep (injected in tests). */
  readNeighbours?: () => Promise<Map<string, string>>;
  /** Reverse DNS of a live host (injected in tests; the default never queries for loopback). */
  reverseName?: (ip: string) => Promise<string | null>;
  /** Keep a daily backup of the database beside it (the long-lived app; not the CLI's short commands). */
  dailyBackup?: boolean;
  /** The OS protection that seals secrets at rest (Electron safeStorage in the app; none in the CLI). */
  secretCipher?: SecretCipher;
  /**
   * A damaged database file is kept aside and a new one started, with a notice (the app, which
   * must start); without it, a damaged file is an error (the CLI).
   */
  setAsideDamagedDatabase?: boolean;
}

/**
 * Opens the database and builds the engine.
 * @throws Error when the database cannot be opened (not a database, newer schema, no space).
 */
export function createEngine(options: EngineOptions): Engine {
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? (() => new Date().toISOString());
  const stamp = now()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  const notices: StartupNotice[] = [];
  let db: Db;
  if (options.setAsideDamagedDatabase) {
    const opened = openDatabaseOrSetAside(options.dbPath, stamp);
    db = opened.db;
    if (opened.setAsideAs) {
      notices.push({ code: 'database-set-aside', keptAs: opened.setAsideAs, fields: [] });
      logger.warn('damaged database kept aside; a new one was started', { keptAs: opened.setAsideAs });
    }
  } else db = openDatabase(options.dbPath);
  const stopBackups =
    options.dailyBackup && options.dbPath !== ':memory:'
      ? startDailyBackups(
          options.dbPath,
          (outcome) => {
            if (outcome.status === 'failed')
              logger.warn('daily backup failed', { reason: outcome.reason, message: outcome.message });
            else if (outcome.status === 'written')
              logger.info('daily backup written', { path: outcome.path });
          },
          () => new Date(now()),
        )
      : () => undefined;
  const openSession = options.openSession ?? createNetSnmpSession;
  const devices = createDevicesRepo(db);
  const scans = createScansRepo(db);
  const secretBox = createSecretBox(options.secretCipher);
  const credentials = createCredentialsRepo(db, secretBox);
  // Secrets saved before sealing was available (by the CLI, or an older Parc) are sealed now.
  credentials.sealStored();
  createSecretsRepo(db, secretBox).sealStored();
  const serversRepo = createServersRepo(db, secretBox);
  serversRepo.sealStored();
  const settings = createSettingsRepo(db);
  const repairedSettings = settings.repair(stamp);
  if (repairedSettings) {
    notices.push({ code: 'settings-repaired', ...repairedSettings });
    logger.warn('damaged settings repaired', repairedSettings);
  }
  const printersRepo = createPrintersRepo(db);
  scans.closeInterrupted(new Date(Date.parse(now()) - STALE_SCAN_MS).toISOString(), now());
  const maxRequestsPerSecond = options.maxRequestsPerSecond ?? SCAN_DEFAULTS.maxRequestsPerSecond;
  const readNeighbours = options.readNeighbours ?? (() => readNeighbourCache());
  const listInterfaces =
    options.listInterfaces ?? (async () => (await si.networkInterfaces()) as InterfaceInfo[]);
  /** The stored SNMP credentials, else the default community. */
  const scanCredentials = () => {
    const stored = credentials.secrets();
    return stored.length > 0 ? stored : [...DEFAULT_CREDENTIALS];
  };
  const printers = createPrintersService({
    devices,
    printers: printersRepo,
    credentials,
    settings: () => settings.get(),
    scanCredentials,
    openSession,
    logger,
    now,
    maxRequestsPerSecond,
  });

  const inventoriesRepo = createInventoriesRepo(db);
  const projectors = createProjectorsService({ devices, projectors: createProjectorsRepo(db), now });

  const reports = createReportsService({
    db,
    secretBox,
    settings: () => settings.get(),
    now,
    logger,
    env: process.env,
    buildReport: (previous) => {
      const { printers: printerList, toOrder } = printers.list();
      return buildReport({
        settings: settings.get(),
        devices: devices.list(),
        printers: printerList,
        toOrder,
        projectors: projectors.list(),
        servers: servers.statuses(),
        previous,
        firstScanAt: scans.firstStartedAt(),
        now: now(),
        parcVersion: PARC_VERSION,
        id: randomUUID(),
      });
    },
  });

  const exportRepo = createExportRepo(db);
  const glpi = createGlpiConnector({
    db,
    secretBox,
    settings: () => settings.get(),
    devices: () => ({ devices: exportRepo.devices(), printers: printers.list().printers }),
    now,
    logger,
    version: PARC_VERSION,
  });

  const servers = createServersService({
    repo: serversRepo,
    devices,
    settings: () => settings.get(),
    now,
    logger,
    collect: (config, password) =>
      collectServer(config, {
        openSession,
        credentials: scanCredentials(),
        password,
        now: () => new Date(now()),
        timeoutMs: SCAN_DEFAULTS.timeoutMs * 2,
      }),
  });
  let stopServerSchedule: (() => void) | null = null;

  const printerHistory = createPrinterHistoryService({ devices, history: createPrinterHistoryRepo(db), now });

  const exporter = createExportService({
    repo: exportRepo,
    printers: () => printers.list(),
    settings: () => settings.get(),
    now,
    version: PARC_VERSION,
  });
  const importer = createImportService({ repo: exportRepo });

  let current: { scanId: number; progress: ScanProgress; controller: AbortController } | null = null;
  /** True while the printers are re-read: a scan and a poll never run at once (one request per device). */
  let polling = false;
  const refuseIfBusy = () => {
    if (current) throw new BusyError('A scan is already running: wait for it to end or cancel it.');
    if (polling) throw new BusyError('The printers are being re-read: wait for it to end.');
  };

  const startScan: Engine['scan']['start'] = async (request, callbacks = {}) => {
    refuseIfBusy();
    const parsedRequest = ScanRequest.safeParse(request);
    if (!parsedRequest.success) {
      throw new InputError(
        parsedRequest.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      );
    }
    const scanOptions = parsedRequest.data;
    if (
      scanOptions.credentials.some((c) => c.kind === 'v3' && c.priv && !privacySupported(c.priv.protocol))
    ) {
      throw new InputError(
        'SNMPv3 DES privacy is not available in this Node.js (start it with --openssl-legacy-provider), or use AES.',
        'des-unsupported',
      );
    }
    const targets = await parseTargets(scanOptions.targets, {
      force: scanOptions.force,
      allowPublic: scanOptions.allowPublic,
      resolve: options.resolve,
    });
    refuseIfBusy();
    const startedAt = now();
    const scanId = scans.create(scanOptions.targets, targets.count, startedAt);
    const controller = new AbortController();
    // Every probe of the hosts in flight listens to it (256 hosts × 13 TCP ports…): no leak, by design.
    setMaxListeners(0, controller.signal);
    callbacks.signal?.addEventListener('abort', () => controller.abort(), { once: true });
    const progress: ScanProgress = {
      scanId,
      phase: 'addresses',
      done: 0,
      total: targets.count,
      found: 0,
      current: null,
    };
    const state = { scanId, controller, progress };
    current = state;
    logger.info('scan started', { scanId, targets: scanOptions.targets, addresses: targets.count });

    let lastBeat = 0;
    const run = async (): Promise<ScanResult> => {
      try {
        const broadcasts =
          scanOptions.agentless && !onlyLoopback(targets)
            ? searchBroadcasts(await listInterfaces(), targets)
            : [];
        const pjlinkFound = await pjlinkSearch(broadcasts, {
          timeoutMs: scanOptions.timeoutMs,
          signal: controller.signal,
        });
        const result = await sweep(
          scanId,
          expandTargets(targets),
          targets.count,
          scanOptions.credentials,
          scanOptions,
          {
            devices,
            credentialsRepo: credentials,
            openSession,
            logger,
            now,
            maxRequestsPerSecond,
            readPrinter: (deviceId, session, system) => printers.readAndStore(deviceId, session, system),
            reverseName: options.reverseName,
            pjlinkSearch: pjlinkFound,
            recordPjlink: (deviceId, status) => projectors.recordPjlink(deviceId, status),
            readProjector: async (deviceId, session, profile) =>
              projectors.recordSnmp(deviceId, await readProjectorSnmp(session, profile)),
          },
          (progress) => {
            state.progress = progress;
            const t = Date.now();
            if (t - lastBeat >= HEARTBEAT_MS) {
              lastBeat = t;
              scans.heartbeat(scanId, now());
            }
            callbacks.onProgress?.(progress);
          },
          controller.signal,
        );
        const cancelled = controller.signal.aborted;
        if (!cancelled && result.withoutMac.size > 0) {
          // The sweep's own packets filled the cache: hosts on this segment now have their MAC there.
          const neighbours = await readNeighbours();
          for (const [ip, id] of result.withoutMac) {
            const mac = neighbours.get(ip);
            if (mac) devices.learnMac(id, mac, vendorFromMac(mac));
          }
        }
        const missingCount = cancelled
          ? 0
          : devices.markMissing(
              startedAt,
              (ip) => targetsInclude(targets, ip),
              scanOptions.agentless ? ['snmp', 'network', 'pjlink'] : ['snmp'],
            );
        scans.finish(scanId, cancelled ? 'cancelled' : 'done', { ...result, missingCount }, now());
        logger.info('scan finished', { scanId, cancelled, found: result.respondedCount });
        return { scan: scans.get(scanId) as ScanSummary, devices: devices.list() };
      } catch (error) {
        logger.error('scan failed', { scanId, error: String(error) });
        try {
          scans.finish(
            scanId,
            'failed',
            { respondedCount: 0, newCount: 0, updatedCount: 0, missingCount: 0, problems: [] },
            now(),
          );
        } catch {
          // The database is gone (closed at quit): the row stays 'running' and is closed at next start.
        }
        throw error;
      } finally {
        current = null;
      }
    };
    const handle: ScanHandle = { scanId, done: run(), cancel: () => controller.abort() };
    return handle;
  };

  return {
    scan: {
      start: startScan,
      running: () => current?.progress ?? null,
      last: () => scans.lastFinished() ?? null,
      cancel(scanId) {
        if (!current || current.scanId !== scanId) return false;
        current.controller.abort();
        return true;
      },
    },
    inventory: {
      list: (input = {}) => devices.list(input.type),
      listSummaries: (input = {}) => devices.listSummaries(input.type),
      get(id) {
        const device = devices.get(id);
        if (!device) throw new NotFoundError(`No device with id ${id}.`);
        return device;
      },
      update(edit) {
        const device = devices.edit(edit);
        if (!device) throw new NotFoundError(`No device with id ${edit.id}.`);
        return device;
      },
    },
    credentials: {
      list: () => credentials.list(),
      secrets: () => credentials.secrets(),
      add: (credential) => credentials.add(credential),
      remove(id) {
        const list = credentials.remove(id);
        if (!list) throw new NotFoundError(`No credential with id ${id}.`);
        return list;
      },
      move(id, direction) {
        const list = credentials.move(id, direction);
        if (!list) throw new NotFoundError(`No credential with id ${id}.`);
        return list;
      },
    },
    inventories: {
      collectSelf: () => collectSelfInventory({ parcVersion: PARC_VERSION, now }),
      importFolder: (folder) => importInventoryFolder(folder, inventoriesRepo, now()),
      record(doc) {
        const sha256 = createHash('sha256').update(JSON.stringify(doc)).digest('hex');
        return inventoriesRepo.importDocument(doc, {
          sha256,
          fileName: `(${doc.hostName ?? 'this PC'})`,
          now: now(),
        });
      },
    },
    reports: {
      ...reports,
      glpi,
      startSchedule: () => {
        const stopHub = startReportSchedule({
          reports,
          settings: () => ({ destination: settings.get().hubUrl, reportTime: settings.get().reportTime }),
          now: () => new Date(now()),
          logger,
        });
        // The GLPI server, when there is one, gets the inventory on the same daily schedule.
        const stopGlpi = startReportSchedule({
          reports: {
            lastMadeAt: () => glpi.lastQueuedAt(),
            make: () => glpi.enqueueInventory(),
            flushDue: () => glpi.flushDue(),
          },
          settings: () => ({ destination: settings.get().glpiUrl, reportTime: settings.get().reportTime }),
          now: () => new Date(now()),
          logger,
        });
        return () => {
          stopHub();
          stopGlpi();
        };
      },
    },
    projectors: {
      list: () => projectors.list(),
      async poll(pollOptions = {}) {
        refuseIfBusy();
        polling = true;
        try {
          return await projectors.poll({ timeoutMs: SCAN_DEFAULTS.timeoutMs * 2, ...pollOptions });
        } finally {
          polling = false;
        }
      },
      setRatedLampHours: (deviceId, hours) => projectors.setRatedLampHours(deviceId, hours),
    },
    printers: {
      list: () => printers.list(),
      async poll(pollOptions) {
        refuseIfBusy();
        polling = true;
        try {
          return await printers.poll(pollOptions);
        } finally {
          polling = false;
        }
      },
      replace: (deviceId, key) => printers.replace(deviceId, key),
      history: (deviceId, days) => printerHistory.history(deviceId, days),
    },
    servers: {
      list: () => servers.list(),
      save: (input) => servers.save(input),
      remove: (id) => servers.remove(id),
      poll: (id) => servers.poll(id),
      status: (id) => servers.status(id),
      statuses: () => servers.statuses(),
      history: (id, days) => servers.history(id, days),
      startSchedule() {
        stopServerSchedule?.();
        const stop = startServerSchedule({
          servers,
          intervalMinutes: () => settings.get().serverPollMinutes,
          now: () => new Date(now()),
          logger,
        });
        stopServerSchedule = stop;
        return () => {
          stop();
          if (stopServerSchedule === stop) stopServerSchedule = null;
        };
      },
    },
    settings: {
      get: () => settings.get(),
      set: (patch) => settings.set(patch),
    },
    network: {
      async suggest() {
        return suggestRanges(await listInterfaces());
      },
    },
    exports: {
      write: (format, path, exportOptions) => exporter.write(format, path, exportOptions),
    },
    imports: {
      planRooms: (file) => importer.planRooms(file),
      applyRooms: (plan) => importer.applyRooms(plan),
    },
    notices: () => [...notices],
    close() {
      current?.controller.abort();
      stopServerSchedule?.();
      stopBackups();
      db.close();
    },
  };
}
