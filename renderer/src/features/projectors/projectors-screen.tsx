import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { useProjectors } from '../../stores/stores-context';
import { LampsToPlan } from './lamps-to-plan';
import { ProjectorCard } from './projector-card';
import { groupProjectorsByRoom } from './projector-groups';
import './projectors.css';

/**
 * « TNI »: the lamps to order first (what the referent and the agent come for), then every
 * projector and interactive panel by room, alerts first, with « Relire les vidéoprojecteurs ».
 */
export function ProjectorsScreen() {
  const { t } = useTranslation();
  const projectors = useProjectors((s) => s.projectors);
  const loaded = useProjectors((s) => s.loaded);
  const error = useProjectors((s) => s.error);
  const polling = useProjectors((s) => s.polling);
  const lastPoll = useProjectors((s) => s.lastPoll);
  const load = useProjectors((s) => s.load);
  const poll = useProjectors((s) => s.poll);
  const groups = useMemo(() => groupProjectorsByRoom(projectors), [projectors]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="projectors-screen">
      <div className="printers-toolbar">
        <h2 className="printers-title">{t('projectors.heading')}</h2>
        <button type="button" disabled={polling} aria-busy={polling} onClick={() => void poll()}>
          {polling ? t('projectors.polling') : t('projectors.poll')}
        </button>
        <div className="status-text" role="status">
          {lastPoll ? (
            <p>
              {t('projectors.polled', { count: lastPoll.read }) +
                (lastPoll.failed > 0 ? t('projectors.pollFailed', { count: lastPoll.failed }) : '')}
            </p>
          ) : null}
        </div>
      </div>
      <ErrorAlert error={error} />
      {!loaded && !error ? <p className="help">{t('projectors.loading')}</p> : null}
      {loaded && projectors.length === 0 ? (
        <p className="help projectors-empty">{t('projectors.empty')}</p>
      ) : null}
      {projectors.length > 0 ? (
        <>
          <LampsToPlan projectors={projectors} />
          <section className="projector-rooms" aria-label={t('projectors.byRoomHeading')}>
            {groups.map(({ room, projectors: inRoom }) => (
              <section
                key={room ?? ''}
                className="projector-room"
                aria-label={room ?? t('projectors.noRoom')}
                data-testid="projector-room"
              >
                <h3>{room ?? t('projectors.noRoom')}</h3>
                <div className="projector-cards">
                  {inRoom.map((projector) => (
                    <ProjectorCard key={projector.deviceId} projector={projector} />
                  ))}
                </div>
              </section>
            ))}
          </section>
        </>
      ) : null}
    </div>
  );
}
