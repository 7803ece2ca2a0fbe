/**
 * A small lycée as the engine would list it, for the health report tests: a colour printer low
 * on cyan toner (B12), a jammed printer (CDI), an Epson projector at 92 % of its lamp life
 * (B14), a switch the last scan did not find, a new PC whose sysContact holds an e-mail address
 * and whose notes hold a phone number, and a Wi-Fi access point placed in a room whose name
 * carries an e-mail address, both new since the previous report.
 */
import type { Device } from '../../../shared/domain/device';
import type { PrinterSummary, Supply, SupplyToOrder } from '../../../shared/domain/printer';
import type { ProjectorSummary } from '../../../shared/domain/projector-summary';
import type { ReportInput } from '../../../electron/engine/reports/build';

export const CONTACT_EMAIL = 'jean.dupont@ac-creteil.fr';
export const NOTES_PHONE = '06 12 34 56 78';
export const ROOM_EMAIL = 'marie.curie@ac-creteil.fr';
export const REPORT_ID = '3f1c9a52-7d4e-4b8a-9c1f-2e6b5d8a0c47';
export const PREVIOUS_TO = '2026-03-01T06:30:00.000Z';
export const NOW = '2026-03-02T06:30:00.000Z';

/** A device with every field set to a plain value; `over` changes what a test needs. */
export function device(over: Partial<Device> & Pick<Device, 'id' | 'ip' | 'type'>): Device {
  return {
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
    firstSeen: '2025-09-02T07:00:00.000Z',
    lastSeen: '2026-03-02T06:00:00.000Z',
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
    ...over,
  };
}

export const DEVICES: readonly Device[] = [
  device({
    id: 1,
    ip: '10.12.0.21',
    type: 'printer',
    vendor: 'HP',
    model: 'Color LaserJet Pro M454dn',
    serial: 'VNB3K12345',
    sysName: 'IMP-B12',
    sysContact: 'service informatique',
    room: 'B12',
  }),
  device({
    id: 2,
    ip: '10.12.0.9',
    type: 'printer',
    vendor: 'Kyocera',
    model: 'ECOSYS M3145dn',
    serial: 'VCF9Z00871',
    sysName: 'KM-CDI',
    room: 'CDI',
  }),
  device({
    id: 3,
    ip: '10.12.1.40',
    type: 'projector',
    vendor: 'Epson',
    model: 'EB-695Wi',
    serial: 'X4RZ8700123',
    sources: ['pjlink'],
    room: 'B14',
  }),
  device({
    id: 4,
    ip: '10.12.0.2',
    type: 'switch',
    vendor: 'HP',
    model: 'ProCurve 2530-24G',
    serial: 'CN12FP0456',
    room: 'Local technique',
    missing: true,
    lastSeen: '2026-02-27T07:00:00.000Z',
  }),
  device({
    id: 5,
    ip: '10.12.2.101',
    type: 'computer',
    vendor: 'Dell',
    model: 'OptiPlex 7010',
    serial: '7GH2K93',
    sysName: 'PC-SDP-01',
    sysContact: CONTACT_EMAIL,
    sysDescr: `Windows 11, contact ${CONTACT_EMAIL}`,
    sysLocation: `Salle des profs (${CONTACT_EMAIL})`,
    notes: `Prêté à M. Dupont, tél. ${NOTES_PHONE}`,
    room: 'Salle des profs',
    firstSeen: '2026-03-01T14:05:00.000Z',
    lastSeen: '2026-03-02T06:00:00.000Z',
  }),
  device({
    id: 6,
    ip: '10.12.0.30',
    type: 'access-point',
    vendor: 'Ubiquiti',
    model: 'UniFi U6-Lite',
    room: `Salle 204 (resp. ${ROOM_EMAIL})`,
    firstSeen: '2026-03-01T09:30:00.000Z',
  }),
];

const supply = (over: Partial<Supply> & Pick<Supply, 'index' | 'kind'>): Supply => ({
  deviceIndex: 1,
  color: null,
  description: null,
  partNumber: null,
  unit: 'percent',
  maxCapacity: 100,
  level: 80,
  percent: 80,
  state: 'ok',
  daysLeft: null,
  ...over,
});

const idle = {
  status: 'idle' as const,
  errors: [],
  alerts: [],
  display: null,
  pageCount: { total: 48_210, mono: null, color: null },
  trays: [],
  pagesPerMonth: 1800,
};

export const PRINTERS: readonly PrinterSummary[] = [
  {
    ...idle,
    status: 'warning',
    errors: ['low-toner'],
    deviceId: 1,
    ip: '10.12.0.21',
    sysName: 'IMP-B12',
    vendor: 'HP',
    model: 'Color LaserJet Pro M454dn',
    serial: 'VNB3K12345',
    room: 'B12',
    readAt: '2026-03-02T06:00:00.000Z',
    supplies: [
      supply({
        index: 1,
        kind: 'toner',
        color: 'black',
        description: 'Black Cartridge HP W2030A',
        partNumber: 'W2030A',
      }),
      supply({
        index: 2,
        kind: 'toner',
        color: 'cyan',
        description: 'Cyan Cartridge HP W2031A',
        partNumber: 'W2031A',
        level: 8,
        percent: 8,
        state: 'low',
        daysLeft: 6,
      }),
    ],
    incidents: [
      { key: 'supply-low:1.2', since: '2026-02-28T09:12:00.000Z' },
      { key: 'printer-error:low-toner', since: '2026-02-28T09:12:00.000Z' },
    ],
  },
  {
    ...idle,
    status: 'error',
    errors: ['jammed'],
    deviceId: 2,
    ip: '10.12.0.9',
    sysName: 'KM-CDI',
    vendor: 'Kyocera',
    model: 'ECOSYS M3145dn',
    serial: 'VCF9Z00871',
    room: 'CDI',
    readAt: '2026-03-02T06:00:00.000Z',
    supplies: [supply({ index: 1, kind: 'toner', color: 'black', partNumber: 'TK-3160' })],
    incidents: [{ key: 'printer-error:jammed', since: '2026-03-01T10:41:00.000Z' }],
  },
];

export const TO_ORDER: readonly SupplyToOrder[] = [
  {
    deviceId: 1,
    supplyKey: '1.2',
    printer: 'IMP-B12',
    room: 'B12',
    model: 'Color LaserJet Pro M454dn',
    kind: 'toner',
    color: 'cyan',
    description: 'Cyan Cartridge HP W2031A',
    partNumber: 'W2031A',
    percent: 8,
    state: 'low',
    daysLeft: 6,
  },
];

export const PROJECTORS: readonly ProjectorSummary[] = [
  {
    deviceId: 3,
    type: 'projector',
    ip: '10.12.1.40',
    room: 'B14',
    name: 'VP-B14',
    vendor: 'Epson',
    model: 'EB-695Wi',
    serial: 'X4RZ8700123',
    state: 'on',
    power: 'on',
    errors: { fan: 'ok', lamp: 'ok', temperature: 'ok', cover: 'ok', filter: 'ok', other: 'ok' },
    lamps: [{ hours: 5520, on: true, ratedHours: 6000, percentUsed: 92 }],
    filterHours: 5520,
    lampModel: 'ELPLP92',
    filterModel: 'ELPAF41',
    source: 'pjlink',
    readAt: '2026-03-02T06:10:00.000Z',
    lastSeen: '2026-03-02T06:10:00.000Z',
    hoursPerDay: 6,
    ratedByUser: false,
    alerts: [{ code: 'lamp-end', severity: 'warning', part: null }],
  },
];

/** The whole input: a valid UAI, the previous report a day ago. */
export function lyceeInput(over: Partial<ReportInput> = {}): ReportInput {
  return {
    settings: { uai: '0941234F', schoolName: 'Lycée Louise Michel', town: 'Champigny-sur-Marne' },
    devices: DEVICES,
    printers: PRINTERS,
    toOrder: TO_ORDER,
    projectors: PROJECTORS,
    previous: { to: PREVIOUS_TO },
    firstScanAt: '2025-09-02T07:00:00.000Z',
    now: NOW,
    parcVersion: '0.1.0',
    id: REPORT_ID,
    ...over,
  };
}
