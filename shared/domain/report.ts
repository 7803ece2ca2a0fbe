import { z } from 'zod';
import { DeviceType } from './device';
import { DEVICE_TYPES, DEVICE_TYPE_WORDS_FR } from './vocabulary';
import { SupplyColor } from './printer';
import { SUPPLY_KINDS } from './vocabulary';
import { Uai } from './school';

/**
 * The health report a lycée's Parc sends to the regional maintenance hub (issue 6): a versioned,
 * flat JSON document. Its JSON Schema (draft 2020-12) is generated from these zod schemas into
 * `shared/schemas/health-report.schema.json` by `npx tsx scripts/report-schema.ts`.
 *
 * Privacy: a report carries no sysContact, no notes, no credential, and no free text from the
 * devices except vendor, model, room, printer or projector name and supply descriptions; any
 * e-mail address or phone number inside those is masked (`j***@…`).
 */

/** The value of `format`: what a hub checks first to know the document is a Parc health report. */
export const HEALTH_REPORT_FORMAT = 'parc-health-report';

/** The value of `version`: bumped on any change a hub could not read with the previous schema. */
export const HEALTH_REPORT_VERSION = 1;

/** The `$id` of the published schema. */
export const HEALTH_REPORT_SCHEMA_ID = 'https://parc.example.invalid/schemas/health-report-v1.schema.json';

/** An instant, ISO 8601 in UTC with a `Z` (e.g. `2026-03-02T07:30:00.000Z`). */
const Instant = z.iso.datetime().describe('An instant, ISO 8601 in UTC (e.g. 2026-03-02T07:30:00.000Z).');

/**
 * The incident codes, stable: a hub may key its tickets on them. The last four are reserved for
 * the file server (issue 5): documented now, never produced by this version of Parc.
 */
export const HEALTH_INCIDENT_CODES = [
  'printer-supply-empty',
  'printer-supply-low',
  'printer-error',
  'projector-lamp-end',
  'projector-error',
  'projector-filter',
  'device-missing',
  'server-volume-warning',
  'server-volume-critical',
  'smb-down',
  'service-stopped',
] as const;
export const HealthIncidentCode = z
  .enum(HEALTH_INCIDENT_CODES)
  .describe(
    [
      'Stable incident code.',
      'printer-supply-empty: a supply empty or a waste receptacle full (Printer-MIB RFC 3805 prtMarkerSuppliesLevel);',
      'printer-supply-low: a supply low or a waste receptacle almost full;',
      'printer-error: a bit of hrPrinterDetectedErrorState (RFC 2790/3805: jammed, door-open, no-paper…), named in `subject`;',
      'projector-lamp-end: lamp at 90 % of its rated life or more (critical from 100 %);',
      'projector-error: a PJLink ERST part in warning or error (fan, lamp, temperature, cover, other), named in `subject`;',
      'projector-filter: filter to clean or replace (PJLink ERST filter);',
      'device-missing: a known device not found by the last scan that covered its address;',
      'server-volume-warning, server-volume-critical: a file server volume at or over its warning or critical threshold (HOST-RESOURCES-MIB hrStorageUsed, UCD-SNMP-MIB dskTable), the volume in `subject`;',
      'smb-down: the file server does not answer SMB, or its share cannot be listed;',
      'service-stopped: a watched file server process (hrSWRunName) is not running, named in `subject`.',
    ].join(' '),
  );
export type HealthIncidentCode = z.infer<typeof HealthIncidentCode>;

/** How urgent an incident is: `info` (to know), `warning` (to plan), `critical` (stops work now). */
export const HealthSeverity = z
  .enum(['info', 'warning', 'critical'])
  .describe('info: to know; warning: to plan; critical: stops work now.');
export type HealthSeverity = z.infer<typeof HealthSeverity>;

/** One device as a report's change lists show it: identity and place, nothing personal. */
export const HealthReportDevice = z
  .object({
    deviceId: z.number().int().describe("Parc's id of the device in this school (stable across reports)."),
    type: DeviceType.describe('Device type.'),
    vendor: z.string().nullable().describe('Manufacturer, or null when unknown.'),
    model: z.string().nullable().describe('Model, or null when unknown.'),
    serial: z.string().nullable().describe('Serial number, or null when unknown.'),
    ip: z.string().describe('IPv4 address at the last scan.'),
    room: z.string().nullable().describe('Room (« salle »), or null when not placed.'),
    firstSeen: Instant.describe('When Parc first found the device.'),
    lastSeen: Instant.describe('When Parc last found the device.'),
  })
  .describe('A device: identity and place, never its contact, notes or credentials.');
export type HealthReportDevice = z.infer<typeof HealthReportDevice>;

/** One open incident: a stable code, how urgent, which device, where, since when. */
export const HealthIncident = z
  .object({
    code: HealthIncidentCode,
    severity: HealthSeverity,
    deviceId: z
      .number()
      .int()
      .nullable()
      .describe("Parc's id of the device; null for a file server watched by address only."),
    deviceType: DeviceType.describe('Device type.'),
    ip: z.string().describe('IPv4 address of the device.'),
    room: z.string().nullable().describe('Room, or null when not placed.'),
    model: z.string().nullable().describe('Model, or null when unknown.'),
    subject: z
      .string()
      .nullable()
      .describe(
        'What on the device, as a stable word: the printer error bit (jammed, door-open, no-paper…), ' +
          'the supply as kind/colour (toner/cyan, drum, waste-toner), the PJLink part (fan, lamp, temperature, cover, other), ' +
          'lamp or filter; null for device-missing.',
      ),
    since: Instant.describe(
      'When the incident opened (printers), the reading that shows it (projectors), or the last time the device was seen (device-missing).',
    ),
    detail: z
      .string()
      .describe('The incident in French words for people (e.g. « Toner cyan : 8 % », « Bourrage papier »).'),
  })
  .describe('An incident open at generation time.');
export type HealthIncident = z.infer<typeof HealthIncident>;

/** What may be ordered: a printer supply kind, or a projector's replacement lamp. */
export const HealthOrderKind = z
  .enum([...SUPPLY_KINDS, 'projector-lamp'])
  .describe('Supply kind (Printer-MIB prtMarkerSuppliesType, grouped), or projector-lamp.');
export type HealthOrderKind = z.infer<typeof HealthOrderKind>;

/** One consumable to order. */
export const HealthOrderLine = z
  .object({
    kind: HealthOrderKind,
    supply: z
      .string()
      .describe(
        "The consumable for people: the printer's supply description, else French words (« Toner cyan »).",
      ),
    color: SupplyColor.nullable().describe('Colour of the supply, or null (drum, fuser, lamp…).'),
    partNumber: z
      .string()
      .nullable()
      .describe(
        'Part number to order (cartridge reference, or PJLink RLMP lamp model), or null when unknown.',
      ),
    deviceId: z.number().int().describe("Parc's id of the printer or projector."),
    deviceType: DeviceType.describe('Device type (printer, projector, interactive-display).'),
    device: z
      .string()
      .describe('Name of the printer or projector (its sysName or PJLink NAME, else model or IP).'),
    model: z.string().nullable().describe('Model of the printer or projector, or null.'),
    room: z.string().nullable().describe('Room, or null when not placed.'),
    percent: z
      .number()
      .nullable()
      .describe(
        'Percent (0–100) as Parc shows it: the level left of a consumable, how full a waste receptacle is, the rated life left of a lamp; null when not measured.',
      ),
    daysLeft: z
      .number()
      .nullable()
      .describe(
        'Days until empty (or full, or end of lamp life) at the recent usage, or null without enough data.',
      ),
  })
  .describe('A consumable to order.');
export type HealthOrderLine = z.infer<typeof HealthOrderLine>;

/** A number of devices. */
const Count = z.number().int().nonnegative();

/** Count of devices of each type, every type present (zero included). */
const ByType = z
  .strictObject(
    Object.fromEntries(
      DEVICE_TYPES.map((type) => [
        type,
        Count.describe(`Devices of type ${type} (« ${DEVICE_TYPE_WORDS_FR[type]} »).`),
      ]),
    ) as Record<DeviceType, typeof Count>,
  )
  .describe('Number of devices of each type (every type, zero included).');

/**
 * The health report, version 1 (see the file header). Every list is sorted (incidents most
 * severe first), so two reports of the same state are byte-identical except id and times.
 */
export const HealthReport = z
  .object({
    format: z.literal(HEALTH_REPORT_FORMAT).describe('Always "parc-health-report".'),
    version: z.literal(HEALTH_REPORT_VERSION).describe('Version of this document format.'),
    id: z
      .uuidv4()
      .describe(
        "The report's unique id (UUID v4), also sent as the Idempotency-Key: a hub stores one report per id.",
      ),
    school: z
      .object({
        uai: Uai.regex(/^\d{7}[A-Z]$/).describe(
          'UAI of the school: 7 digits and the check letter (the letter is "ABCDEFGHJKLMNPRSTUVWXYZ"[number mod 23]).',
        ),
        name: z.string().nullable().describe('Name of the school, or null when not set.'),
        town: z.string().nullable().describe('Town, or null when not set.'),
      })
      .describe('The school the report is about.'),
    generatedAt: Instant.describe('When the report was made.'),
    period: z
      .object({
        from: Instant.describe("Start (included): the previous report's `to`, else the first scan."),
        to: Instant.describe('End (excluded): the generation time.'),
      })
      .describe('The period the changes cover.'),
    parcVersion: z.string().describe('Version of Parc that made the report.'),
    inventory: z
      .object({
        total: z.number().int().nonnegative().describe('Devices in the inventory, missing ones included.'),
        byType: ByType,
        missing: z.number().int().nonnegative().describe('Devices not found by the last scan covering them.'),
      })
      .describe('Inventory summary.'),
    changes: z
      .object({
        newDevices: z
          .array(HealthReportDevice)
          .describe('Devices first seen within the period (on a first report: every device found so far).'),
        missingDevices: z
          .array(HealthReportDevice)
          .describe('Every device currently missing (not found by the last scan covering its address).'),
      })
      .describe('Changes to the inventory.'),
    incidents: z
      .array(HealthIncident)
      .describe('Incidents open at generation time, most severe first, then by room and address.'),
    toOrder: z
      .array(HealthOrderLine)
      .describe(
        'Consumables to order: printer supplies low, empty or running out soon, and lamps of projectors at end of life.',
      ),
    projectors: z
      .object({
        count: z.number().int().nonnegative().describe('Projectors and interactive displays.'),
        hoursPerDayAverage: z
          .number()
          .nullable()
          .describe(
            'Average lamp hours per day over the last 30 days, across the projectors that know it; null when none.',
          ),
      })
      .describe('Projectors and interactive displays (TNI) in use.'),
    fileServer: z
      .array(
        z
          .object({
            name: z.string().describe('Name the referent gave the server.'),
            state: z
              .enum(['ok', 'warning', 'critical', 'unknown'])
              .describe('Its health at generation time.'),
            sampledAt: Instant.nullable().describe('When it was last read; null when never.'),
            smbReachable: z.boolean().nullable().describe('Whether it answered SMB; null when not checked.'),
            volumes: z
              .array(
                z.object({
                  mount: z.string().describe('Mount point or drive.'),
                  sizeBytes: z.number().nonnegative().describe('Size, bytes.'),
                  usedBytes: z.number().nonnegative().describe('Used, bytes.'),
                  percent: z.number().describe('Used, percent.'),
                  fullInDays: z
                    .number()
                    .nullable()
                    .describe('Days until full (robust fit of the last 30 days); null when not meaningful.'),
                }),
              )
              .describe('Its volumes, pseudo file systems left out.'),
          })
          .describe('One watched file server.'),
      )
      .nullable()
      .describe('The watched file servers; null when the school watches none.'),
  })
  .strict()
  .describe(
    'A Parc health report: what a lycée has, what is broken or running out, what changed. No sysContact, notes, credentials or e-mail addresses.',
  );
export type HealthReport = z.infer<typeof HealthReport>;

/**
 * The published JSON Schema of HealthReport (draft 2020-12), as written to
 * `shared/schemas/health-report.schema.json`. Refinements (the UAI check letter) are not
 * expressible in JSON Schema: the schema checks the UAI's pattern, Parc and the hub its letter.
 */
export function healthReportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(HealthReport, { target: 'draft-2020-12', io: 'output' });
  const { $schema, ...rest } = schema;
  return { $schema, $id: HEALTH_REPORT_SCHEMA_ID, title: 'Parc health report, version 1', ...rest };
}
