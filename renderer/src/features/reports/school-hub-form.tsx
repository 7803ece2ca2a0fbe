import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubSecretName } from '../../../../shared/domain/outbox';
import { HUB_SECRET_NAMES } from '../../../../shared/domain/vocabulary';
import { ErrorAlert } from '../../components/error-alert';
import type { SchoolHubSettingKey, SchoolHubSettings } from '../../stores/reports-store';
import { useReports } from '../../stores/stores-context';
import { checkSchoolHubForm, formFromSettings, type SchoolHubForm } from './report-view';

/** The text fields of the form, in display order; the last two are under « Options avancées ». */
const MAIN_FIELDS = ['uai', 'schoolName', 'town', 'hubUrl', 'reportTime'] as const;
const ADVANCED_FIELDS = ['hubCaFile', 'proxyUrl'] as const;

/** Fields with a help line under them. */
const HELP: Partial<Record<SchoolHubSettingKey, string>> = {
  uai: 'reports.settings.uaiHelp',
  hubUrl: 'reports.settings.hubUrlHelp',
  reportTime: 'reports.settings.reportTimeHelp',
  hubCaFile: 'reports.settings.hubCaFileHelp',
  proxyUrl: 'reports.settings.proxyUrlHelp',
};

const INPUT_TYPE: Partial<Record<SchoolHubSettingKey, string>> = {
  hubUrl: 'url',
  proxyUrl: 'url',
  reportTime: 'time',
};

/**
 * « Lycée et hub »: the school's UAI, name and town, the hub's address, the daily sending time,
 * the token and signing secret (write-only password fields, never prefilled: the panel only says
 * « défini » or « non défini »), and under « Options avancées » a CA file and a proxy.
 * « Enregistrer » checks every field first (French message beside each), then saves the
 * settings and the secrets typed in.
 */
export function SchoolHubPanel() {
  const { t } = useTranslation();
  const settings = useReports((s) => s.settings);
  const settingsError = useReports((s) => s.settingsError);
  // Kept here: a save remounts the form (below) with the saved values.
  const [saved, setSaved] = useState(false);
  return (
    <section className="panel reports-settings" aria-labelledby="reports-settings-heading">
      <h3 id="reports-settings-heading">{t('reports.settings.heading')}</h3>
      {settings ? (
        // A new form when the saved settings change (after a save): its fields start from them.
        <SchoolHubFormView
          key={JSON.stringify(settings)}
          settings={settings}
          saved={saved}
          setSaved={setSaved}
        />
      ) : settingsError ? (
        <ErrorAlert error={settingsError} />
      ) : (
        <p className="help">{t('reports.loading')}</p>
      )}
    </section>
  );
}

function SchoolHubFormView({
  settings,
  saved,
  setSaved,
}: {
  settings: SchoolHubSettings;
  saved: boolean;
  setSaved: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [form, setForm] = useState<SchoolHubForm>(() => formFromSettings(settings));
  const [secretValues, setSecretValues] = useState<Record<HubSecretName, string>>({
    hubToken: '',
    hubSecret: '',
  });
  const [invalid, setInvalid] = useState<readonly SchoolHubSettingKey[]>([]);
  // Open when something is set there, or refused (below), so that nothing is hidden.
  const [advancedOpen, setAdvancedOpen] = useState(() => ADVANCED_FIELDS.some((key) => form[key] !== ''));
  const saving = useReports((s) => s.savingSettings || s.savingSecret !== null);
  const settingsError = useReports((s) => s.settingsError);
  const secrets = useReports((s) => s.secrets);
  const secretsError = useReports((s) => s.secretsError);
  const saveSettings = useReports((s) => s.saveSettings);
  const setSecret = useReports((s) => s.setSecret);

  const submit = async () => {
    setSaved(false);
    const check = await checkSchoolHubForm(form);
    if (!check.ok) {
      setInvalid(check.invalid);
      if (ADVANCED_FIELDS.some((key) => check.invalid.includes(key))) setAdvancedOpen(true);
      return;
    }
    setInvalid([]);
    for (const name of HUB_SECRET_NAMES) {
      const value = secretValues[name];
      // Empty means « unchanged » here: « Effacer » removes a secret.
      if (value === '') continue;
      if (!(await setSecret(name, value))) return;
      setSecretValues((current) => ({ ...current, [name]: '' }));
    }
    if (await saveSettings(check.patch)) setSaved(true);
  };

  const field = (key: SchoolHubSettingKey) => {
    const bad = invalid.includes(key);
    const help = HELP[key];
    const describedBy = [help ? `${id}-${key}-help` : '', bad ? `${id}-${key}-error` : '']
      .filter(Boolean)
      .join(' ');
    return (
      <div className="field" key={key}>
        <label htmlFor={`${id}-${key}`}>{t(`reports.settings.${key}`)}</label>
        <input
          id={`${id}-${key}`}
          type={INPUT_TYPE[key] ?? 'text'}
          value={form[key]}
          spellCheck={false}
          aria-invalid={bad}
          aria-describedby={describedBy || undefined}
          onChange={(event) => {
            const value = event.target.value;
            setForm((current) => ({ ...current, [key]: value }));
            setSaved(false);
          }}
        />
        {help ? (
          <p className="help" id={`${id}-${key}-help`}>
            {t(help)}
          </p>
        ) : null}
        {bad ? (
          <p className="field-error" id={`${id}-${key}-error`}>
            {t(`reports.settings.invalid.${key}`)}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form
      className="reports-settings-form"
      // The fields are checked here, so that the messages are ours and in the UI language.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="reports-fields">{MAIN_FIELDS.map(field)}</div>
      <fieldset className="reports-secrets">
        <legend>{t('reports.settings.secretsHeading')}</legend>
        <p className="help">{t('reports.settings.secretHelp')}</p>
        <div className="reports-fields">
          {HUB_SECRET_NAMES.map((name) => {
            const isSet = secrets?.[name] ?? null;
            const label = t(`reports.settings.${name}`);
            return (
              <div className="field" key={name}>
                <label htmlFor={`${id}-${name}`}>
                  {label}{' '}
                  {isSet === null ? null : (
                    <span
                      className={`badge status-badge ${isSet ? 'status-ok' : 'status-muted'}`}
                      data-testid={`secret-state-${name}`}
                    >
                      {isSet ? t('reports.settings.secretSet') : t('reports.settings.secretUnset')}
                    </span>
                  )}
                </label>
                <div className="reports-secret-row">
                  <input
                    id={`${id}-${name}`}
                    type="password"
                    // Never filled by the browser either: the value is write-only.
                    autoComplete="new-password"
                    spellCheck={false}
                    value={secretValues[name]}
                    onChange={(event) => {
                      const value = event.target.value;
                      setSecretValues((current) => ({ ...current, [name]: value }));
                      setSaved(false);
                    }}
                  />
                  {isSet ? (
                    <button
                      type="button"
                      disabled={saving}
                      aria-label={t('reports.settings.clearSecretLabel', { name: label })}
                      onClick={() => void setSecret(name, '')}
                    >
                      {t('reports.settings.clearSecret')}
                    </button>
                  ) : null}
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
      <details
        className="reports-advanced"
        open={advancedOpen}
        onToggle={(event) => setAdvancedOpen(event.currentTarget.open)}
      >
        <summary>{t('reports.settings.advanced')}</summary>
        <div className="reports-fields">{ADVANCED_FIELDS.map(field)}</div>
      </details>
      <div className="reports-actions">
        <button type="submit" className="button-primary" disabled={saving} aria-busy={saving}>
          {saving ? t('reports.settings.saving') : t('reports.settings.save')}
        </button>
        <div role="status" className="status-text">
          {saved ? <p>{t('reports.settings.saved')}</p> : null}
        </div>
      </div>
      {invalid.length > 0 ? (
        <p className="alert alert-error" role="alert">
          {t('reports.settings.fixFields')}
        </p>
      ) : null}
      <ErrorAlert error={settingsError} />
      <ErrorAlert error={secretsError} />
    </form>
  );
}
