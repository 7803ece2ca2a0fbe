import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../shared/domain/vocabulary';
import { isOneOf } from '../lib/one-of';
import { useSettings } from '../stores/stores-context';

/** Français / English; the choice is saved in the settings (`settings:set`). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const id = useId();
  const language = useSettings((s) => s.language);
  const setLanguage = useSettings((s) => s.setLanguage);
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={language}
        onChange={(event) => {
          const value = event.target.value;
          if (isOneOf(LANGUAGES, value)) void setLanguage(value);
        }}
      >
        {LANGUAGES.map((option) => (
          <option key={option} value={option} lang={option}>
            {t(`language.${option}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
