/**
 * The health report builder: turns one snapshot of the inventory, the printers and the
 * projectors into a HealthReport (shared/domain/report.ts). Pure: the caller passes the time,
 * the id and the previous report's end. Incident codes and severities are data tables below.
 */
import type { ServerAlert, ServerStatus } from '../../../shared/domain/server';
import type { Device, DeviceType } from '../../../shared/domain/device';
import {
  DEVICE_TYPES,
  DEVICE_TYPE_WORDS_FR,
  SUPPLY_COLOR_WORDS_FR,
  SUPPLY_KIND_WORDS_FR,
} from '../../../shared/domain/vocabulary';
import type { PrinterError, PrinterSummary, Supply, SupplyToOrder } from '../../../shared/domain/printer';
import type { ProjectorAlert, ProjectorSummary } from '../../../shared/domain/projector-summary';
import {
  HEALTH_REPORT_FORMAT,
  HEALTH_REPORT_VERSION,
  HealthReport,
  type HealthIncident,
  type HealthOrderLine,
  type HealthReportDevice,
  type HealthSeverity,
} from '../../../shared/domain/report';
import { isValidUai } from '../../../shared/domain/school';
import type { Settings } from '../../../shared/domain/settings';
import { supplyKey } from '../db/repositories/printers-repo';
import { InputError } from '../errors';
import { maskNullable, maskPersonalData } from './privacy';

/** What the builder refuses to go without: the report is keyed by the UAI at the hub. */
export const MISSING_UAI_MESSAGE =
  "Renseignez l'UAI du lycée dans les réglages (the school's UAI is not set: parc settings set uai 0750655E).";

/** Everything a report is made from; nothing else is read. Times are ISO 8601. */
export interface ReportInput {
  /** `uai` must be a valid UAI; `schoolName` and `town` may be null. */
  settings: Pick<Settings, 'uai' | 'schoolName' | 'town'>;
  /** The whole inventory (`inventory.list()`), missing devices included. */
  devices: readonly Device[];
  /** `printers.list().printers`: last reading and open incidents of each printer. */
  printers: readonly PrinterSummary[];
  /** `printers.list().toOrder`, most urgent first. */
  toOrder: readonly SupplyToOrder[];
  /** `projectors.list()`. */
  projectors: readonly ProjectorSummary[];
  /** `servers.statuses()`: the watched file servers (none when absent). */
  servers?: readonly ServerStatus[];
  /** The previous report (its `period.to`), or null before the first report. */
  previous: { to: string } | null;
  /** When the first scan started (`scan` history), or null when nothing was ever scanned. */
  firstScanAt: string | null;
  /** Generation time. */
  now: string;
  parcVersion: string;
  /** A UUID v4, the outbox's Idempotency-Key. */
  id: string;
}

/**
 * Severity and French words of each hrPrinterDetectedErrorState bit (RFC 2790 hrPrinterDetectedErrorState,
 * RFC 3805 extensions), reported as `printer-error` with the bit's name as `subject`.
 * Critical: the printer cannot print until someone acts; warning: it prints, someone should come.
 */
export const PRINTER_ERROR_INCIDENTS: Readonly<
  Record<PrinterError, { severity: HealthSeverity; fr: string }>
> = {
  'low-paper': { severity: 'info', fr: 'Papier bientôt épuisé' },
  'no-paper': { severity: 'warning', fr: 'Plus de papier' },
  'low-toner': { severity: 'info', fr: 'Toner bas' },
  'no-toner': { severity: 'critical', fr: 'Toner vide' },
  'door-open': { severity: 'critical', fr: 'Capot ouvert' },
  jammed: { severity: 'critical', fr: 'Bourrage papier' },
  offline: { severity: 'warning', fr: 'Hors ligne' },
  'service-requested': { severity: 'warning', fr: 'Intervention demandée' },
  'input-tray-missing': { severity: 'warning', fr: 'Bac d’alimentation absent' },
  'output-tray-missing': { severity: 'warning', fr: 'Bac de sortie absent' },
  'marker-supply-missing': { severity: 'critical', fr: 'Consommable absent' },
  'output-near-full': { severity: 'info', fr: 'Bac de sortie presque plein' },
  'output-full': { severity: 'warning', fr: 'Bac de sortie plein' },
  'input-tray-empty': { severity: 'warning', fr: 'Bac d’alimentation vide' },
  'overdue-prevent-maint': { severity: 'warning', fr: 'Maintenance préventive en retard' },
};

/** PJLink ERST parts (JBMIA PJLink class 1, ERST) in French. */
const PJLINK_PART_FR: Readonly<Record<string, string>> = {
  fan: 'ventilateur',
  lamp: 'lampe',
  temperature: 'température',
  cover: 'capot',
  filter: 'filtre',
  other: 'autre',
};

const SEVERITY_RANK: Readonly<Record<HealthSeverity, number>> = { critical: 0, warning: 1, info: 2 };

/** ISO 8601 in UTC with milliseconds and `Z`, whatever offset the input had. */
const instant = (time: string) => new Date(time).toISOString();

/** Dotted IPv4 as a number for sorting; anything else sorts after. */
const ipNumber = (ip: string) =>
  /^\d{1,3}(\.\d{1,3}){3}$/.test(ip)
    ? ip.split('.').reduce((n, part) => n * 256 + Number(part), 0)
    : Infinity;

const byAddress = (a: { ip: string; deviceId: number | null }, b: { ip: string; deviceId: number | null }) =>
  ipNumber(a.ip) - ipNumber(b.ip) || a.ip.localeCompare(b.ip) || (a.deviceId ?? 0) - (b.deviceId ?? 0);

const isWaste = (kind: string) => kind === 'waste-toner' || kind === 'waste-ink';

/** `Toner cyan`, `Tambour`: a supply in French words (the printers screen's words). */
const supplyWords = (supply: Pick<Supply, 'kind' | 'color'>) =>
  supply.color
    ? `${SUPPLY_KIND_WORDS_FR[supply.kind]} ${SUPPLY_COLOR_WORDS_FR[supply.color]}`
    : SUPPLY_KIND_WORDS_FR[supply.kind];

/** `toner/cyan`, `drum`: a supply as a stable word. */
const supplySubject = (supply: Pick<Supply, 'kind' | 'color'>) =>
  supply.color ? `${supply.kind}/${supply.color}` : supply.kind;

/** A device of the change lists: identity and place only (no sysContact, notes, sysName). */
function reportDevice(device: Device): HealthReportDevice {
  return {
    deviceId: device.id,
    type: device.type,
    vendor: maskNullable(device.vendor),
    model: maskNullable(device.model),
    serial: maskNullable(device.serial),
    ip: device.ip,
    room: maskNullable(device.room),
    firstSeen: instant(device.firstSeen),
    lastSeen: instant(device.lastSeen),
  };
}

/** Where an incident is: the fields every incident repeats. */
type Place = Pick<HealthIncident, 'deviceId' | 'deviceType' | 'ip' | 'room' | 'model'>;

/**
 * The incidents of one printer: its open incidents (`supply-empty:<key>`, `supply-low:<key>`,
 * `printer-error:<bit>`, since when they opened), plus any error bit of the last reading that no
 * open incident covers yet (since the reading). Unknown keys are skipped.
 */
function printerIncidents(printer: PrinterSummary, deviceType: DeviceType): HealthIncident[] {
  const place: Place = {
    deviceId: printer.deviceId,
    deviceType,
    ip: printer.ip,
    room: maskNullable(printer.room),
    model: maskNullable(printer.model),
  };
  const supplies = new Map(printer.supplies.map((s) => [supplyKey(s), s]));
  const incidents: HealthIncident[] = [];
  const errorIncident = (error: string, since: string) => {
    const known = PRINTER_ERROR_INCIDENTS[error as PrinterError] ?? { severity: 'warning', fr: error };
    incidents.push({
      code: 'printer-error',
      severity: known.severity,
      ...place,
      subject: error,
      since: instant(since),
      detail: known.fr,
    });
  };
  for (const { key, since } of printer.incidents) {
    const colon = key.indexOf(':');
    const [kind, rest] = [key.slice(0, colon), key.slice(colon + 1)];
    if (kind === 'printer-error') {
      errorIncident(rest, since);
      continue;
    }
    if (kind !== 'supply-empty' && kind !== 'supply-low') continue;
    const supply = supplies.get(rest);
    const words = supply ? supplyWords(supply) : 'Consommable';
    const waste = supply !== undefined && isWaste(supply.kind);
    const level = supply?.percent != null ? `${Math.round(supply.percent)} %` : null;
    const empty = kind === 'supply-empty';
    const state = empty ? (waste ? 'plein' : 'vide') : waste ? 'presque plein' : 'bas';
    incidents.push({
      code: empty ? 'printer-supply-empty' : 'printer-supply-low',
      severity: empty ? 'critical' : 'warning',
      ...place,
      subject: supply ? supplySubject(supply) : null,
      since: instant(since),
      detail: `${words} : ${level && !empty ? `${level} (${state})` : state}`,
    });
  }
  const covered = new Set(printer.incidents.map((i) => i.key));
  const readAt = printer.readAt;
  if (readAt !== null)
    for (const error of printer.errors)
      if (!covered.has(`printer-error:${error}`)) errorIncident(error, readAt);
  return incidents;
}

/** The lamp nearest its end, or undefined when the projector reports none. */
const worstLamp = (projector: ProjectorSummary) =>
  projector.lamps.reduce<ProjectorSummary['lamps'][number] | undefined>(
    (worst, lamp) => (worst === undefined || lamp.percentUsed > worst.percentUsed ? lamp : worst),
    undefined,
  );

/** One projector alert as an incident (lamp-end → projector-lamp-end, filter-due → projector-filter, pjlink-error → projector-error). */
function projectorIncident(projector: ProjectorSummary, alert: ProjectorAlert): HealthIncident {
  const place: Place = {
    deviceId: projector.deviceId,
    deviceType: projector.type,
    ip: projector.ip,
    room: maskNullable(projector.room),
    model: maskNullable(projector.model),
  };
  const since = instant(projector.readAt ?? projector.lastSeen);
  const level = alert.severity === 'critical' ? 'erreur' : 'avertissement';
  switch (alert.code) {
    case 'lamp-end': {
      const lamp = worstLamp(projector);
      const detail = lamp
        ? `Lampe à ${Math.round(lamp.percentUsed)} % de sa durée de vie (${lamp.hours} h sur ${lamp.ratedHours} h)`
        : 'Lampe en fin de vie';
      return {
        code: 'projector-lamp-end',
        severity: alert.severity,
        ...place,
        subject: 'lamp',
        since,
        detail,
      };
    }
    case 'filter-due':
      return {
        code: 'projector-filter',
        severity: alert.severity,
        ...place,
        subject: 'filter',
        since,
        detail: `Filtre à nettoyer ou remplacer (${level})`,
      };
    case 'pjlink-error': {
      const part = alert.part ?? 'other';
      return {
        code: 'projector-error',
        severity: alert.severity,
        ...place,
        subject: part,
        since,
        detail: `Erreur PJLink : ${PJLINK_PART_FR[part] ?? part} (${level})`,
      };
    }
    default:
      return assertNever(alert.code);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected value ${String(value)}`);
}

/** The report code of each file server alert (sustained load is not reported to the hub). */
const SERVER_INCIDENT_CODE: Partial<Record<ServerAlert['code'], HealthIncident['code']>> = {
  'volume-warning': 'server-volume-warning',
  'volume-critical': 'server-volume-critical',
  'smb-unreachable': 'smb-down',
  'smb-listing-failed': 'smb-down',
  'service-stopped': 'service-stopped',
};

/** French words of each reported file server alert. */
const SERVER_INCIDENT_WORDS: Partial<Record<ServerAlert['code'], (subject: string | null) => string>> = {
  'volume-warning': (mount) => `Serveur de fichiers : volume ${mount ?? ''} presque plein`,
  'volume-critical': (mount) => `Serveur de fichiers : volume ${mount ?? ''} plein ou presque`,
  'smb-unreachable': () => 'Serveur de fichiers : le partage réseau (SMB) ne répond pas',
  'smb-listing-failed': () => 'Serveur de fichiers : le partage ne peut pas être ouvert',
  'service-stopped': (service) => `Serveur de fichiers : le service ${service ?? ''} est arrêté`,
};

/** A file server's open alerts as incidents. */
function serverIncidents(server: ServerStatus, devices: ReadonlyMap<number, Device>): HealthIncident[] {
  const device = server.deviceId === null ? undefined : devices.get(server.deviceId);
  return server.alerts.flatMap((alert) => {
    const code = SERVER_INCIDENT_CODE[alert.code];
    const words = SERVER_INCIDENT_WORDS[alert.code];
    if (!code || !words) return [];
    return [
      {
        code,
        severity: alert.severity,
        deviceId: server.deviceId,
        deviceType: device?.type ?? 'server',
        ip: server.ip,
        room: maskNullable(device?.room ?? null),
        model: maskNullable(device?.model ?? null),
        subject: alert.subject === null ? null : maskPersonalData(alert.subject),
        since: instant(alert.startedAt),
        detail: maskPersonalData(words(alert.subject)),
      },
    ];
  });
}

/** The file servers' summary (null when none is watched). */
function fileServers(servers: readonly ServerStatus[]): HealthReport['fileServer'] {
  if (servers.length === 0) return null;
  return servers.map((server) => ({
    name: maskPersonalData(server.name),
    state: server.state,
    sampledAt: server.sampledAt === null ? null : instant(server.sampledAt),
    smbReachable: server.smb?.reachable ?? null,
    volumes: server.volumes.map((v) => ({
      mount: maskPersonalData(v.mount),
      sizeBytes: v.sizeBytes,
      usedBytes: v.usedBytes,
      percent: v.percent,
      fullInDays: v.fullInDays,
    })),
  }));
}

/** A device the last scan did not find: warning, since its last sighting. */
function missingIncident(device: Device): HealthIncident {
  return {
    code: 'device-missing',
    severity: 'warning',
    deviceId: device.id,
    deviceType: device.type,
    ip: device.ip,
    room: maskNullable(device.room),
    model: maskNullable(device.model),
    subject: null,
    since: instant(device.lastSeen),
    detail: `${DEVICE_TYPE_WORDS_FR[device.type]} absent du dernier scan`,
  };
}

/** A printer supply to order, from the printers feature's order list. */
function supplyLine(line: SupplyToOrder, deviceType: DeviceType): HealthOrderLine {
  return {
    kind: line.kind,
    supply: maskPersonalData(line.description ?? supplyWords(line)),
    color: line.color,
    partNumber: maskNullable(line.partNumber),
    deviceId: line.deviceId,
    deviceType,
    device: maskPersonalData(line.printer),
    model: maskNullable(line.model),
    room: maskNullable(line.room),
    percent: line.percent,
    daysLeft: line.daysLeft,
  };
}

/**
 * The replacement lamp of a projector with a lamp-end alert: percent is the rated life left of
 * its most used lamp, daysLeft that life at the projector's hours per day (null without usage).
 */
function lampLine(projector: ProjectorSummary): HealthOrderLine {
  const lamp = worstLamp(projector);
  const hoursLeft = lamp ? Math.max(0, lamp.ratedHours - lamp.hours) : null;
  const perDay = projector.hoursPerDay;
  return {
    kind: 'projector-lamp',
    supply: 'Lampe de vidéoprojecteur',
    color: null,
    partNumber: maskNullable(projector.lampModel),
    deviceId: projector.deviceId,
    deviceType: projector.type,
    device: maskPersonalData(projector.name ?? projector.model ?? projector.ip),
    model: maskNullable(projector.model),
    room: maskNullable(projector.room),
    percent: lamp ? Math.max(0, Math.round(100 - lamp.percentUsed)) : null,
    daysLeft: hoursLeft !== null && perDay !== null && perDay > 0 ? Math.floor(hoursLeft / perDay) : null,
  };
}

/** Most severe first, then by room (unplaced last), address, code and subject. */
function byUrgency(a: HealthIncident, b: HealthIncident): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (a.room ?? '\uffff').localeCompare(b.room ?? '\uffff') ||
    byAddress(a, b) ||
    a.code.localeCompare(b.code) ||
    (a.subject ?? '').localeCompare(b.subject ?? '')
  );
}

/**
 * Builds the health report of `input` (see ReportInput and HealthReport).
 * - period: from the previous report's `to` (else the first scan, else `now`) to `now`; a
 *   device is new when `from <= firstSeen < to`.
 * - changes.missingDevices: every device with `missing` true, each also a `device-missing` incident.
 * - incidents: the printers' open incidents, the projectors' alerts (since their reading), and
 *   the missing devices; most severe first.
 * - toOrder: `input.toOrder` in its order, then the lamps of projectors with a lamp-end alert.
 * Vendor, model, serial, room, names and supply descriptions go through maskPersonalData;
 * sysContact, sysName of the change lists, sysDescr, sysLocation and notes are never read.
 * @throws InputError (MISSING_UAI_MESSAGE) when the settings have no valid UAI.
 * @throws ZodError when the input yields an invalid report (an id that is not a UUID v4, a bad time).
 */
export function buildReport(input: ReportInput): HealthReport {
  const { settings } = input;
  if (settings.uai === null || !isValidUai(settings.uai))
    throw new InputError(MISSING_UAI_MESSAGE, 'missing-uai');
  const to = instant(input.now);
  const start = instant(input.previous?.to ?? input.firstScanAt ?? to);
  const from = Date.parse(start) <= Date.parse(to) ? start : to;
  const [fromMs, toMs] = [Date.parse(from), Date.parse(to)];

  const typeOf = new Map(input.devices.map((d) => [d.id, d.type]));
  const devicesById = new Map(input.devices.map((d) => [d.id, d]));
  const byType = Object.fromEntries(DEVICE_TYPES.map((type) => [type, 0])) as Record<DeviceType, number>;
  for (const device of input.devices) byType[device.type] += 1;
  const missing = input.devices.filter((d) => d.missing);
  const newDevices = input.devices.filter((d) => {
    const seen = Date.parse(d.firstSeen);
    return fromMs <= seen && seen < toMs;
  });
  const sortDevices = (list: Device[]) => list.map(reportDevice).sort(byAddress);

  const incidents = [
    ...input.printers.flatMap((p) => printerIncidents(p, typeOf.get(p.deviceId) ?? 'printer')),
    ...input.projectors.flatMap((p) => p.alerts.map((alert) => projectorIncident(p, alert))),
    ...missing.map(missingIncident),
    ...(input.servers ?? []).flatMap((server) => serverIncidents(server, devicesById)),
  ].sort(byUrgency);

  const withHours = input.projectors.flatMap((p) => (p.hoursPerDay === null ? [] : [p.hoursPerDay]));
  const toOrder = [
    ...input.toOrder.map((line) => supplyLine(line, typeOf.get(line.deviceId) ?? 'printer')),
    ...input.projectors.filter((p) => p.alerts.some((a) => a.code === 'lamp-end')).map(lampLine),
  ];

  return HealthReport.parse({
    format: HEALTH_REPORT_FORMAT,
    version: HEALTH_REPORT_VERSION,
    id: input.id,
    school: {
      uai: settings.uai,
      name: maskNullable(settings.schoolName),
      town: maskNullable(settings.town),
    },
    generatedAt: to,
    period: { from, to },
    parcVersion: input.parcVersion,
    inventory: { total: input.devices.length, byType, missing: missing.length },
    changes: { newDevices: sortDevices(newDevices), missingDevices: sortDevices(missing) },
    incidents,
    toOrder,
    projectors: {
      count: input.projectors.length,
      hoursPerDayAverage:
        withHours.length === 0
          ? null
          : Math.round((withHours.reduce((sum, h) => sum + h, 0) / withHours.length) * 10) / 10,
    },
    fileServer: fileServers(input.servers ?? []),
  } satisfies HealthReport);
}
