import { useTranslation } from 'react-i18next';
import type { StoreError } from '../stores/store-error';

/** A store error as a sentence, announced to screen readers (`role="alert"`). */
export function ErrorAlert({ error }: { error: StoreError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const text =
    error.code === 'no-targets' ? t('scan.noTargets') : t(`errors.${error.code}`, { message: error.message });
  return (
    <p className="alert alert-error" role="alert">
      {text}
    </p>
  );
}
