import { useTranslation } from 'react-i18next';
import { LOCALES } from '../i18n/i18n';
import { formatCount } from '../lib/format';
import type { StoreError } from '../stores/store-error';
import { useSettings } from '../stores/stores-context';

/**
 * A store error as a sentence in the UI language, announced to screen readers (`role="alert"`).
 * A refused input with a `reason` gets the UI's own sentence (the engine's `message` is English
 * and is never shown then); other errors say what failed with the engine's message.
 */
export function ErrorAlert({ error }: { error: StoreError | null }) {
  const { t } = useTranslation();
  const locale = LOCALES[useSettings((s) => s.language)];
  if (!error) return null;
  let text: string;
  if (error.reason) {
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(error.params ?? {})) {
      params[key] = typeof value === 'number' ? formatCount(value, locale) : value;
    }
    text = t(`inputReasons.${error.reason}`, { target: '', user: '', count: '', max: '', ...params });
  } else {
    text = t(`errors.${error.code}`, { message: error.message });
  }
  return (
    <p className="alert alert-error" role="alert">
      {text}
    </p>
  );
}
