import type { ServerStatus } from '../../../shared/domain/server';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../electron/engine/errors';
import { buildReport, MISSING_UAI_MESSAGE } from '../../../electron/engine/reports/build';
import type { PrinterSummary } from '../../../shared/domain/printer';
import type { ProjectorSummary } from '../../../shared/domain/projector-summary';
import {
  CONTACT_EMAIL,
  DEVICES,
  NOTES_PHONE,
  NOW,
  PREVIOUS_TO,
  PRINTERS,
  PROJECTORS,
  REPORT_ID,
  ROOM_EMAIL,
  device,
  lyceeInput,
} from './lycee';

/** The fields of an incident that say what it is. */
const what = (i: {
  code: string;
  severity: string;
  deviceId: number | null;
  subject: string | null;
  since: string;
}) => `${i.severity} ${i.code} #${i.deviceId} ${i.subject ?? '-'} since ${i.since}`;

describe('buildReport: the lycée', () => {
  const report = buildReport(lyceeInput());

  it('heads the document with its format, id, school, period and version', () => {
    expect(report).toMatchObject({
      format: 'parc-health-report',
      version: 1,
      id: REPORT_ID,
      school: { uai: '0941234F', name: 'Lycée Louise Michel', town: 'Champigny-sur-Marne' },
      generatedAt: NOW,
      period: { from: PREVIOUS_TO, to: NOW },
      parcVersion: '0.1.0',
      fileServer: null,
    });
  });

  it('counts the inventory by type, every type present, missing devices included', () => {
    expect(report.inventory).toEqual({
      total: 6,
      missing: 1,
      byType: {
        printer: 2,
        switch: 1,
        router: 0,
        'access-point': 1,
        nas: 0,
        server: 0,
        computer: 1,
        ups: 0,
        projector: 1,
        'interactive-display': 0,
        phone: 0,
        camera: 0,
        other: 0,
      },
    });
  });

  it('lists the access point and the PC first seen in the period as new, and the switch as missing', () => {
    expect(report.changes.newDevices.map((d) => d.deviceId)).toEqual([6, 5]);
    expect(report.changes.newDevices[1]).toEqual({
      deviceId: 5,
      type: 'computer',
      vendor: 'Dell',
      model: 'OptiPlex 7010',
      serial: '7GH2K93',
      ip: '10.12.2.101',
      room: 'Salle des profs',
      firstSeen: '2026-03-01T14:05:00.000Z',
      lastSeen: '2026-03-02T06:00:00.000Z',
    });
    expect(report.changes.missingDevices.map((d) => [d.deviceId, d.type, d.ip, d.room])).toEqual([
      [4, 'switch', '10.12.0.2', 'Local technique'],
    ]);
  });

  it('reports the incidents most severe first, each with its device, room and since', () => {
    expect(report.incidents.map(what)).toEqual([
      'critical printer-error #2 jammed since 2026-03-01T10:41:00.000Z',
      'warning printer-supply-low #1 toner/cyan since 2026-02-28T09:12:00.000Z',
      'warning projector-lamp-end #3 lamp since 2026-03-02T06:10:00.000Z',
      'warning device-missing #4 - since 2026-02-27T07:00:00.000Z',
      'info printer-error #1 low-toner since 2026-02-28T09:12:00.000Z',
    ]);
    expect(report.incidents[1]).toEqual({
      code: 'printer-supply-low',
      severity: 'warning',
      deviceId: 1,
      deviceType: 'printer',
      ip: '10.12.0.21',
      room: 'B12',
      model: 'Color LaserJet Pro M454dn',
      subject: 'toner/cyan',
      since: '2026-02-28T09:12:00.000Z',
      detail: 'Toner cyan : 8 % (bas)',
    });
    expect(report.incidents.map((i) => i.detail)).toEqual([
      'Bourrage papier',
      'Toner cyan : 8 % (bas)',
      'Lampe à 92 % de sa durée de vie (5520 h sur 6000 h)',
      'Commutateur absent du dernier scan',
      'Toner bas',
    ]);
    expect(report.incidents[2]).toMatchObject({ deviceType: 'projector', room: 'B14', model: 'EB-695Wi' });
  });

  it('orders the cyan toner and the projector lamp, with part numbers and days left', () => {
    expect(report.toOrder).toEqual([
      {
        kind: 'toner',
        supply: 'Cyan Cartridge HP W2031A',
        color: 'cyan',
        partNumber: 'W2031A',
        deviceId: 1,
        deviceType: 'printer',
        device: 'IMP-B12',
        model: 'Color LaserJet Pro M454dn',
        room: 'B12',
        percent: 8,
        daysLeft: 6,
      },
      {
        kind: 'projector-lamp',
        supply: 'Lampe de vidéoprojecteur',
        color: null,
        partNumber: 'ELPLP92',
        deviceId: 3,
        deviceType: 'projector',
        device: 'VP-B14',
        model: 'EB-695Wi',
        room: 'B14',
        // 480 h left at 6 h a day.
        percent: 8,
        daysLeft: 80,
      },
    ]);
    expect(report.projectors).toEqual({ count: 1, hoursPerDayAverage: 6 });
  });

  it('carries no sysContact, notes, sysDescr, sysLocation, sysName of a PC, nor any e-mail address', () => {
    const json = JSON.stringify(buildReport(lyceeInput()));
    for (const secret of [
      CONTACT_EMAIL,
      'jean.dupont',
      'ac-creteil',
      ROOM_EMAIL,
      'marie.curie',
      NOTES_PHONE,
      '0612345678',
      'Dupont',
      'Prêté',
      'Windows 11',
      'PC-SDP-01',
      'service informatique',
    ])
      expect(json, secret).not.toContain(secret);
    // The only "@" left are masks.
    expect(json.match(/.@/g)).toEqual(['*@']);
    expect(json).toContain('"room":"Salle 204 (resp. m***@…)"');
  });
});

describe('buildReport: the period and the new devices', () => {
  const at = (firstSeen: string, id = 10) => device({ id, ip: `10.12.3.${id}`, type: 'other', firstSeen });

  it('counts a device first seen exactly at the start, not one first seen exactly at the end', () => {
    const report = buildReport(
      lyceeInput({ devices: [at(PREVIOUS_TO, 10), at(NOW, 11), at('2026-03-01T06:29:59.999Z', 12)] }),
    );
    expect(report.changes.newDevices.map((d) => d.deviceId)).toEqual([10]);
  });

  it('starts the first report at the first scan: every device found since is new', () => {
    const report = buildReport(lyceeInput({ previous: null }));
    expect(report.period).toEqual({ from: '2025-09-02T07:00:00.000Z', to: NOW });
    expect(report.changes.newDevices.map((d) => d.deviceId)).toEqual([4, 2, 1, 6, 3, 5]);
  });

  it('covers an empty period when nothing was ever scanned', () => {
    const report = buildReport(lyceeInput({ previous: null, firstScanAt: null, devices: [] }));
    expect(report.period).toEqual({ from: NOW, to: NOW });
    expect(report.inventory.total).toBe(0);
  });

  it('normalises times to UTC with a Z', () => {
    const report = buildReport(lyceeInput({ now: '2026-03-02T07:30:00+01:00' }));
    expect(report.generatedAt).toBe(NOW);
  });
});

describe('buildReport: incidents', () => {
  const printer = (over: Partial<PrinterSummary>): PrinterSummary => ({ ...PRINTERS[1], ...over });
  const projector = (over: Partial<ProjectorSummary>): ProjectorSummary => ({ ...PROJECTORS[0], ...over });

  it('reports an error bit no open incident covers yet, since the reading', () => {
    const report = buildReport(
      lyceeInput({
        printers: [printer({ errors: ['door-open', 'jammed'], readAt: '2026-03-02T06:20:00.000Z' })],
        projectors: [],
        devices: DEVICES.filter((d) => !d.missing),
      }),
    );
    expect(report.incidents.map(what)).toEqual([
      'critical printer-error #2 door-open since 2026-03-02T06:20:00.000Z',
      'critical printer-error #2 jammed since 2026-03-01T10:41:00.000Z',
    ]);
    expect(report.incidents[0].detail).toBe('Capot ouvert');
  });

  it('a full waste toner box is critical; an unknown incident key is skipped', () => {
    const waste = {
      ...PRINTERS[0].supplies[0],
      index: 5,
      kind: 'waste-toner' as const,
      color: null,
      percent: 100,
    };
    const report = buildReport(
      lyceeInput({
        printers: [
          printer({
            errors: [],
            supplies: [waste],
            incidents: [
              { key: 'supply-empty:1.5', since: '2026-03-01T12:00:00.000Z' },
              { key: 'something-new:1', since: '2026-03-01T12:00:00.000Z' },
            ],
          }),
        ],
        projectors: [],
        devices: [],
      }),
    );
    expect(report.incidents).toMatchObject([
      {
        code: 'printer-supply-empty',
        severity: 'critical',
        subject: 'waste-toner',
        detail: 'Collecteur de toner usagé : plein',
      },
    ]);
  });

  it('maps projector alerts to stable codes and averages the hours per day', () => {
    const panel = projector({
      deviceId: 7,
      type: 'interactive-display',
      ip: '10.12.1.41',
      room: 'A03',
      lamps: [],
      hoursPerDay: 3,
      alerts: [
        { code: 'filter-due', severity: 'warning', part: null },
        { code: 'pjlink-error', severity: 'critical', part: 'temperature' },
      ],
    });
    const report = buildReport(lyceeInput({ projectors: [PROJECTORS[0], panel], printers: [], devices: [] }));
    expect(report.incidents.map((i) => [i.code, i.severity, i.deviceType, i.subject, i.detail])).toEqual([
      [
        'projector-error',
        'critical',
        'interactive-display',
        'temperature',
        'Erreur PJLink : température (erreur)',
      ],
      [
        'projector-filter',
        'warning',
        'interactive-display',
        'filter',
        'Filtre à nettoyer ou remplacer (avertissement)',
      ],
      [
        'projector-lamp-end',
        'warning',
        'projector',
        'lamp',
        'Lampe à 92 % de sa durée de vie (5520 h sur 6000 h)',
      ],
    ]);
    // Only the projector with a lamp-end alert needs a lamp.
    expect(report.toOrder.map((l) => [l.kind, l.deviceId])).toEqual([
      ['toner', 1],
      ['projector-lamp', 3],
    ]);
    expect(report.projectors).toEqual({ count: 2, hoursPerDayAverage: 4.5 });
  });

  it('produces none of the codes reserved for the file server', () => {
    const codes = buildReport(lyceeInput()).incidents.map((i) => i.code);
    for (const reserved of ['server-volume-warning', 'server-volume-critical', 'smb-down', 'service-stopped'])
      expect(codes).not.toContain(reserved);
  });
});

describe('buildReport: refusals', () => {
  it.each([null, '0941234A', '941234F', ''])('refuses to build without a valid UAI (%j)', (uai) => {
    const build = () => buildReport(lyceeInput({ settings: { uai, schoolName: 'Lycée', town: null } }));
    expect(build).toThrow(InputError);
    expect(build).toThrow(MISSING_UAI_MESSAGE);
    expect(MISSING_UAI_MESSAGE).toContain("Renseignez l'UAI du lycée dans les réglages");
  });

  it('accepts a UAI typed in lower case and writes it upper case', () => {
    const report = buildReport(lyceeInput({ settings: { uai: '0941234f', schoolName: null, town: null } }));
    expect(report.school).toEqual({ uai: '0941234F', name: null, town: null });
  });

  it('refuses an id that is not a UUID v4', () => {
    expect(() => buildReport(lyceeInput({ id: 'report-1' }))).toThrow(/uuid/i);
  });
});

describe('buildReport: the file server', () => {
  const server: ServerStatus = {
    id: 1,
    name: 'SCRIBE',
    deviceId: null,
    ip: '10.12.0.5',
    state: 'critical',
    sampledAt: '2026-03-02T07:25:00.000Z',
    uptimeSeconds: 86_400,
    cpuPercent: 12,
    cpuCount: 4,
    load: null,
    memory: null,
    volumes: [
      {
        mount: '/srv/pedago',
        sizeBytes: 2e12,
        usedBytes: 1.92e12,
        percent: 96,
        source: 'ucd-dsk',
        fullInDays: 6,
        state: 'critical',
      },
    ],
    smb: { reachable: false, dialect: null, listMs: null, entries: null, error: 'connection refused' },
    services: [{ name: 'smbd', running: false }],
    nas: null,
    problems: [],
    alerts: [
      {
        id: 1,
        serverId: 1,
        code: 'volume-critical',
        subject: '/srv/pedago',
        severity: 'critical',
        startedAt: '2026-03-02T06:00:00.000Z',
        endedAt: null,
        lastValue: 96,
        lastAt: '2026-03-02T07:25:00.000Z',
      },
      {
        id: 2,
        serverId: 1,
        code: 'smb-unreachable',
        subject: null,
        severity: 'critical',
        startedAt: '2026-03-02T07:00:00.000Z',
        endedAt: null,
        lastValue: null,
        lastAt: '2026-03-02T07:25:00.000Z',
      },
      {
        id: 3,
        serverId: 1,
        code: 'sustained-load',
        subject: null,
        severity: 'warning',
        startedAt: '2026-03-02T07:00:00.000Z',
        endedAt: null,
        lastValue: 9,
        lastAt: '2026-03-02T07:25:00.000Z',
      },
    ],
  };

  it('reports its volume, SMB and service alerts with stable codes, and sums it up', () => {
    const report = buildReport(lyceeInput({ servers: [server] }));
    const serverIncidents = report.incidents.filter((i) => i.ip === '10.12.0.5');
    expect(serverIncidents.map((i) => [i.code, i.severity, i.subject, i.deviceType, i.deviceId])).toEqual([
      ['server-volume-critical', 'critical', '/srv/pedago', 'server', null],
      ['smb-down', 'critical', null, 'server', null],
    ]);
    expect(report.fileServer).toEqual([
      {
        name: 'SCRIBE',
        state: 'critical',
        sampledAt: '2026-03-02T07:25:00.000Z',
        smbReachable: false,
        volumes: [{ mount: '/srv/pedago', sizeBytes: 2e12, usedBytes: 1.92e12, percent: 96, fullInDays: 6 }],
      },
    ]);
    expect(buildReport(lyceeInput()).fileServer).toBeNull();
  });
});
