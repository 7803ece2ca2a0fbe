import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../i18n/i18n';
import { formatCount } from '../../lib/format';
import { useScan, useSettings } from '../../stores/stores-context';

/**
 * The running scan: a progress bar, "N / M adresses · K appareils trouvés" (then, once every
 * address is swept, "Lecture des imprimantes : N / M") and "Annuler".
 */
export function ScanProgressBar() {
  const { t } = useTranslation();
  const running = useScan((s) => s.running);
  const cancel = useScan((s) => s.cancel);
  const locale = LOCALES[useSettings((s) => s.language)];
  if (!running) return null;
  const { phase, done, total, found, current } = running;
  const counts = { done: formatCount(done, locale), total: formatCount(total, locale) };
  const text =
    phase === 'printers'
      ? t('scan.progressPrinters', counts)
      : t('scan.progress', { ...counts, count: found });
  return (
    <div className="scan-progress">
      <div
        className="progressbar"
        role="progressbar"
        aria-label={t('scan.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={text}
      >
        <div className="progressbar-fill" style={{ width: `${total > 0 ? (done / total) * 100 : 0}%` }} />
      </div>
      <p className="progress-text" aria-live="polite">
        {text}
      </p>
      {current ? <p className="help">{t('scan.current', { address: current })}</p> : null}
      <button type="button" onClick={() => void cancel()}>
        {t('scan.cancel')}
      </button>
    </div>
  );
}
