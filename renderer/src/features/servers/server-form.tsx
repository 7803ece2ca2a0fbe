import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceSummary } from '../../../../shared/ipc/contract';
import type { ServerConfig } from '../../../../shared/domain/server';
import { ErrorAlert } from '../../components/error-alert';
import { useDevices, useServers } from '../../stores/stores-context';
import {
  checkServerForm,
  deviceName,
  formFromServer,
  newServerForm,
  WATCHABLE_TYPES,
  type ServerForm,
  type ServerFormField,
} from './server-form-model';

/** The value of the « Serveur » select meaning « typed address ». */
const BY_ADDRESS = 'address';

/**
 * « Surveiller un serveur » (new) or « Modifier » (a watched `server`): a server or NAS of the
 * inventory, or an address; its name; SNMP on or off; an optional share with a read-only account
 * and password (a write-only field, never prefilled: only « défini » / « non défini » is shown);
 * « Parc tourne sur ce serveur »; the services to watch (smbd by default). Checked here (French
 * message beside each field), then sent with `servers:save`. `onDone` runs after a save or « Annuler ».
 */
export function ServerFormView({
  server = null,
  device = null,
  onDone,
}: {
  server?: ServerConfig | null;
  device?: DeviceSummary | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [form, setForm] = useState<ServerForm>(() =>
    server ? formFromServer(server) : newServerForm(device),
  );
  const [invalid, setInvalid] = useState<readonly ServerFormField[]>([]);
  const devices = useDevices((s) => s.devices);
  const saving = useServers((s) => s.saving);
  const saveError = useServers((s) => s.saveError);
  const save = useServers((s) => s.save);
  const candidates = useMemo(() => devices.filter((d) => WATCHABLE_TYPES.includes(d.type)), [devices]);
  const chosen = form.deviceId === null ? null : (devices.find((d) => d.id === form.deviceId) ?? null);

  const change = (patch: Partial<ServerForm>) => setForm((current) => ({ ...current, ...patch }));

  const submit = async () => {
    const check = checkServerForm(form, server?.id);
    if (!check.ok) {
      setInvalid(check.invalid);
      return;
    }
    setInvalid([]);
    if (await save(check.input)) {
      // The password leaves the form as soon as the engine has it.
      change({ smbPassword: '', clearPassword: false });
      onDone();
    }
  };

  const error = (field: ServerFormField) =>
    invalid.includes(field) ? (
      <p className="field-error" id={`${id}-${field}-error`}>
        {t(`servers.form.invalid.${field}`)}
      </p>
    ) : null;
  const describedBy = (field: ServerFormField, help?: string) =>
    [help, invalid.includes(field) ? `${id}-${field}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <form
      className="server-form panel"
      aria-label={server ? t('servers.form.editHeading', { name: server.name }) : t('servers.form.heading')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3>{server ? t('servers.form.editHeading', { name: server.name }) : t('servers.form.heading')}</h3>
      <div className="server-form-fields">
        <div className="field">
          <label htmlFor={`${id}-source`}>{t('servers.form.source')}</label>
          <select
            id={`${id}-source`}
            value={form.deviceId === null ? BY_ADDRESS : String(form.deviceId)}
            onChange={(event) => {
              const value = event.target.value;
              const picked = candidates.find((d) => String(d.id) === value) ?? null;
              change(
                picked
                  ? { deviceId: picked.id, address: picked.ip, name: form.name || deviceName(picked) }
                  : { deviceId: null },
              );
            }}
          >
            <option value={BY_ADDRESS}>{t('servers.form.byAddress')}</option>
            {candidates.map((d) => (
              <option key={d.id} value={String(d.id)}>
                {t('servers.form.deviceOption', {
                  name: deviceName(d),
                  type: t(`servers.form.types.${d.type === 'nas' ? 'nas' : 'server'}`),
                  ip: d.ip,
                })}
              </option>
            ))}
            {/* A watched device no longer in the inventory's servers and NAS stays choosable. */}
            {form.deviceId !== null && !candidates.some((d) => d.id === form.deviceId) ? (
              <option value={String(form.deviceId)}>
                {chosen ? deviceName(chosen) : form.address || `#${form.deviceId}`}
              </option>
            ) : null}
          </select>
          {candidates.length === 0 ? <p className="help">{t('servers.form.noCandidates')}</p> : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-address`}>{t('servers.form.address')}</label>
          <input
            id={`${id}-address`}
            value={form.address}
            spellCheck={false}
            placeholder="10.1.0.5"
            aria-invalid={invalid.includes('address')}
            aria-describedby={describedBy('address', `${id}-address-help`)}
            onChange={(event) => change({ address: event.target.value })}
          />
          <p className="help" id={`${id}-address-help`}>
            {form.deviceId === null ? t('servers.form.addressHelp') : t('servers.form.addressDeviceHelp')}
          </p>
          {error('address')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('servers.form.name')}</label>
          <input
            id={`${id}-name`}
            value={form.name}
            placeholder={t('servers.form.namePlaceholder')}
            aria-invalid={invalid.includes('name')}
            aria-describedby={describedBy('name')}
            onChange={(event) => change({ name: event.target.value })}
          />
          {error('name')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-services`}>{t('servers.form.services')}</label>
          <input
            id={`${id}-services`}
            value={form.services}
            spellCheck={false}
            aria-invalid={invalid.includes('services')}
            aria-describedby={describedBy('services', `${id}-services-help`)}
            onChange={(event) => change({ services: event.target.value })}
          />
          <p className="help" id={`${id}-services-help`}>
            {t('servers.form.servicesHelp')}
          </p>
          {error('services')}
        </div>
      </div>
      <label className="toggle">
        <input
          type="checkbox"
          checked={form.snmp}
          onChange={(event) => change({ snmp: event.target.checked })}
        />
        {t('servers.form.snmp')}
      </label>
      <label className="toggle">
        <input
          type="checkbox"
          checked={form.local}
          onChange={(event) => change({ local: event.target.checked })}
        />
        {t('servers.form.local')}
      </label>
      <fieldset className="server-form-smb">
        <legend>{t('servers.form.smbHeading')}</legend>
        <p className="help">{t('servers.form.smbHelp')}</p>
        <div className="server-form-fields">
          <div className="field">
            <label htmlFor={`${id}-share`}>{t('servers.form.smbShare')}</label>
            <input
              id={`${id}-share`}
              value={form.smbShare}
              spellCheck={false}
              placeholder="pedago"
              aria-invalid={invalid.includes('smbShare')}
              aria-describedby={describedBy('smbShare')}
              onChange={(event) => change({ smbShare: event.target.value })}
            />
            {error('smbShare')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-user`}>{t('servers.form.smbUser')}</label>
            <input
              id={`${id}-user`}
              value={form.smbUser}
              spellCheck={false}
              autoComplete="off"
              aria-invalid={invalid.includes('smbUser')}
              aria-describedby={describedBy('smbUser')}
              onChange={(event) => change({ smbUser: event.target.value })}
            />
            {error('smbUser')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>
              {t('servers.form.smbPassword')}{' '}
              {server ? (
                <span
                  className={`badge status-badge ${server.smbPasswordSet ? 'status-ok' : 'status-muted'}`}
                  data-testid="smb-password-state"
                >
                  {server.smbPasswordSet ? t('servers.form.passwordSet') : t('servers.form.passwordUnset')}
                </span>
              ) : null}
            </label>
            <input
              id={`${id}-password`}
              type="password"
              // Never filled by the browser either: the value is write-only.
              autoComplete="new-password"
              spellCheck={false}
              value={form.smbPassword}
              aria-describedby={`${id}-password-help`}
              onChange={(event) => change({ smbPassword: event.target.value })}
            />
            <p className="help" id={`${id}-password-help`}>
              {t('servers.form.passwordHelp')}
            </p>
            {server?.smbPasswordSet ? (
              <label className="toggle">
                <input
                  type="checkbox"
                  checked={form.clearPassword}
                  onChange={(event) => change({ clearPassword: event.target.checked })}
                />
                {t('servers.form.clearPassword')}
              </label>
            ) : null}
          </div>
        </div>
      </fieldset>
      <div className="server-form-actions">
        <button type="submit" className="button-primary" disabled={saving} aria-busy={saving}>
          {saving ? t('servers.form.saving') : server ? t('servers.form.save') : t('servers.form.add')}
        </button>
        <button type="button" onClick={onDone}>
          {t('servers.form.cancel')}
        </button>
      </div>
      {invalid.length > 0 ? (
        <p className="alert alert-error" role="alert">
          {t('servers.form.fixFields')}
        </p>
      ) : null}
      <ErrorAlert error={saveError} />
    </form>
  );
}
