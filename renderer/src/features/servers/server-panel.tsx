import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerAlert, ServerConfig, ServerStatus } from '../../../../shared/domain/server';
import { ErrorAlert } from '../../components/error-alert';
import { LOCALES } from '../../i18n/i18n';
import { formatCount, formatDateTime } from '../../lib/format';
import { useServers, useSettings } from '../../stores/stores-context';
import { ServerChart } from './server-chart';
import { ServerFormView } from './server-form';
import {
  engineWords,
  formatLoad,
  formatSize,
  HEALTH_TONE,
  sortAlerts,
  uptimeDays,
  type SizeUnit,
} from './server-words';
import { VolumesTable } from './volumes-table';

/** An engine text (SMB error, collection problem) as the UI's sentence. */
function EngineText({ text }: { text: string }) {
  const { t } = useTranslation();
  const { key, params } = engineWords(text);
  return <>{t(`servers.engine.${key}`, params)}</>;
}

/** One open alert in words, with since when. */
function AlertLine({ alert, locale }: { alert: ServerAlert; locale: string }) {
  const { t } = useTranslation();
  const value = alert.lastValue === null ? '' : formatCount(Math.round(alert.lastValue), locale);
  return (
    <li className={`server-alert severity-${alert.severity}`} data-testid="server-alert">
      <span className="badge status-badge">{t(`servers.alerts.severity.${alert.severity}`)}</span>{' '}
      <span>{t(`servers.alerts.codes.${alert.code}`, { subject: alert.subject ?? '', value })}</span>{' '}
      <span className="help">
        {t('servers.alerts.since', { date: formatDateTime(alert.startedAt, locale) })}
      </span>
    </li>
  );
}

/**
 * One watched server: its state in words and colour, when it was last read, uptime, processor,
 * load and memory; its volumes; the shared folder (SMB); the watched services; the NAS's own
 * health; what could not be read; the open alerts; the chart; and « Relever maintenant »,
 * « Modifier », « Ne plus surveiller » (asked twice: its history is forgotten).
 */
export function ServerPanel({ server, status }: { server: ServerConfig; status: ServerStatus | null }) {
  const { t } = useTranslation();
  const id = useId();
  const locale = LOCALES[useSettings((s) => s.language)];
  const polling = useServers((s) => s.polling);
  const poll = useServers((s) => s.poll);
  const removing = useServers((s) => s.removing);
  const removeError = useServers((s) => (s.removing === null ? s.removeError : null));
  const remove = useServers((s) => s.remove);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const state = status?.state ?? 'unknown';
  const size = (bytes: number) => formatSize(bytes, locale, (unit: SizeUnit) => t(`servers.units.${unit}`));
  const days = uptimeDays(status?.uptimeSeconds ?? null);
  const memory = status?.memory ?? null;
  const memoryUsed = memory ? Math.max(0, memory.totalBytes - memory.availableBytes) : 0;
  const smb = status?.smb ?? null;

  return (
    <article
      className={`server-panel panel server-${state}`}
      aria-labelledby={`${id}-name`}
      data-testid={`server-panel-${server.id}`}
    >
      <header className="server-head">
        <div>
          <h3 id={`${id}-name`}>{server.name}</h3>
          <p className="help server-address">
            {t('servers.address', { address: server.address })}
            {server.local ? ` · ${t('servers.localBadge')}` : ''}
          </p>
        </div>
        <span
          className={`badge status-badge server-state status-${HEALTH_TONE[state]}`}
          title={t(`servers.stateHelp.${state}`)}
          data-testid="server-state"
        >
          {t(`servers.states.${state}`)}
        </span>
      </header>

      <div className="server-actions">
        <button type="button" disabled={polling} aria-busy={polling} onClick={() => void poll(server.id)}>
          {polling ? t('servers.polling') : t('servers.poll')}
        </button>
        <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          {t('servers.edit')}
        </button>
        {confirming ? (
          <span
            className="server-confirm"
            role="group"
            aria-label={t('servers.removeConfirm', { name: server.name })}
          >
            <span>{t('servers.removeConfirm', { name: server.name })}</span>
            <button
              type="button"
              className="button-danger"
              disabled={removing !== null}
              // Removed, the panel goes; refused, the error shows under the buttons.
              onClick={() => void remove(server.id).then(() => setConfirming(false))}
            >
              {t('servers.removeYes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('servers.removeNo')}
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('servers.remove')}
          </button>
        )}
      </div>
      <ErrorAlert error={removeError} />
      {editing ? (
        <ServerFormView key={JSON.stringify(server)} server={server} onDone={() => setEditing(false)} />
      ) : null}

      <dl className="server-figures">
        <div>
          <dt>{t('servers.figures.sampledAt')}</dt>
          <dd data-testid="server-sampled-at">
            {status?.sampledAt ? formatDateTime(status.sampledAt, locale) : t('servers.figures.never')}
          </dd>
        </div>
        <div>
          <dt>{t('servers.figures.uptime')}</dt>
          <dd>{days === null ? '—' : t('servers.figures.uptimeDays', { count: days })}</dd>
        </div>
        <div>
          <dt>{t('servers.figures.cpu')}</dt>
          <dd>
            {status?.cpuPercent == null
              ? '—'
              : t('servers.percent', { percent: Math.round(status.cpuPercent) })}
          </dd>
        </div>
        <div>
          <dt title={t('servers.figures.loadHelp')}>{t('servers.figures.load')}</dt>
          <dd>
            {status?.load
              ? t('servers.figures.loadValues', {
                  load1: formatLoad(status.load.load1, locale),
                  load5: formatLoad(status.load.load5, locale),
                  load15: formatLoad(status.load.load15, locale),
                })
              : '—'}
          </dd>
        </div>
        <div>
          <dt>{t('servers.figures.memory')}</dt>
          <dd>
            {memory && memory.totalBytes > 0
              ? t('servers.figures.memoryUsed', {
                  used: size(memoryUsed),
                  total: size(memory.totalBytes),
                  percent: Math.round((memoryUsed / memory.totalBytes) * 100),
                })
              : '—'}
          </dd>
        </div>
      </dl>

      {status && status.alerts.length > 0 ? (
        <section className="server-alerts" aria-label={t('servers.alerts.heading')}>
          <h4>{t('servers.alerts.heading')}</h4>
          <ul>
            {sortAlerts(status.alerts).map((alert) => (
              <AlertLine key={alert.id} alert={alert} locale={locale} />
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby={`${id}-volumes`}>
        <h4 id={`${id}-volumes`}>{t('servers.volumes.heading')}</h4>
        <VolumesTable volumes={status?.volumes ?? []} />
      </section>

      <section className="server-smb" aria-labelledby={`${id}-smb`} data-testid="server-smb">
        <h4 id={`${id}-smb`}>{t('servers.smb.heading')}</h4>
        {smb === null ? (
          <p className="help">{t('servers.smb.notChecked')}</p>
        ) : smb.reachable ? (
          <p>
            <span className="badge status-badge status-ok">{t('servers.smb.reachable')}</span>{' '}
            {smb.dialect ? t('servers.smb.dialect', { dialect: smb.dialect }) : ''}
            {smb.listMs !== null
              ? ` · ${t('servers.smb.listed', { ms: formatCount(Math.round(smb.listMs), locale) })}`
              : ''}
            {smb.listMs === null && smb.error ? (
              <>
                {' · '}
                {t('servers.smb.listFailed')} <EngineText text={smb.error} />
              </>
            ) : null}
          </p>
        ) : (
          <p>
            <span className="badge status-badge status-error">{t('servers.smb.unreachable')}</span>{' '}
            {smb.error ? <EngineText text={smb.error} /> : null}
          </p>
        )}
      </section>

      <section aria-labelledby={`${id}-services`}>
        <h4 id={`${id}-services`}>{t('servers.services.heading')}</h4>
        {status && status.services.length > 0 ? (
          <ul className="server-services">
            {status.services.map((service) => (
              <li key={service.name} data-testid="server-service">
                {t('servers.services.line', {
                  name: service.name,
                  state: t(service.running ? 'servers.services.running' : 'servers.services.stopped'),
                })}
              </li>
            ))}
          </ul>
        ) : (
          <p className="help">
            {server.services.length > 0 ? t('servers.services.unknown') : t('servers.services.none')}
          </p>
        )}
      </section>

      {status?.nas ? (
        <section aria-labelledby={`${id}-nas`}>
          <h4 id={`${id}-nas`}>{t('servers.nas.heading')}</h4>
          <ul className="server-services">
            {status.nas.systemStatus ? (
              <li>{t('servers.nas.system', { status: status.nas.systemStatus })}</li>
            ) : null}
            {status.nas.temperatureCelsius !== null ? (
              <li>{t('servers.nas.temperature', { celsius: Math.round(status.nas.temperatureCelsius) })}</li>
            ) : null}
            {status.nas.disks.map((disk) => (
              <li key={`disk-${disk.name}`}>
                {t('servers.nas.disk', { name: disk.name, status: disk.status })}
              </li>
            ))}
            {status.nas.raids.map((raid) => (
              <li key={`raid-${raid.name}`}>
                {t('servers.nas.raid', { name: raid.name, status: raid.status })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {status && status.problems.length > 0 ? (
        <section className="server-problems" aria-labelledby={`${id}-problems`}>
          <h4 id={`${id}-problems`}>{t('servers.problems')}</h4>
          <ul>
            {status.problems.map((problem, i) => (
              <li key={i}>
                <EngineText text={problem} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <ServerChart serverId={server.id} sampledAt={status?.sampledAt ?? null} />
    </article>
  );
}
