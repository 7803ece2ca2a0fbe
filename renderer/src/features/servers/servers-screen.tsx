import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceSummary } from '../../../../shared/ipc/contract';
import { ErrorAlert } from '../../components/error-alert';
import { useDevices, useServers } from '../../stores/stores-context';
import { deviceName, WATCHABLE_TYPES } from './server-form-model';
import { ServerFormView } from './server-form';
import { ServerPanel } from './server-panel';
import './servers.css';

/** What the add form starts from: closed, empty (an address), or an inventory device. */
type Adding = { open: false } | { open: true; device: DeviceSummary | null };

/**
 * « Serveur »: the lycée's file server (issue 5). With none watched, what the screen is for and
 * « Surveiller un serveur » (the form, and the inventory's servers and NAS to pick). Then one
 * panel per watched server, and « Relever maintenant » for all.
 */
export function ServersScreen() {
  const { t } = useTranslation();
  const servers = useServers((s) => s.servers);
  const statuses = useServers((s) => s.statuses);
  const loaded = useServers((s) => s.loaded);
  const error = useServers((s) => s.error);
  const polling = useServers((s) => s.polling);
  const lastPoll = useServers((s) => s.lastPoll);
  const pollError = useServers((s) => s.pollError);
  const load = useServers((s) => s.load);
  const poll = useServers((s) => s.poll);
  const devices = useDevices((s) => s.devices);
  const [adding, setAdding] = useState<Adding>({ open: false });
  const unwatched = useMemo(
    () =>
      devices.filter(
        (d) => WATCHABLE_TYPES.includes(d.type) && !servers.some((server) => server.deviceId === d.id),
      ),
    [devices, servers],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const none = loaded && servers.length === 0;
  // With nothing watched yet, the form is the screen's content.
  const formOpen = adding.open || none;

  return (
    <div className="servers-screen">
      <div className="printers-toolbar">
        <h2 className="printers-title">{t('servers.heading')}</h2>
        {servers.length > 0 ? (
          <>
            <button type="button" disabled={polling} aria-busy={polling} onClick={() => void poll()}>
              {polling ? t('servers.polling') : t('servers.pollAll')}
            </button>
            <button type="button" onClick={() => setAdding({ open: true, device: null })}>
              {t('servers.add')}
            </button>
          </>
        ) : null}
        <div className="status-text" role="status">
          {lastPoll ? (
            <p>
              {t('servers.polled', { count: lastPoll.polled }) +
                (lastPoll.failed > 0 ? t('servers.pollFailed', { count: lastPoll.failed }) : '')}
            </p>
          ) : null}
        </div>
      </div>
      {pollError?.code === 'busy' ? (
        <p className="alert alert-error" role="alert">
          {t('servers.pollBusy')}
        </p>
      ) : (
        <ErrorAlert error={pollError} />
      )}
      {lastPoll && lastPoll.failures.length > 0 ? (
        <ul className="alert alert-warning" aria-label={t('servers.pollFailures')}>
          {lastPoll.failures.map((failure) => (
            <li key={failure.id}>{t('servers.pollFailure', { name: failure.name, error: failure.error })}</li>
          ))}
        </ul>
      ) : null}
      <ErrorAlert error={error} />
      {!loaded && !error ? <p className="help">{t('servers.loading')}</p> : null}
      {none ? (
        <div className="servers-intro panel">
          <p>{t('servers.intro')}</p>
          <p className="help">{t('servers.introHow')}</p>
        </div>
      ) : null}
      {formOpen && unwatched.length > 0 && !(adding.open && adding.device) ? (
        <section className="servers-candidates panel" aria-labelledby="servers-candidates-heading">
          <h3 id="servers-candidates-heading">{t('servers.candidates')}</h3>
          <ul>
            {unwatched.map((device) => (
              <li key={device.id}>
                <span>
                  {t('servers.candidate', {
                    name: deviceName(device),
                    type: t(`servers.form.types.${device.type === 'nas' ? 'nas' : 'server'}`),
                    ip: device.ip,
                  })}
                </span>
                <button
                  type="button"
                  aria-label={t('servers.watchThisLabel', { name: deviceName(device) })}
                  onClick={() => setAdding({ open: true, device })}
                >
                  {t('servers.watchThis')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {formOpen ? (
        <ServerFormView
          key={adding.open && adding.device ? `device-${adding.device.id}` : 'address'}
          device={adding.open ? adding.device : null}
          onDone={() => setAdding({ open: false })}
        />
      ) : null}
      {servers.map((server) => (
        <ServerPanel
          key={server.id}
          server={server}
          status={statuses.find((status) => status.id === server.id) ?? null}
        />
      ))}
    </div>
  );
}
