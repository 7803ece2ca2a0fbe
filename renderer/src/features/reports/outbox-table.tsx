import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../../../shared/domain/outbox';
import { ErrorAlert } from '../../components/error-alert';
import { LOCALES } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/format';
import { useReports, useSettings } from '../../stores/stores-context';

/** The badge colour of each outbox state (the state is always written too). */
const STATUS_TONE: Readonly<Record<OutboxItem['status'], string>> = {
  pending: 'status-warning',
  sent: 'status-ok',
  rejected: 'status-error',
};

/**
 * « File d'envoi »: every report (and GLPI document) Parc made, newest first, with its state in
 * words and colour (en attente, envoyé, refusé), the attempts, the next try, the last error, and
 * « Renvoyer » for one the hub refused.
 */
export function OutboxPanel() {
  const { t } = useTranslation();
  const locale = LOCALES[useSettings((s) => s.language)];
  const outbox = useReports((s) => s.outbox);
  const loaded = useReports((s) => s.outboxLoaded);
  const error = useReports((s) => s.outboxError);
  const retrying = useReports((s) => s.retrying);
  const loadOutbox = useReports((s) => s.loadOutbox);
  const retry = useReports((s) => s.retry);
  const date = (iso: string | null) => (iso ? formatDateTime(iso, locale) : t('reports.outbox.none'));

  return (
    <section className="panel reports-outbox" aria-labelledby="reports-outbox-heading">
      <div className="panel-title">
        <h3 id="reports-outbox-heading">{t('reports.outbox.heading')}</h3>
        <button type="button" onClick={() => void loadOutbox()}>
          {t('reports.outbox.refresh')}
        </button>
      </div>
      <ErrorAlert error={error} />
      {!loaded && !error ? <p className="help">{t('reports.outbox.loading')}</p> : null}
      {loaded && outbox.length === 0 ? (
        <p className="help" data-testid="outbox-empty">
          {t('reports.outbox.empty')}
        </p>
      ) : null}
      {outbox.length > 0 ? (
        <table className="report-table outbox-table" data-testid="outbox-table">
          <thead>
            <tr>
              <th scope="col">{t('reports.outbox.columns.createdAt')}</th>
              <th scope="col">{t('reports.outbox.columns.status')}</th>
              <th scope="col">{t('reports.outbox.columns.attempts')}</th>
              <th scope="col">{t('reports.outbox.columns.nextAttempt')}</th>
              <th scope="col">{t('reports.outbox.columns.lastError')}</th>
              <th scope="col">{t('reports.outbox.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {outbox.map((item) => (
              <tr key={item.id} data-testid={`outbox-row-${item.id}`} data-status={item.status}>
                <td title={item.id}>
                  {date(item.createdAt)}
                  {item.kind === 'glpi' ? <span className="help"> · {t('reports.outbox.glpi')}</span> : null}
                </td>
                <td>
                  <span
                    className={`badge status-badge ${STATUS_TONE[item.status]}`}
                    data-testid="outbox-status"
                  >
                    {t(`reports.outbox.statuses.${item.status}`)}
                  </span>
                  {item.sentAt ? (
                    <span className="help"> {t('reports.outbox.sentAt', { date: date(item.sentAt) })}</span>
                  ) : null}
                </td>
                <td>{item.attempts}</td>
                <td>{item.status === 'pending' ? date(item.nextAttemptAt) : t('reports.outbox.none')}</td>
                <td className="outbox-error">{item.lastError ?? t('reports.outbox.none')}</td>
                <td>
                  {item.status === 'rejected' ? (
                    <button
                      type="button"
                      disabled={retrying !== null}
                      aria-busy={retrying === item.id}
                      aria-label={t('reports.outbox.retryLabel', { date: date(item.createdAt) })}
                      onClick={() => void retry(item.id)}
                    >
                      {t('reports.outbox.retry')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
