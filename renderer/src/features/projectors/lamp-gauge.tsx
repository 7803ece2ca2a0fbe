import { useTranslation } from 'react-i18next';
import type { ProjectorLamp } from '../../../../shared/domain/projector-summary';
import { LOCALES } from '../../i18n/i18n';
import { formatCount } from '../../lib/format';
import { useSettings } from '../../stores/stores-context';
import { isLampFlagged } from './projector-groups';

/**
 * One lamp's wear: a bar (`role="meter"`, 0–100 % of the rated life) with the hours and percent
 * written beside it; at 90 % and more the bar is flagged (colour and the words « À changer bientôt »).
 */
export function LampGauge({ lamp, name }: { lamp: ProjectorLamp; name: string }) {
  const { t } = useTranslation();
  const locale = LOCALES[useSettings((s) => s.language)];
  const percent = Math.round(lamp.percentUsed);
  const flagged = isLampFlagged(lamp);
  const hours = t('projectors.lampHours', {
    hours: formatCount(lamp.hours, locale),
    rated: formatCount(lamp.ratedHours, locale),
  });
  return (
    <div className={`lamp${flagged ? ' lamp-flagged' : ''}`} data-testid="lamp-gauge" data-flagged={flagged}>
      <div className="lamp-head">
        <span className="lamp-name">{name}</span>
        {flagged ? <span className="badge badge-replace">{t('projectors.lampToChange')}</span> : null}
      </div>
      <div
        className="gauge lamp-gauge"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.min(percent, 100)}
        aria-valuetext={`${t('projectors.percent', { percent })} — ${hours}`}
        aria-label={t('projectors.lampGaugeLabel', { name, percent })}
      >
        <div className="gauge-fill lamp-gauge-fill" style={{ width: `${Math.min(percent, 100)}%` }} />
      </div>
      <p className="lamp-state">
        <strong>{t('projectors.percent', { percent })}</strong> <span>{hours}</span>
      </p>
    </div>
  );
}
