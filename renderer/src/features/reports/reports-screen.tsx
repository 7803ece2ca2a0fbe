import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { useReports } from '../../stores/stores-context';
import { OutboxPanel } from './outbox-table';
import { ReportRaw, ReportReadable } from './report-preview';
import { missingHubFields } from './report-view';
import { SchoolHubPanel } from './school-hub-form';
import './reports.css';

/**
 * « Rapports »: the health report sent to the regional hub (issue 6). The school and hub
 * settings, the report exactly as it will be sent (readable, or the raw JSON), « Envoyer
 * maintenant », and the outbox.
 */
export function ReportsScreen() {
  const { t } = useTranslation();
  const load = useReports((s) => s.load);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="reports-screen">
      <div className="printers-toolbar">
        <h2 className="printers-title">{t('reports.heading')}</h2>
      </div>
      <p className="help reports-intro">{t('reports.intro')}</p>
      <SchoolHubPanel />
      <PreviewPanel />
      <OutboxPanel />
    </div>
  );
}

/** « Aperçu du rapport », its « JSON brut » toggle, « Actualiser l'aperçu » and « Envoyer maintenant ». */
function PreviewPanel() {
  const { t } = useTranslation();
  const [raw, setRaw] = useState(false);
  const report = useReports((s) => s.report);
  const loaded = useReports((s) => s.loaded);
  const previewing = useReports((s) => s.previewing);
  const previewError = useReports((s) => s.previewError);
  const refreshPreview = useReports((s) => s.refreshPreview);

  return (
    <section className="panel reports-preview" aria-labelledby="reports-preview-heading">
      <div className="panel-title">
        <h3 id="reports-preview-heading">{t('reports.preview.heading')}</h3>
        <div className="reports-actions">
          <button
            type="button"
            className="toggle"
            aria-pressed={raw}
            disabled={!report}
            onClick={() => setRaw(!raw)}
          >
            <span className="toggle-box" aria-hidden="true">
              {raw ? '✓' : ''}
            </span>
            {t('reports.preview.raw')}
          </button>
          <button
            type="button"
            disabled={previewing}
            aria-busy={previewing}
            onClick={() => void refreshPreview()}
          >
            {previewing ? t('reports.preview.refreshing') : t('reports.preview.refresh')}
          </button>
        </div>
      </div>
      <p className="help">{t('reports.preview.help')}</p>
      <ErrorAlert error={previewError} />
      {!report && !previewError ? (
        <p className="help">{loaded ? t('reports.preview.none') : t('reports.loading')}</p>
      ) : null}
      {report ? raw ? <ReportRaw report={report} /> : <ReportReadable report={report} /> : null}
      {report ? <SendBar /> : null}
    </section>
  );
}

/** « Envoyer maintenant »: the previewed report into the outbox, then everything pending sent. */
function SendBar() {
  const { t } = useTranslation();
  const report = useReports((s) => s.report);
  const sending = useReports((s) => s.sending);
  const lastSend = useReports((s) => s.lastSend);
  const sendError = useReports((s) => s.sendError);
  const settings = useReports((s) => s.settings);
  const secrets = useReports((s) => s.secrets);
  const queued = useReports((s) => s.report !== null && s.outbox.some((item) => item.id === s.report?.id));
  const send = useReports((s) => s.send);
  const missing = missingHubFields(settings, secrets);
  // A report already in the outbox cannot go in twice (same id): a new preview makes a new one.
  const blocked = !report || missing.length > 0 || queued;

  return (
    <div className="reports-send">
      <div className="reports-actions">
        <button
          type="button"
          className="button-primary"
          disabled={sending || blocked}
          aria-busy={sending}
          onClick={() => void send()}
        >
          {sending ? t('reports.send.sending') : t('reports.send.button')}
        </button>
        <div className="status-text" role="status">
          {lastSend ? (
            <p data-testid="send-result">
              {t('reports.send.result', {
                sent: t('reports.send.sent', { count: lastSend.sent }),
                rejected: t('reports.send.rejected', { count: lastSend.rejected }),
                pending: t('reports.send.pending', { count: lastSend.pending }),
              })}
            </p>
          ) : null}
        </div>
      </div>
      {missing.length > 0 ? (
        <p className="help" data-testid="send-missing">
          {t('reports.send.missing', {
            fields: missing.map((field) => t(`reports.send.missingFields.${field}`)).join(', '),
          })}
        </p>
      ) : queued ? (
        <p className="help">{t('reports.send.alreadyQueued')}</p>
      ) : (
        <p className="help">{t('reports.send.help')}</p>
      )}
      <ErrorAlert error={sendError} />
    </div>
  );
}
