import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';

/** The top bar: the product name and the language switch. */
export function AppHeader() {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-name">{t('app.title')}</span>
        <span className="brand-subtitle">{t('app.subtitle')}</span>
      </div>
      <LanguageSwitch />
    </header>
  );
}
