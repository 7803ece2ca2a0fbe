import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Supply } from '../../../../shared/domain/printer';
import { measuredPercent, needsReplacement, supplyKeyOf, supplyName } from '../../lib/printers';
import { usePrinters } from '../../stores/stores-context';

/** The colour swatch of a supply (decoration: the colour is always written too). */
export function ColorSwatch({ color }: { color: Supply['color'] }) {
  return <span className={`swatch color-${color ?? 'none'}`} aria-hidden="true" />;
}

/**
 * One supply: a big bar in the supply's colour (`role="meter"` when the level is measured; a
 * level that is not, such as "some remaining", is words only, with no percentage), the state in
 * words, the « À remplacer » badge, days left, part number and the « C’est remplacé » action.
 */
export function SupplyGauge({
  supply,
  deviceId,
  printer,
  onReplaced,
}: {
  supply: Supply;
  deviceId: number;
  printer: string;
  onReplaced: (text: string) => void;
}) {
  const { t } = useTranslation();
  const replace = usePrinters((s) => s.replace);
  const replacing = usePrinters((s) => s.replacing !== null);
  const [confirming, setConfirming] = useState(false);
  const name = supplyName(supply, t);
  const percent = measuredPercent(supply);
  const state = t(`printers.states.${supply.state}`);

  const confirm = async () => {
    if (await replace(deviceId, supplyKeyOf(supply))) {
      setConfirming(false);
      onReplaced(t('printers.replaceRecorded', { name, printer }));
    }
  };

  return (
    <li className={`supply supply-${supply.state}`}>
      <div className="supply-head">
        <ColorSwatch color={supply.color} />
        <span className="supply-name">{name}</span>
        {needsReplacement(supply.state) ? (
          <span className="badge badge-replace">{t('printers.toReplace')}</span>
        ) : null}
        {confirming ? null : (
          <button
            type="button"
            className="replace-button"
            aria-label={t('printers.replacedLabel', { name })}
            onClick={() => setConfirming(true)}
          >
            {t('printers.replaced')}
          </button>
        )}
      </div>
      {percent !== null ? (
        <div
          className="gauge"
          role="meter"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${t('printers.percent', { percent })} — ${state}`}
          aria-label={t('printers.gaugeLabel', { name, percent })}
        >
          <div className={`gauge-fill color-${supply.color ?? 'none'}`} style={{ width: `${percent}%` }} />
        </div>
      ) : (
        <div className="gauge gauge-unmeasured" aria-hidden="true" />
      )}
      <p className="supply-state">
        {percent !== null ? (
          <strong className="supply-percent">{t('printers.percent', { percent })}</strong>
        ) : null}
        <span>{state}</span>
        {supply.daysLeft !== null ? (
          <span className="supply-days" title={t('printers.daysLeftLabel')}>
            {t('printers.daysLeft', { count: Math.max(0, Math.round(supply.daysLeft)) })}
          </span>
        ) : null}
      </p>
      {supply.partNumber ? (
        <p className="supply-part">{t('printers.partNumber', { partNumber: supply.partNumber })}</p>
      ) : null}
      {confirming ? (
        <div className="confirm" role="group" aria-label={t('printers.replacedLabel', { name })}>
          <p>{t('printers.confirmReplace', { name, printer })}</p>
          <button
            type="button"
            className="button-primary"
            disabled={replacing}
            onClick={() => void confirm()}
          >
            {t('printers.confirmYes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('printers.confirmNo')}
          </button>
        </div>
      ) : null}
    </li>
  );
}
