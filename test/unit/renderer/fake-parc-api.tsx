import type { StartupNotice } from '../../../shared/domain/notices';
import { describeCredential } from '../../../shared/domain/credentials';
import type { Device } from '../../../shared/domain/device';
import type { RoomImportPlan } from '../../../shared/domain/export';
import type { InventoryImportResult } from '../../../shared/domain/inventory';
import type { HubSecretName, OutboxItem } from '../../../shared/domain/outbox';
import type { PrinterHistory, PrinterSummary, Supply, SupplyToOrder } from '../../../shared/domain/printer';
import type { ProjectorSummary } from '../../../shared/domain/projector-summary';
import type { HealthReport } from '../../../shared/domain/report';
import type { ServerConfig, ServerHistory, ServerStatus } from '../../../shared/domain/server';
import { SETTINGS_DEFAULTS, type Settings } from '../../../shared/domain/settings';
import type { CommandChannel, EventChannel } from '../../../shared/ipc/channels';
import { compareIp } from '../../../shared/domain/ip-order';
import {
  DeviceSummary,
  type CommandInput,
  type CommandOutput,
  type CredentialSummary,
  type EventPayload,
  type ParcApi,
  type SuggestedRange,
} from '../../../shared/ipc/contract';
import { fail, ok, type Result } from '../../../shared/ipc/result';

type Handler<C extends CommandChannel> = (
  input: CommandInput<C>,
) => Result<CommandOutput<C>> | Promise<Result<CommandOutput<C>>>;

/** Replacements for some commands (e.g. to make `scan:start` fail). */
export type FakeOverrides = { [C in CommandChannel]?: Handler<C> };

/** An in-memory engine behind the `ParcApi` shape: records every call and can emit events. */
export type FakeParcApi = ParcApi & {
  readonly calls: Array<{ channel: CommandChannel; input: unknown }>;
  /** Inputs of every call to one channel, in order. */
  inputsOf<C extends CommandChannel>(channel: C): Array<CommandInput<C>>;
  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void;
  listenerCount(event: EventChannel): number;
  /** The engine's data; tests change it to simulate a scan's results. */
  state: {
    devices: Device[];
    credentials: CredentialSummary[];
    settings: Settings;
    suggestions: SuggestedRange[];
    nextScanId: number;
    printers: PrinterSummary[];
    toOrder: SupplyToOrder[];
    /** What `printers:history` answers, by device id (a printer of `printers` without one: empty history). */
    histories: Record<number, PrinterHistory>;
    /** What `import:plan` answers (its `file` replaced by the name sent); empty plan by default. */
    importPlan: RoomImportPlan | null;
    /** Where `export:save` says it wrote (null: the dialog was cancelled). */
    savedFiles: string[] | null;
    /** What `projectors:list` answers, in this order. */
    projectors: ProjectorSummary[];
    /** What `app:notices` answers (none by default). */
    notices: StartupNotice[];
    /** What `inventories:import` answers (every count 0 by default). */
    inventoryImport: InventoryImportResult;
    /**
     * What `reports:preview` answers once `settings.uai` is set (without a UAI it fails with
     * `missing-uai`, as the engine does); `makeHealthReport()` by default.
     */
    report: HealthReport;
    /** The outbox, newest first: `reports:send` adds to it, `reports:retry` requeues. */
    outbox: OutboxItem[];
    /** Whether the hub token and signing secret are set (`reports:setSecret` changes them). */
    secrets: Record<HubSecretName, boolean>;
    /** The watched file servers (`servers:save` adds or replaces, `servers:remove` removes). */
    servers: ServerConfig[];
    /** What `servers:status` answers, by server id (a server without one: state `unknown`, nothing read). */
    serverStatuses: Record<number, ServerStatus>;
    /** What `servers:history` answers, by server id (a server without one: empty series). */
    serverHistories: Record<number, ServerHistory>;
  };
};

/** A device with every field filled by default. */
export function makeDevice(overrides: Partial<Device> & Pick<Device, 'id' | 'ip'>): Device {
  return {
    type: 'other',
    vendor: null,
    model: null,
    serial: null,
    mac: null,
    sysName: null,
    sysDescr: null,
    sysObjectID: null,
    sysLocation: null,
    sysContact: null,
    firmware: null,
    uptimeSeconds: null,
    firstSeen: '2026-11-02T08:00:00.000Z',
    lastSeen: '2026-11-29T13:05:00.000Z',
    missing: false,
    room: null,
    notes: null,
    assetTag: null,
    hostName: null,
    workgroup: null,
    os: null,
    openPorts: [],
    sources: ['snmp'],
    inventoriedAt: null,
    ...overrides,
  };
}

/** A community summary as `credentials:list` gives it. */
export function communitySummary(id: number, version: '1' | '2c' = '2c'): CredentialSummary {
  return {
    id,
    label: `v${version} community #${id}`,
    kind: 'community',
    version,
    user: null,
    authProtocol: null,
    privProtocol: null,
  };
}

/** An SNMPv3 user summary as `credentials:list` gives it. */
export function v3Summary(
  id: number,
  user: string,
  authProtocol: CredentialSummary['authProtocol'],
  privProtocol: CredentialSummary['privProtocol'],
): CredentialSummary {
  return { id, label: `v3 user "${user}"`, kind: 'v3', version: '3', user, authProtocol, privProtocol };
}

/** A supply with every field filled by default (a black toner at 60 %). */
export function makeSupply(overrides: Partial<Supply> & Pick<Supply, 'index'>): Supply {
  return {
    deviceIndex: 1,
    kind: 'toner',
    color: 'black',
    description: null,
    partNumber: null,
    unit: 'percent',
    maxCapacity: 100,
    level: 60,
    percent: 60,
    state: 'ok',
    daysLeft: null,
    ...overrides,
  };
}

/** A printer with every field filled by default (idle, no supplies). */
export function makePrinter(
  overrides: Partial<PrinterSummary> & Pick<PrinterSummary, 'deviceId' | 'ip'>,
): PrinterSummary {
  return {
    sysName: null,
    vendor: null,
    model: null,
    serial: null,
    room: null,
    readAt: '2026-11-29T13:05:00.000Z',
    pagesPerMonth: null,
    status: 'idle',
    errors: [],
    alerts: [],
    display: null,
    pageCount: { total: null, mono: null, color: null },
    supplies: [],
    trays: [],
    incidents: [],
    ...overrides,
  };
}

/**
 * A projector with every field filled by default: an Epson on standby, one lamp at 1,200 h of
 * 6,000 h (20 %), no errors, no alerts, read and seen on 2026-11-29.
 */
export function makeProjector(
  overrides: Partial<ProjectorSummary> & Pick<ProjectorSummary, 'deviceId' | 'ip'>,
): ProjectorSummary {
  return {
    type: 'projector',
    room: null,
    name: null,
    vendor: 'Epson',
    model: 'EB-695Wi',
    serial: null,
    state: 'standby',
    power: 'off',
    errors: { fan: 'ok', lamp: 'ok', temperature: 'ok', cover: 'ok', filter: 'ok', other: 'ok' },
    lamps: [{ hours: 1200, on: false, ratedHours: 6000, percentUsed: 20 }],
    filterHours: null,
    lampModel: null,
    filterModel: null,
    source: 'pjlink',
    readAt: '2026-11-29T13:05:00.000Z',
    lastSeen: '2026-11-29T13:05:00.000Z',
    hoursPerDay: null,
    ratedByUser: false,
    alerts: [],
    ...overrides,
  };
}

/**
 * A valid health report (HealthReport v1) of lycée 0750655E: 7 devices (3 printers, 2
 * projectors, 1 switch, 1 computer, one of them missing), a critical toner, a lamp at 92 %, a
 * missing computer, and two consumables to order.
 */
export function makeHealthReport(overrides: Partial<HealthReport> = {}): HealthReport {
  return {
    format: 'parc-health-report',
    version: 1,
    id: '3f2b8c1e-5a4d-4e6f-9b7a-1c2d3e4f5a6b',
    school: { uai: '0750655E', name: 'Lycée Jean Moulin', town: 'Paris' },
    generatedAt: '2026-11-30T06:30:00.000Z',
    period: { from: '2026-11-29T06:30:00.000Z', to: '2026-11-30T06:30:00.000Z' },
    parcVersion: '0.6.0',
    inventory: {
      total: 7,
      byType: {
        printer: 3,
        switch: 1,
        router: 0,
        'access-point': 0,
        nas: 0,
        server: 0,
        computer: 1,
        ups: 0,
        projector: 2,
        'interactive-display': 0,
        phone: 0,
        camera: 0,
        other: 0,
      },
      missing: 1,
    },
    changes: {
      newDevices: [
        {
          deviceId: 12,
          type: 'switch',
          vendor: 'HP',
          model: 'ProCurve 2530',
          serial: null,
          ip: '10.1.0.2',
          room: 'Baie B',
          firstSeen: '2026-11-29T09:00:00.000Z',
          lastSeen: '2026-11-30T06:00:00.000Z',
        },
      ],
      missingDevices: [
        {
          deviceId: 30,
          type: 'computer',
          vendor: null,
          model: null,
          serial: null,
          ip: '10.1.2.40',
          room: 'CDI',
          firstSeen: '2026-11-02T08:00:00.000Z',
          lastSeen: '2026-11-20T15:00:00.000Z',
        },
      ],
    },
    incidents: [
      {
        code: 'printer-supply-empty',
        severity: 'critical',
        deviceId: 5,
        deviceType: 'printer',
        ip: '10.1.2.20',
        room: 'B12',
        model: 'HP LaserJet M404',
        subject: 'toner/black',
        since: '2026-11-29T10:00:00.000Z',
        detail: 'Toner noir : vide',
      },
      {
        code: 'projector-lamp-end',
        severity: 'warning',
        deviceId: 21,
        deviceType: 'projector',
        ip: '10.1.2.104',
        room: 'B12',
        model: 'EB-695Wi',
        subject: 'lamp',
        since: '2026-11-30T06:00:00.000Z',
        detail: 'Lampe à 92 % de sa durée de vie (5520 h sur 6000 h)',
      },
      {
        code: 'device-missing',
        severity: 'warning',
        deviceId: 30,
        deviceType: 'computer',
        ip: '10.1.2.40',
        room: 'CDI',
        model: null,
        subject: null,
        since: '2026-11-20T15:00:00.000Z',
        detail: 'Ordinateur absent du dernier scan',
      },
    ],
    toOrder: [
      {
        kind: 'toner',
        supply: 'Toner noir',
        color: 'black',
        partNumber: 'CF259A',
        deviceId: 5,
        deviceType: 'printer',
        device: 'IMP-B12',
        model: 'HP LaserJet M404',
        room: 'B12',
        percent: 0,
        daysLeft: 0,
      },
      {
        kind: 'projector-lamp',
        supply: 'Lampe de vidéoprojecteur',
        color: null,
        partNumber: null,
        deviceId: 21,
        deviceType: 'projector',
        device: 'VP-B12',
        model: 'EB-695Wi',
        room: 'B12',
        percent: 8,
        daysLeft: 74,
      },
    ],
    projectors: { count: 2, hoursPerDayAverage: 6.5 },
    fileServer: null,
    ...overrides,
  };
}

/** An outbox entry with every field filled by default (a report sent at the first attempt). */
export function makeOutboxItem(overrides: Partial<OutboxItem> & Pick<OutboxItem, 'id'>): OutboxItem {
  return {
    kind: 'report',
    destination: 'https://hub.example.invalid/api/reports',
    createdAt: '2026-11-29T06:30:00.000Z',
    status: 'sent',
    attempts: 1,
    nextAttemptAt: null,
    lastError: null,
    sentAt: '2026-11-29T06:30:02.000Z',
    ...overrides,
  };
}

/**
 * A watched server as `servers:list` gives it: « Serveur pédagogique » at 127.77.0.50, SNMP on
 * 161, the share `pedago` with a read-only account whose password is set, smbd watched.
 */
export function makeServer(overrides: Partial<ServerConfig> & Pick<ServerConfig, 'id'>): ServerConfig {
  return {
    deviceId: null,
    name: 'Serveur pédagogique',
    address: '127.77.0.50',
    snmp: true,
    snmpPort: 161,
    smbShare: 'pedago',
    smbUser: 'LYCEE\\parc-lecture',
    smbPasswordSet: true,
    smbPort: 445,
    local: false,
    services: ['smbd'],
    ...overrides,
  };
}

/**
 * A Samba server's status read on 2026-11-29 at 13:05 UTC, as `servers:status` gives it: up 30
 * days, CPU 13 %, load 0.42 / 0.35 / 0.28, 15.6 Go of memory with 6.2 Go available; `/` (31.2 Go,
 * 29.4 %, no forecast) and `/srv/partages` (3.6 To, 87 % « À surveiller », full in 12 days); the
 * share does not answer (connection refused) with its critical alert since 10:00; smbd stopped.
 */
export function makeServerStatus(overrides: Partial<ServerStatus> & Pick<ServerStatus, 'id'>): ServerStatus {
  const GiB = 1024 ** 3;
  const TiB = 1024 ** 4;
  return {
    name: 'Serveur pédagogique',
    deviceId: null,
    ip: '127.77.0.50',
    state: 'critical',
    sampledAt: '2026-11-29T13:05:00.000Z',
    uptimeSeconds: 30 * 86_400 + 5 * 3600,
    cpuPercent: 13.4,
    cpuCount: 4,
    load: { load1: 0.42, load5: 0.35, load15: 0.28 },
    memory: { totalBytes: 15.6 * GiB, availableBytes: 6.2 * GiB },
    volumes: [
      {
        mount: '/',
        sizeBytes: 31.2 * GiB,
        usedBytes: 9.2 * GiB,
        percent: 29.4,
        source: 'ucd-dsk',
        fullInDays: null,
        state: 'ok',
      },
      {
        mount: '/srv/partages',
        sizeBytes: 3.64 * TiB,
        usedBytes: 3.17 * TiB,
        percent: 87.1,
        source: 'ucd-dsk',
        fullInDays: 12,
        state: 'warning',
      },
    ],
    smb: { reachable: false, dialect: null, listMs: null, entries: null, error: 'connection refused' },
    services: [{ name: 'smbd', running: false }],
    nas: null,
    problems: [],
    alerts: [
      {
        id: 1,
        serverId: overrides.id,
        code: 'volume-warning',
        subject: '/srv/partages',
        severity: 'warning',
        startedAt: '2026-11-27T08:00:00.000Z',
        endedAt: null,
        lastValue: 87.1,
        lastAt: '2026-11-29T13:05:00.000Z',
      },
      {
        id: 2,
        serverId: overrides.id,
        code: 'smb-unreachable',
        subject: null,
        severity: 'critical',
        startedAt: '2026-11-29T10:00:00.000Z',
        endedAt: null,
        lastValue: null,
        lastAt: '2026-11-29T13:05:00.000Z',
      },
    ],
    ...overrides,
  };
}

/**
 * Seven days of raw series of a server, one point a day ending 2026-11-29 13:00 UTC: `/` flat
 * at 29 %, `/srv/partages` from 80 to 87 %, CPU between 5 and 20 %, and the SMB alert.
 */
export function makeServerHistory(serverId: number): ServerHistory {
  const at = (day: number) => new Date(Date.UTC(2026, 10, 23 + day, 13)).toISOString();
  const days = [0, 1, 2, 3, 4, 5, 6];
  return {
    days: 7,
    resolution: 'raw',
    cpu: days.map((d) => ({ at: at(d), value: [5, 12, 20, 8, 15, 9, 13][d]! })),
    load: days.map((d) => ({ at: at(d), value: 0.3 + d / 100 })),
    memory: days.map((d) => ({ at: at(d), value: 58 + d / 2 })),
    volumes: [
      { mount: '/', points: days.map((d) => ({ at: at(d), value: 29 })) },
      { mount: '/srv/partages', points: days.map((d) => ({ at: at(d), value: 80 + d + (d === 6 ? 1 : 0) })) },
    ],
    alerts: [
      {
        id: 2,
        serverId,
        code: 'smb-unreachable',
        subject: null,
        severity: 'critical',
        startedAt: '2026-11-29T10:00:00.000Z',
        endedAt: null,
        lastValue: null,
        lastAt: '2026-11-29T13:05:00.000Z',
      },
    ],
  };
}

/** Creates a fake API with optional initial data and command overrides. */
export function createFakeParcApi(
  initial: Partial<FakeParcApi['state']> = {},
  overrides: FakeOverrides = {},
): FakeParcApi {
  const state: FakeParcApi['state'] = {
    devices: [],
    credentials: [],
    settings: {
      // Every setting at its default (new ones included), then the values these tests rely on.
      ...SETTINGS_DEFAULTS,
      language: 'fr',
      targets: [],
      timeoutMs: 1000,
      retries: 1,
      concurrency: 128,
      port: 161,
      printerLowPercent: 10,
      orderWithinDays: 14,
    },
    suggestions: [],
    nextScanId: 1,
    printers: [],
    toOrder: [],
    histories: {},
    importPlan: null,
    savedFiles: ['/home/referent/Documents/parc-inventaire-2026-11-29.csv'],
    projectors: [],
    notices: [],
    inventoryImport: {
      files: 0,
      imported: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      skippedAlreadyImported: 0,
      invalid: [],
      unmatched: [],
    },
    report: makeHealthReport(),
    outbox: [],
    secrets: { hubToken: false, hubSecret: false },
    servers: [],
    serverStatuses: {},
    serverHistories: {},
    ...initial,
  };
  const calls: FakeParcApi['calls'] = [];
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  let nextCredentialId = state.credentials.reduce((max, c) => Math.max(max, c.id), 0) + 1;

  const defaults: { [C in CommandChannel]: Handler<C> } = {
    'inventory:list': (input) =>
      ok(input?.type ? state.devices.filter((d) => d.type === input.type) : [...state.devices]),
    // Sorted by IP, then id, as the engine sends it.
    'inventory:listSummaries': (input) =>
      ok(
        (input?.type ? state.devices.filter((d) => d.type === input.type) : state.devices)
          .map((d) => DeviceSummary.parse(d))
          .sort((a, b) => compareIp(a.ip, b.ip) || a.id - b.id),
      ),
    'inventory:get': (input) => {
      const device = state.devices.find((d) => d.id === input.id);
      return device ? ok({ ...device }) : fail('not-found', `No device with id ${input.id}.`);
    },
    'inventory:update': (input) => {
      const index = state.devices.findIndex((d) => d.id === input.id);
      const current = state.devices[index];
      if (!current) return fail('not-found', `Appareil ${input.id} inconnu`);
      const updated: Device = {
        ...current,
        ...(input.room !== undefined ? { room: input.room } : {}),
        ...(input.assetTag !== undefined ? { assetTag: input.assetTag } : {}),
        ...(input.notes !== undefined ? { notes: input.notes } : {}),
      };
      state.devices[index] = updated;
      return ok(updated);
    },
    'scan:start': () => ok({ scanId: state.nextScanId++ }),
    'scan:cancel': () => ok({ cancelled: true }),
    'scan:status': () => ok({ running: null, last: null }),
    'network:suggest': () => ok(state.suggestions),
    'credentials:list': () => ok([...state.credentials]),
    'credentials:add': (input) => {
      const id = nextCredentialId++;
      state.credentials.push(
        input.kind === 'community'
          ? {
              ...communitySummary(id, input.version),
              label: describeCredential(input, state.credentials.length),
            }
          : {
              ...v3Summary(id, input.user, input.auth.protocol, input.priv?.protocol ?? null),
              label: describeCredential(input, state.credentials.length),
            },
      );
      return ok([...state.credentials]);
    },
    'credentials:remove': (input) => {
      state.credentials = state.credentials.filter((c) => c.id !== input.id);
      return ok([...state.credentials]);
    },
    'credentials:move': (input) => {
      const index = state.credentials.findIndex((c) => c.id === input.id);
      const target = input.direction === 'up' ? index - 1 : index + 1;
      if (index < 0 || target < 0 || target >= state.credentials.length) return ok([...state.credentials]);
      const list = [...state.credentials];
      [list[index], list[target]] = [list[target]!, list[index]!];
      state.credentials = list;
      return ok([...list]);
    },
    'printers:list': () => ok({ printers: [...state.printers], toOrder: [...state.toOrder] }),
    'printers:poll': () => ok({ polled: state.printers.length, failed: 0 }),
    'printers:replace': (input) => {
      const printer = state.printers.find((p) => p.deviceId === input.deviceId);
      const supply = printer?.supplies.find((s) => `${s.deviceIndex}.${s.index}` === input.supplyKey);
      if (!printer || !supply)
        return fail('not-found', `Supply ${input.supplyKey} of ${input.deviceId} unknown`);
      // As the engine would after a new cartridge: full again, off the order list.
      Object.assign(supply, { level: supply.maxCapacity, percent: 100, state: 'ok', daysLeft: null });
      state.toOrder = state.toOrder.filter(
        (o) => !(o.deviceId === input.deviceId && o.supplyKey === input.supplyKey),
      );
      return ok({ recorded: true as const });
    },
    'printers:history': (input) => {
      const history = state.histories[input.deviceId];
      if (history) return ok(history);
      return state.printers.some((p) => p.deviceId === input.deviceId)
        ? ok({ supplies: [], pages: [] })
        : fail('not-found', `No printer with id ${input.deviceId}.`);
    },
    'projectors:list': () => ok([...state.projectors]),
    'projectors:poll': () => ok({ read: state.projectors.length, failed: 0 }),
    'projectors:rated': (input) => {
      const index = state.projectors.findIndex((p) => p.deviceId === input.deviceId);
      const current = state.projectors[index];
      if (!current) return fail('not-found', `No projector with id ${input.deviceId}.`);
      // As the engine would: the new rated life (6,000 h back by default) and the percentages.
      const ratedHours = input.ratedLampHours ?? 6000;
      const updated: ProjectorSummary = {
        ...current,
        ratedByUser: input.ratedLampHours !== null,
        lamps: current.lamps.map((lamp) => ({
          ...lamp,
          ratedHours,
          percentUsed: (lamp.hours / ratedHours) * 100,
        })),
      };
      state.projectors[index] = updated;
      return ok(updated);
    },
    'servers:list': () => ok([...state.servers]),
    'servers:save': (input) => {
      const address = input.address ?? '';
      const saved: ServerConfig = {
        id: input.id ?? state.servers.reduce((max, x) => Math.max(max, x.id), 0) + 1,
        deviceId: input.deviceId ?? null,
        name: input.name ?? address,
        address,
        snmp: input.snmp ?? true,
        snmpPort: input.snmpPort ?? 161,
        smbShare: input.smbShare ?? null,
        smbUser: input.smbUser ?? null,
        // Write-only, as the engine: absent keeps the stored password, empty removes it.
        smbPasswordSet:
          input.smbPassword === undefined
            ? (state.servers.find((x) => x.id === input.id)?.smbPasswordSet ?? false)
            : input.smbPassword !== '',
        smbPort: input.smbPort ?? 445,
        local: input.local ?? false,
        services: input.services ?? ['smbd'],
      };
      state.servers = [...state.servers.filter((x) => x.id !== saved.id), saved];
      return ok(saved);
    },
    'servers:remove': ({ id }) => {
      if (!state.servers.some((x) => x.id === id))
        return fail('not-found', `No watched server with id ${id}.`);
      state.servers = state.servers.filter((x) => x.id !== id);
      return ok([...state.servers]);
    },
    'servers:poll': (input) =>
      ok({ polled: input?.id === undefined ? state.servers.length : 1, failed: 0, failures: [] }),
    'servers:status': (input) => {
      const status = (server: ServerConfig): ServerStatus =>
        state.serverStatuses[server.id] ?? {
          id: server.id,
          name: server.name,
          deviceId: server.deviceId,
          ip: server.address,
          state: 'unknown',
          sampledAt: null,
          uptimeSeconds: null,
          cpuPercent: null,
          cpuCount: null,
          load: null,
          memory: null,
          volumes: [],
          smb: null,
          services: [],
          nas: null,
          problems: [],
          alerts: [],
        };
      const chosen = input?.id === undefined ? state.servers : state.servers.filter((x) => x.id === input.id);
      if (input?.id !== undefined && chosen.length === 0)
        return fail('not-found', `No watched server with id ${input.id}.`);
      return ok(chosen.map(status));
    },
    'servers:history': (input) => {
      if (!state.servers.some((x) => x.id === input.id))
        return fail('not-found', `No watched server with id ${input.id}.`);
      const days = input.days ?? 7;
      return ok(
        state.serverHistories[input.id] ?? {
          days,
          resolution: days <= 7 ? 'raw' : days <= 90 ? 'hour' : 'day',
          cpu: [],
          load: [],
          memory: [],
          volumes: [],
          alerts: [],
        },
      );
    },
    'inventories:import': () => ok(state.inventoryImport),
    'reports:preview': () =>
      state.settings.uai
        ? ok(state.report)
        : fail('invalid-input', "The school's UAI is not set.", { reason: 'missing-uai' }),
    'reports:send': ({ report }) => {
      // As the engine: the report goes into the outbox first, then everything pending is sent.
      if (state.outbox.some((item) => item.id === report.id)) {
        return fail('failed', `The outbox could not store report ${report.id}: already in the outbox.`);
      }
      state.outbox.unshift(
        makeOutboxItem({
          id: report.id,
          destination: state.settings.hubUrl ?? '',
          createdAt: '2026-11-30T06:31:00.000Z',
          status: 'pending',
          attempts: 0,
          nextAttemptAt: '2026-11-30T06:31:00.000Z',
          sentAt: null,
        }),
      );
      if (!state.settings.hubUrl || !state.secrets.hubToken || !state.secrets.hubSecret) {
        return fail(
          'invalid-input',
          'No hub address: set hubUrl (parc settings set hubUrl URL) or give --hub.',
        );
      }
      let sent = 0;
      state.outbox = state.outbox.map((item) => {
        if (item.status !== 'pending') return item;
        sent++;
        return {
          ...item,
          status: 'sent',
          attempts: item.attempts + 1,
          nextAttemptAt: null,
          sentAt: '2026-11-30T06:31:01.000Z',
        };
      });
      return ok({ sent, rejected: 0, pending: 0 });
    },
    'reports:outbox': () => ok(state.outbox.map((item) => ({ ...item }))),
    'reports:retry': ({ id }) => {
      const item = state.outbox.find((candidate) => candidate.id === id);
      if (!item || item.status !== 'rejected') return ok({ requeued: false });
      Object.assign(item, { status: 'pending', nextAttemptAt: '2026-11-30T06:32:00.000Z' });
      return ok({ requeued: true });
    },
    'reports:secrets': () => ok({ ...state.secrets }),
    'reports:setSecret': ({ name, value }) => {
      // Write-only, as the engine: only whether it is set comes back.
      state.secrets = { ...state.secrets, [name]: value !== '' };
      return ok({ ...state.secrets });
    },
    'app:notices': () => ok(state.notices),
    'settings:get': () => ok(state.settings),
    'settings:set': (input) => {
      state.settings = { ...state.settings, ...input };
      return ok(state.settings);
    },
    'export:save': (input) => {
      if (!state.savedFiles) return ok({ cancelled: true as const });
      const types = input.types ?? [];
      const devices = state.devices.filter((d) => types.length === 0 || types.includes(d.type)).length;
      return ok({ files: [...state.savedFiles], devices });
    },
    'import:plan': (input) =>
      ok({
        ...(state.importPlan ?? {
          file: '',
          columns: [],
          rowCount: 0,
          matched: [],
          unmatched: [],
          ambiguous: [],
        }),
        file: input.fileName,
      }),
    'import:apply': ({ plan }) => {
      let fieldsChanged = 0;
      const changed = new Set<number>();
      for (const match of plan.matched) {
        const index = state.devices.findIndex((d) => d.id === match.deviceId);
        const device = state.devices[index];
        if (!device) continue;
        for (const change of match.changes) {
          if (change.field === 'assetTag') continue; // not part of `Device`
          state.devices[index] = { ...state.devices[index]!, [change.field]: change.to };
          fieldsChanged++;
          changed.add(match.deviceId);
        }
      }
      return ok({ devicesChanged: changed.size, fieldsChanged, conflicts: [] });
    },
  };

  const api: FakeParcApi = {
    calls,
    state,
    invoke: async <C extends CommandChannel>(channel: C, input: CommandInput<C>) => {
      calls.push({ channel, input });
      const handler = (overrides[channel] ?? defaults[channel]) as Handler<C>;
      return handler(input);
    },
    on: <E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const stored = listener as (payload: never) => void;
      set.add(stored);
      return () => {
        set.delete(stored);
      };
    },
    inputsOf: <C extends CommandChannel>(channel: C) =>
      calls.filter((call) => call.channel === channel).map((call) => call.input as CommandInput<C>),
    emit: <E extends EventChannel>(event: E, payload: EventPayload<E>) => {
      for (const listener of listeners.get(event) ?? []) (listener as (p: EventPayload<E>) => void)(payload);
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
  return api;
}
