import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectorState, ProjectorSummary } from '../../../../shared/domain/projector-summary';
import { LOCALES } from '../../i18n/i18n';
import { formatCount, formatDateTime } from '../../lib/format';
import { useSettings } from '../../stores/stores-context';
import { LampGauge } from './lamp-gauge';
import { isFilterDue, isLampFlagged, partProblems, projectorName } from './projector-groups';
import { RatedLifeForm } from './rated-life-form';

/** The badge colour of each state (the state is always written too). */
const STATE_TONE: Readonly<Record<ProjectorState, string>> = {
  on: 'ok',
  standby: 'standby',
  off: 'muted',
  unreachable: 'warning',
};

/**
 * One projector or interactive panel: name, type, model and address, its state in words, a
 * gauge per lamp, the filter, the problems PJLink reports in words, when it was seen and read,
 * and its rated lamp life (editable). Texts read from the device are untrusted: React text only.
 */
export function ProjectorCard({ projector }: { projector: ProjectorSummary }) {
  const { t } = useTranslation();
  const id = useId();
  const locale = LOCALES[useSettings((s) => s.language)];
  const name = projectorName(projector);
  const flagged = projector.lamps.some(isLampFlagged);
  const filterDue = isFilterDue(projector);
  // A filter in warning or error is said once, as « Filtre à nettoyer » on the filter line.
  const problems = partProblems(projector.errors).filter(({ part }) => !(filterDue && part === 'filter'));
  const rated = projector.lamps[0]?.ratedHours ?? null;
  const attention = flagged || filterDue || problems.length > 0;
  return (
    <article
      className={`projector-card${attention ? ' attention' : ''}`}
      aria-labelledby={`${id}-name`}
      data-testid={`projector-card-${projector.deviceId}`}
    >
      <header className="projector-card-head">
        <h4 id={`${id}-name`} title={name}>
          {name}
        </h4>
        <span
          className={`badge status-badge status-${STATE_TONE[projector.state]}`}
          title={t(`projectors.stateHelp.${projector.state}`)}
          data-testid="projector-state"
        >
          {t(`projectors.states.${projector.state}`)}
        </span>
      </header>
      <p className="projector-meta">
        {t(`projectors.types.${projector.type}`)}
        {projector.model && projector.model !== name
          ? ` · ${t('projectors.model', { model: [projector.vendor, projector.model].filter(Boolean).join(' ') })}`
          : ''}
        {` · ${t('projectors.address', { ip: projector.ip })}`}
      </p>
      {problems.length > 0 ? (
        <ul
          className="printer-errors"
          aria-label={t('projectors.errorsLabel')}
          data-testid="projector-errors"
        >
          {problems.map(({ part, level }) => (
            <li key={part} className={`badge ${level === 'error' ? 'badge-error' : 'severity-warning'}`}>
              {t('projectors.partLevel', {
                part: t(`projectors.parts.${part}`),
                level: t(`projectors.levels.${level}`),
              })}
            </li>
          ))}
        </ul>
      ) : null}
      {projector.lamps.length > 0 ? (
        <div className="lamps">
          {projector.lamps.map((lamp, index) => (
            <LampGauge
              key={index}
              lamp={lamp}
              name={
                projector.lamps.length > 1
                  ? t('projectors.lampN', { index: index + 1 })
                  : t('projectors.lamp')
              }
            />
          ))}
          {projector.lampModel ? (
            <p className="projector-part">{t('projectors.lampModel', { model: projector.lampModel })}</p>
          ) : null}
          {projector.hoursPerDay !== null ? (
            <p className="help">
              {t('projectors.hoursPerDay', { hours: formatCount(projector.hoursPerDay, locale) })}
            </p>
          ) : null}
        </div>
      ) : (
        <p className="help">{t('projectors.noLamp')}</p>
      )}
      {projector.filterHours !== null || filterDue || projector.filterModel ? (
        <p className="projector-filter" data-testid="projector-filter">
          <span>
            {projector.filterHours !== null
              ? t('projectors.filter', { hours: formatCount(projector.filterHours, locale) })
              : t('projectors.filterUnknown')}
          </span>
          {filterDue ? <span className="badge severity-warning">{t('projectors.filterDue')}</span> : null}
          {projector.filterModel ? (
            <span className="projector-part">
              {t('projectors.filterModel', { model: projector.filterModel })}
            </span>
          ) : null}
        </p>
      ) : null}
      <p className="projector-seen help">
        {t('projectors.lastSeen', { date: formatDateTime(projector.lastSeen, locale) })}
        {' · '}
        {projector.readAt
          ? t('projectors.readAt', { date: formatDateTime(projector.readAt, locale) })
          : t('projectors.neverRead')}
      </p>
      {projector.lamps.length > 0 ? (
        <RatedLifeForm key={`${rated}:${projector.ratedByUser}`} projector={projector} />
      ) : null}
    </article>
  );
}
