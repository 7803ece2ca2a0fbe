import type { DeviceType } from '../../../../shared/domain/device';
import { DEVICE_TYPES } from '../../../../shared/domain/vocabulary';
import type { HubSecretName } from '../../../../shared/domain/outbox';
import type { HealthIncident, HealthReport, HealthSeverity } from '../../../../shared/domain/report';
import type { HubSecretsStatus, SchoolHubSettingKey, SchoolHubSettings } from '../../stores/reports-store';

/** The severities, most urgent first: the order of the incident groups. */
export const SEVERITY_ORDER: readonly HealthSeverity[] = ['critical', 'warning', 'info'];

/** The badge colour of each severity (the words are always written too). */
export const SEVERITY_TONE: Readonly<Record<HealthSeverity, string>> = {
  critical: 'severity-critical',
  warning: 'severity-warning',
  info: 'severity-other',
};

/**
 * The report's incidents by severity, most urgent first, each group in the report's order;
 * severities without incidents are left out.
 */
export function groupIncidentsBySeverity(
  incidents: readonly HealthIncident[],
): ReadonlyArray<{ readonly severity: HealthSeverity; readonly incidents: readonly HealthIncident[] }> {
  return SEVERITY_ORDER.map((severity) => ({
    severity,
    incidents: incidents.filter((incident) => incident.severity === severity),
  })).filter((group) => group.incidents.length > 0);
}

/** The device types present in the report's inventory with their count, in the display order. */
export function typeCounts(
  byType: HealthReport['inventory']['byType'],
): ReadonlyArray<{ readonly type: DeviceType; readonly count: number }> {
  return DEVICE_TYPES.filter((type) => byType[type] > 0).map((type) => ({ type, count: byType[type] }));
}

/** The report as sent: the JSON document, pretty-printed with two spaces. */
export function reportJson(report: HealthReport): string {
  return JSON.stringify(report, null, 2);
}

/** What « Envoyer maintenant » needs and the referent has not set yet (unknown secrets count as set). */
export type MissingHubField = 'hubUrl' | HubSecretName;

/**
 * The hub settings still missing before a report can be sent: the hub address, the token, the
 * signing secret (the engine refuses to send without them). Empty when all are set.
 */
export function missingHubFields(
  settings: Pick<SchoolHubSettings, 'hubUrl'> | null,
  secrets: HubSecretsStatus | null,
): readonly MissingHubField[] {
  const missing: MissingHubField[] = [];
  if (settings && !settings.hubUrl) missing.push('hubUrl');
  if (secrets && !secrets.hubToken) missing.push('hubToken');
  if (secrets && !secrets.hubSecret) missing.push('hubSecret');
  return missing;
}

/** The « Lycée et hub » form as typed: every field a string (empty for « not set »). */
export type SchoolHubForm = Readonly<Record<SchoolHubSettingKey, string>>;

/** The form's starting values from the saved settings (null becomes an empty field). */
export function formFromSettings(settings: SchoolHubSettings): SchoolHubForm {
  return {
    uai: settings.uai ?? '',
    schoolName: settings.schoolName ?? '',
    town: settings.town ?? '',
    hubUrl: settings.hubUrl ?? '',
    reportTime: settings.reportTime,
    hubCaFile: settings.hubCaFile ?? '',
    proxyUrl: settings.proxyUrl ?? '',
  };
}

/** Either the settings patch to save, or the fields the engine would refuse. */
export type FormCheck =
  | { readonly ok: true; readonly patch: SchoolHubSettings }
  | { readonly ok: false; readonly invalid: readonly SchoolHubSettingKey[] };

const NULLABLE_FIELDS = ['uai', 'schoolName', 'town', 'hubUrl', 'hubCaFile', 'proxyUrl'] as const;

/**
 * Checks the form with the engine's own rules (`Settings` of shared/domain/settings.ts: the UAI
 * and its check letter, http(s) addresses, `HH:MM`), so that a refusal is said in the UI's words
 * next to its field. Trimmed empty fields become null (not set). The rules are loaded when the
 * form is sent (a chunk of their own), so the page builds no zod schema at startup.
 */
export async function checkSchoolHubForm(form: SchoolHubForm): Promise<FormCheck> {
  const { Settings } = await import('../../../../shared/domain/settings');
  const invalid: SchoolHubSettingKey[] = [];
  const values: Partial<Record<SchoolHubSettingKey, string | null>> = {};
  for (const key of NULLABLE_FIELDS) {
    const text = form[key].trim();
    values[key] = text === '' ? null : text;
  }
  values.reportTime = form.reportTime.trim();
  const parsed: Partial<SchoolHubSettings> = {};
  for (const key of [...NULLABLE_FIELDS, 'reportTime'] as const) {
    const result = Settings.shape[key].safeParse(values[key]);
    if (result.success) Object.assign(parsed, { [key]: result.data });
    else invalid.push(key);
  }
  if (invalid.length > 0) return { ok: false, invalid };
  return { ok: true, patch: parsed as SchoolHubSettings };
}
