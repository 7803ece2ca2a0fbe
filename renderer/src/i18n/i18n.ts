import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/domain/settings';
import { en } from './en';
import { fr } from './fr';

/** The BCP 47 locale used to format dates and numbers in each UI language. */
export const LOCALES: Readonly<Record<Language, string>> = { fr: 'fr-FR', en: 'en-GB' };

/**
 * A ready i18next instance with the French and English texts (French by default).
 * Synchronous: resources are bundled, so the first render already has its texts.
 */
export function createI18n(language: Language = 'fr'): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: language,
    fallbackLng: 'fr',
    supportedLngs: ['fr', 'en'],
    initAsync: false,
    // React escapes text itself; escaping here would show &lt; in the UI.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
