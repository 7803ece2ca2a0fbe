import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useScan } from '../../stores/stores-context';
import { SuggestedRanges } from './suggested-ranges';

/** The ranges to scan, the PC's own subnets as chips, the two safety overrides and "Scanner". */
export function ScanTargetsForm() {
  const { t } = useTranslation();
  const id = useId();
  const targetsText = useScan((s) => s.targetsText);
  const allowPublic = useScan((s) => s.allowPublic);
  const force = useScan((s) => s.force);
  const busy = useScan((s) => s.starting || s.running !== null);
  const starting = useScan((s) => s.starting);
  const setTargetsText = useScan((s) => s.setTargetsText);
  const setAllowPublic = useScan((s) => s.setAllowPublic);
  const setForce = useScan((s) => s.setForce);
  const start = useScan((s) => s.start);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void start();
  };

  return (
    <form className="scan-form" onSubmit={onSubmit}>
      <label htmlFor={`${id}-targets`}>{t('scan.targetsLabel')}</label>
      <textarea
        id={`${id}-targets`}
        rows={3}
        value={targetsText}
        onChange={(event) => setTargetsText(event.target.value)}
        aria-describedby={`${id}-help`}
        spellCheck={false}
        autoComplete="off"
      />
      <p id={`${id}-help`} className="help">
        {t('scan.targetsHelp')}
      </p>
      <SuggestedRanges />
      <div className="checkboxes">
        <label>
          <input
            type="checkbox"
            checked={allowPublic}
            onChange={(event) => setAllowPublic(event.target.checked)}
          />
          {t('scan.allowPublic')}
        </label>
        <label>
          <input type="checkbox" checked={force} onChange={(event) => setForce(event.target.checked)} />
          {t('scan.force')}
        </label>
      </div>
      <button type="submit" className="button-primary" disabled={busy}>
        {t('scan.start')}
      </button>
      {starting ? <span className="status-text">{t('scan.starting')}</span> : null}
    </form>
  );
}
