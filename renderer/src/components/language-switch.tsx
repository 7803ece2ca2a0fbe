import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Language } from '../../../shared/domain/settings';
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
          const parsed = Language.safeParse(event.target.value);
          if (parsed.success) void setLanguage(parsed.data);
        }}
      >
        {Language.options.map((option) => (
          <option key={option} value={option} lang={option}>
            {t(`language.${option}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
