import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { describeCredentials } from '../../lib/credential-words';
import { useCredentials } from '../../stores/stores-context';
import { CredentialForm } from './credential-form';

/** The SNMP credentials, in the order the scan tries them: described in words, reorder, remove, add. */
export function CredentialsPanel() {
  const { t } = useTranslation();
  const credentials = useCredentials((s) => s.credentials);
  const busy = useCredentials((s) => s.busy);
  const error = useCredentials((s) => s.error);
  const remove = useCredentials((s) => s.remove);
  const move = useCredentials((s) => s.move);
  const names = describeCredentials(credentials, t);

  return (
    <section className="panel" aria-labelledby="credentials-heading">
      <h2 id="credentials-heading">{t('credentials.heading')}</h2>
      <p className="help">{t('credentials.help')}</p>
      {credentials.length === 0 ? (
        <p>{t('credentials.empty')}</p>
      ) : (
        <ol className="credential-list">
          {credentials.map((credential, index) => {
            const label = names[index] ?? '';
            return (
              <li key={credential.id}>
                <span className="credential-label">{label}</span>
                <span className="credential-actions">
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('credentials.moveUp', { label })}
                    disabled={busy || index === 0}
                    onClick={() => void move(credential.id, 'up')}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('credentials.moveDown', { label })}
                    disabled={busy || index === credentials.length - 1}
                    onClick={() => void move(credential.id, 'down')}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="icon-button danger"
                    aria-label={t('credentials.remove', { label })}
                    disabled={busy}
                    onClick={() => void remove(credential.id)}
                  >
                    ×
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <ErrorAlert error={error} />
      <CredentialForm />
    </section>
  );
}
