/**
 * The published schema (shared/schemas/health-report.schema.json) is the zod schema's JSON
 * Schema, never a hand-edited drift, and a built report validates against it with ajv (draft
 * 2020-12). Formats uuid and date-time are checked here without ajv-formats.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../electron/engine/reports/build';
import {
  HEALTH_INCIDENT_CODES,
  healthReportJsonSchema,
  type HealthReport,
} from '../../../shared/domain/report';
import { lyceeInput } from './lycee';

const SCHEMA_FILE = resolve(__dirname, '../../../shared/schemas/health-report.schema.json');
const published = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;

function compile() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addFormat(
    'date-time',
    (s: string) =>
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(s) && !Number.isNaN(Date.parse(s)),
  );
  return ajv.compile(published);
}

describe('the published health report schema', () => {
  it('is exactly what scripts/report-schema.ts generates from the zod schema (npx tsx scripts/report-schema.ts)', () => {
    expect(published).toEqual(healthReportJsonSchema());
  });

  it('is draft 2020-12 with an $id, and documents every field', () => {
    expect(published.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(published.$id).toMatch(/^https:\/\//);
    const undocumented: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (typeof node !== 'object' || node === null) return;
      const { properties } = node as { properties?: Record<string, { description?: string }> };
      for (const [name, child] of Object.entries(properties ?? {})) {
        if (!child.description) undocumented.push(`${path}.${name}`);
        walk(child, `${path}.${name}`);
      }
      const { items } = node as { items?: unknown };
      if (items) walk(items, `${path}[]`);
    };
    walk(published, '$');
    expect(undocumented).toEqual([]);
  });

  it('lists every incident code, the file server ones included', () => {
    const json = JSON.stringify(published);
    for (const code of HEALTH_INCIDENT_CODES) expect(json).toContain(`"${code}"`);
    expect(HEALTH_INCIDENT_CODES).toContain('smb-down');
  });

  it('accepts the report built for the lycée (ajv, strict)', () => {
    const validate = compile();
    const report = buildReport(lyceeInput());
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    // Through JSON, as the hub receives it.
    expect(validate(JSON.parse(JSON.stringify(report)))).toBe(true);
  });

  const bad: [string, (r: HealthReport) => unknown][] = [
    ['a UAI that is not 7 digits and a letter', (r) => ({ ...r, school: { ...r.school, uai: '941234F' } })],
    ['another format', (r) => ({ ...r, format: 'glpi' })],
    ['version 2', (r) => ({ ...r, version: 2 })],
    ['an id that is not a UUID v4', (r) => ({ ...r, id: 'report-1' })],
    ['a time without a zone', (r) => ({ ...r, generatedAt: '2026-03-02T06:30:00' })],
    [
      'an unknown incident code',
      (r) => ({ ...r, incidents: [{ ...r.incidents[0], code: 'printer-on-fire' }] }),
    ],
    ['an unknown severity', (r) => ({ ...r, incidents: [{ ...r.incidents[0], severity: 'urgent' }] })],
    ['a field nobody defined', (r) => ({ ...r, sysContact: 'jean.dupont@ac-creteil.fr' })],
    [
      'a device with its notes',
      (r) => ({
        ...r,
        changes: { ...r.changes, newDevices: [{ ...r.changes.newDevices[0], notes: 'x' }] },
      }),
    ],
    ['a file server (issue 5)', (r) => ({ ...r, fileServer: { volumes: [] } })],
    ['a type count missing', (r) => ({ ...r, inventory: { ...r.inventory, byType: { printer: 2 } } })],
  ];
  it.each(bad)('rejects %s', (_, mutate) => {
    const validate = compile();
    expect(validate(mutate(buildReport(lyceeInput())))).toBe(false);
  });
});
