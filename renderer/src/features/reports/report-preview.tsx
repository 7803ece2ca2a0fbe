import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthIncident, HealthReport, HealthReportDevice } from '../../../../shared/domain/report';
import { LOCALES } from '../../i18n/i18n';
import { formatCount, formatDateTime } from '../../lib/format';
import { useSettings } from '../../stores/stores-context';
import { groupIncidentsBySeverity, reportJson, SEVERITY_TONE, typeCounts } from './report-view';

/**
 * The report in the UI's words: the school, the period, the inventory by type, the changes,
 * the incidents by severity and the consumables to order. Everything comes from the document
 * that will be sent; its texts (rooms, models, details) are React text only.
 */
export function ReportReadable({ report }: { report: HealthReport }) {
  const { t } = useTranslation();
  const id = useId();
  const locale = LOCALES[useSettings((s) => s.language)];
  const date = (iso: string) => formatDateTime(iso, locale);
  const counts = typeCounts(report.inventory.byType);
  const groups = groupIncidentsBySeverity(report.incidents);
  const { newDevices, missingDevices } = report.changes;

  return (
    <div className="report-readable" data-testid="report-readable">
      <section aria-labelledby={`${id}-school`}>
        <h4 id={`${id}-school`}>{t('reports.preview.school')}</h4>
        <p className="report-school" data-testid="report-school">
          <strong>{report.school.name ?? t('reports.preview.noSchoolName')}</strong>
          {report.school.town ? ` — ${report.school.town}` : ''}
          {' · '}
          {t('reports.preview.uai', { uai: report.school.uai })}
        </p>
        <p>{t('reports.preview.period', { from: date(report.period.from), to: date(report.period.to) })}</p>
        <p className="help">
          {t('reports.preview.generated', { date: date(report.generatedAt), version: report.parcVersion })}
          {' · '}
          <span className="mono">{t('reports.preview.id', { id: report.id })}</span>
        </p>
      </section>

      <section aria-labelledby={`${id}-inventory`}>
        <h4 id={`${id}-inventory`}>{t('reports.preview.inventory')}</h4>
        {report.inventory.total === 0 ? (
          <p className="help">{t('reports.preview.noDevices')}</p>
        ) : (
          <>
            <p>
              {t('reports.preview.total', { count: report.inventory.total })}
              {report.inventory.missing > 0
                ? ` (${t('reports.preview.missing', { count: report.inventory.missing })})`
                : ''}
            </p>
            <ul className="report-counts" data-testid="report-counts">
              {counts.map(({ type, count }) => (
                <li key={type}>
                  {t('reports.preview.typeCount', {
                    type: t(`deviceTypes.${type}`),
                    count: formatCount(count, locale),
                  })}
                </li>
              ))}
            </ul>
            {report.projectors.count > 0 ? (
              <p>
                {t('reports.preview.projectors', { count: report.projectors.count })}
                {report.projectors.hoursPerDayAverage !== null
                  ? t('reports.preview.hoursPerDay', {
                      hours: formatCount(Math.round(report.projectors.hoursPerDayAverage * 10) / 10, locale),
                    })
                  : ''}
              </p>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby={`${id}-changes`}>
        <h4 id={`${id}-changes`}>{t('reports.preview.changes')}</h4>
        {newDevices.length === 0 && missingDevices.length === 0 ? (
          <p className="help">{t('reports.preview.noChanges')}</p>
        ) : null}
        {newDevices.length > 0 ? (
          <DeviceList
            title={t('reports.preview.newDevices', { count: newDevices.length })}
            devices={newDevices}
            testId="report-new-devices"
          />
        ) : null}
        {missingDevices.length > 0 ? (
          <DeviceList
            title={t('reports.preview.missingDevices', { count: missingDevices.length })}
            devices={missingDevices}
            testId="report-missing-devices"
          />
        ) : null}
      </section>

      <section aria-labelledby={`${id}-incidents`} data-testid="report-incidents">
        <h4 id={`${id}-incidents`}>{t('reports.preview.incidents')}</h4>
        {groups.length === 0 ? <p className="help">{t('reports.preview.noIncidents')}</p> : null}
        {groups.map(({ severity, incidents }) => (
          <section
            key={severity}
            className="report-severity"
            aria-label={t(`reports.preview.severities.${severity}`)}
            data-testid={`report-severity-${severity}`}
          >
            <h5>
              <span className={`badge status-badge ${SEVERITY_TONE[severity]}`}>
                {t('reports.preview.severityHeading', {
                  severity: t(`reports.preview.severities.${severity}`),
                  count: incidents.length,
                })}
              </span>
            </h5>
            <ul className="report-incidents">
              {incidents.map((incident, index) => (
                <IncidentLine key={`${incident.code}-${incident.deviceId}-${index}`} incident={incident} />
              ))}
            </ul>
          </section>
        ))}
      </section>

      <section aria-labelledby={`${id}-order`}>
        <h4 id={`${id}-order`}>{t('reports.preview.toOrder')}</h4>
        {report.toOrder.length === 0 ? (
          <p className="help">{t('reports.preview.noOrder')}</p>
        ) : (
          <table className="report-table" data-testid="report-to-order">
            <thead>
              <tr>
                <th scope="col">{t('reports.preview.columns.supply')}</th>
                <th scope="col">{t('reports.preview.columns.partNumber')}</th>
                <th scope="col">{t('reports.preview.columns.device')}</th>
                <th scope="col">{t('reports.preview.columns.room')}</th>
                <th scope="col">{t('reports.preview.columns.level')}</th>
                <th scope="col">{t('reports.preview.columns.daysLeft')}</th>
              </tr>
            </thead>
            <tbody>
              {report.toOrder.map((line, index) => (
                <tr key={`${line.deviceId}-${line.kind}-${index}`}>
                  <td>{line.supply}</td>
                  <td>
                    {line.partNumber ?? <span className="help">{t('reports.preview.unknownPart')}</span>}
                  </td>
                  <td>
                    {line.device}
                    {line.model && line.model !== line.device ? ` (${line.model})` : ''}
                  </td>
                  <td>{line.room ?? t('reports.preview.noRoom')}</td>
                  <td>
                    {line.percent === null
                      ? '—'
                      : t('reports.preview.percent', { percent: Math.round(line.percent) })}
                  </td>
                  <td>
                    {line.daysLeft === null
                      ? '—'
                      : t('reports.preview.days', { count: Math.round(line.daysLeft) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

/** One incident: its code in words, the detail the engine wrote, the device, the room, since when. */
function IncidentLine({ incident }: { incident: HealthIncident }) {
  const { t } = useTranslation();
  const locale = LOCALES[useSettings((s) => s.language)];
  return (
    <li className="report-incident" data-testid={`report-incident-${incident.code}`}>
      <strong>{t(`reports.preview.codes.${incident.code}`)}</strong>
      {' — '}
      <span>{incident.detail}</span>
      <span className="help">
        {' · '}
        {t('reports.preview.device', {
          type: t(`deviceTypes.${incident.deviceType}`),
          model: incident.model ?? '',
          ip: incident.ip,
        }).replace(/\s+/g, ' ')}
        {' · '}
        {incident.room ? t('reports.preview.room', { room: incident.room }) : t('reports.preview.noRoom')}
        {' · '}
        {t('reports.preview.since', { date: formatDateTime(incident.since, locale) })}
      </span>
    </li>
  );
}

/** A folded list of devices (a first report lists every device found so far). */
function DeviceList({
  title,
  devices,
  testId,
}: {
  title: string;
  devices: readonly HealthReportDevice[];
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <details className="report-devices" data-testid={testId}>
      <summary>{title}</summary>
      <ul>
        {devices.map((device) => (
          <li key={device.deviceId}>
            {t('reports.preview.device', {
              type: t(`deviceTypes.${device.type}`),
              model: [device.vendor, device.model].filter(Boolean).join(' '),
              ip: device.ip,
            }).replace(/\s+/g, ' ')}
            {' · '}
            {device.room ? t('reports.preview.room', { room: device.room }) : t('reports.preview.noRoom')}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The document exactly as sent (pretty-printed JSON), as text in a `<pre>`. */
export function ReportRaw({ report }: { report: HealthReport }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="report-raw">
      <p className="help" id={`${id}-help`}>
        {t('reports.preview.rawHelp')}
      </p>
      <pre className="report-json" aria-describedby={`${id}-help`} data-testid="report-json" tabIndex={0}>
        {reportJson(report)}
      </pre>
    </div>
  );
}
