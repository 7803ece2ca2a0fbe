import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { V3_AUTH_PROTOCOLS, V3_PRIV_PROTOCOLS } from '../../../../shared/domain/vocabulary';
import { isOneOf } from '../../lib/one-of';
import { useCredentials } from '../../stores/stores-context';
import {
  EMPTY_CREDENTIAL_FORM,
  toCredential,
  type CredentialFormProblem,
  type CredentialFormValues,
} from './credential-form-model';

/**
 * Adds a community (v1/v2c) or an SNMPv3 user. Secrets stay in this form's local state, go to
 * the engine once, and are cleared as soon as it has stored them.
 */
export function CredentialForm() {
  const { t } = useTranslation();
  const id = useId();
  const add = useCredentials((s) => s.add);
  const busy = useCredentials((s) => s.busy);
  const [form, setForm] = useState<CredentialFormValues>(EMPTY_CREDENTIAL_FORM);
  const [problem, setProblem] = useState<CredentialFormProblem | null>(null);
  const [added, setAdded] = useState(false);

  const change = <K extends keyof CredentialFormValues>(key: K, value: CredentialFormValues[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setAdded(false);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = toCredential(form);
    if (!parsed.ok) {
      setProblem(parsed.problem);
      return;
    }
    setProblem(null);
    if (await add(parsed.credential)) {
      setForm({ ...EMPTY_CREDENTIAL_FORM, kind: form.kind, version: form.version });
      setAdded(true);
    }
  };

  return (
    <form className="credential-form" onSubmit={(event) => void onSubmit(event)}>
      <fieldset>
        <legend>{t('credentials.addHeading')}</legend>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('credentials.kind')}</label>
          <select
            id={`${id}-kind`}
            value={form.kind}
            onChange={(event) => change('kind', event.target.value === 'v3' ? 'v3' : 'community')}
          >
            <option value="community">{t('credentials.kindCommunity')}</option>
            <option value="v3">{t('credentials.kindV3')}</option>
          </select>
        </div>
        {form.kind === 'community' ? (
          <>
            <div className="field">
              <label htmlFor={`${id}-version`}>{t('credentials.version')}</label>
              <select
                id={`${id}-version`}
                value={form.version}
                onChange={(event) => change('version', event.target.value === '1' ? '1' : '2c')}
              >
                <option value="2c">v2c</option>
                <option value="1">v1</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-community`}>{t('credentials.communityField')}</label>
              <input
                id={`${id}-community`}
                type="password"
                autoComplete="off"
                value={form.community}
                onChange={(event) => change('community', event.target.value)}
              />
            </div>
          </>
        ) : (
          <>
            <div className="field">
              <label htmlFor={`${id}-user`}>{t('credentials.user')}</label>
              <input
                id={`${id}-user`}
                type="text"
                autoComplete="off"
                value={form.user}
                onChange={(event) => change('user', event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-auth`}>{t('credentials.authProtocol')}</label>
              <select
                id={`${id}-auth`}
                value={form.authProtocol}
                onChange={(event) => {
                  const value = event.target.value;
                  if (isOneOf(V3_AUTH_PROTOCOLS, value)) change('authProtocol', value);
                }}
              >
                {V3_AUTH_PROTOCOLS.map((protocol) => (
                  <option key={protocol} value={protocol}>
                    {protocol.toUpperCase()}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-auth-key`}>{t('credentials.authKey')}</label>
              <input
                id={`${id}-auth-key`}
                type="password"
                autoComplete="off"
                value={form.authKey}
                onChange={(event) => change('authKey', event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-priv`}>{t('credentials.privProtocol')}</label>
              <select
                id={`${id}-priv`}
                value={form.privProtocol}
                onChange={(event) => {
                  const value = event.target.value;
                  if (value === 'none' || isOneOf(V3_PRIV_PROTOCOLS, value)) change('privProtocol', value);
                }}
              >
                <option value="none">{t('credentials.privNone')}</option>
                {V3_PRIV_PROTOCOLS.map((protocol) => (
                  <option key={protocol} value={protocol}>
                    {protocol.toUpperCase()}
                  </option>
                ))}
              </select>
            </div>
            {form.privProtocol !== 'none' ? (
              <div className="field">
                <label htmlFor={`${id}-priv-key`}>{t('credentials.privKey')}</label>
                <input
                  id={`${id}-priv-key`}
                  type="password"
                  autoComplete="off"
                  value={form.privKey}
                  onChange={(event) => change('privKey', event.target.value)}
                />
              </div>
            ) : null}
          </>
        )}
        <button type="submit" disabled={busy}>
          {t('credentials.add')}
        </button>
        {problem ? (
          <p className="alert alert-error" role="alert">
            {t(problem)}
          </p>
        ) : null}
        {added ? (
          <p className="status-text" role="status">
            {t('credentials.added')}
          </p>
        ) : null}
      </fieldset>
    </form>
  );
}
