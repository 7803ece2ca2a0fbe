import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectorSummary } from '../../../../shared/domain/projector-summary';
import { ErrorAlert } from '../../components/error-alert';
import { useProjectors } from '../../stores/stores-context';

/** The rated lamp life the engine accepts, in hours (ProjectorRatedLife). */
const MIN_HOURS = 100;
const MAX_HOURS = 100_000;

/**
 * The rated lamp life of one device, editable: a number of hours and « Enregistrer », or
 * « Par défaut » to go back to the model's figure (`projectors:rated` with null).
 */
export function RatedLifeForm({ projector }: { projector: ProjectorSummary }) {
  const { t } = useTranslation();
  const id = useId();
  const rated = projector.lamps[0]?.ratedHours ?? null;
  const [value, setValue] = useState(rated === null ? '' : String(rated));
  const [invalid, setInvalid] = useState(false);
  const saving = useProjectors((s) => s.savingRated !== null);
  const ratedError = useProjectors((s) =>
    s.ratedError?.deviceId === projector.deviceId ? s.ratedError.error : null,
  );
  const setRated = useProjectors((s) => s.setRated);

  const save = async (hours: number | null) => {
    setInvalid(false);
    await setRated(projector.deviceId, hours);
  };

  const submit = () => {
    const hours = Number(value.trim());
    if (value.trim() === '' || !Number.isInteger(hours) || hours < MIN_HOURS || hours > MAX_HOURS) {
      setInvalid(true);
      return;
    }
    void save(hours);
  };

  return (
    <form
      className="rated-life"
      // The range is checked here, so that the message is ours and in the UI language.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label htmlFor={`${id}-hours`}>{t('projectors.rated.label')}</label>
      <div className="rated-life-row">
        <input
          id={`${id}-hours`}
          type="number"
          inputMode="numeric"
          min={MIN_HOURS}
          max={MAX_HOURS}
          step={1}
          value={value}
          aria-invalid={invalid}
          aria-describedby={`${id}-help`}
          onChange={(event) => setValue(event.target.value)}
        />
        <button type="submit" disabled={saving}>
          {t('projectors.rated.save')}
        </button>
        <button
          type="button"
          disabled={saving || !projector.ratedByUser}
          title={t('projectors.rated.resetLabel')}
          onClick={() => void save(null)}
        >
          {t('projectors.rated.reset')}
        </button>
      </div>
      <p className="help" id={`${id}-help`}>
        {projector.ratedByUser ? t('projectors.rated.byUser') : t('projectors.rated.byModel')}
      </p>
      {invalid ? (
        <p className="alert alert-error" role="alert">
          {t('projectors.rated.invalid')}
        </p>
      ) : null}
      <ErrorAlert error={ratedError} />
    </form>
  );
}
