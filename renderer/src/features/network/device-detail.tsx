import { useTranslation } from 'react-i18next';
import { DeviceTypeIcon } from '../../components/device-type-icon';
import { ErrorAlert } from '../../components/error-alert';
import { LOCALES } from '../../i18n/i18n';
import { formatDateTime, splitUptime } from '../../lib/format';
import { useDevices, useSettings } from '../../stores/stores-context';
import { DeviceEditForm } from './device-edit-form';

/**
 * Everything known about the selected device, read when it is selected (`inventory:get`: the
 * table's rows carry only what the table shows). Values come from the network (sysDescr,
 * sysName…) and are untrusted: they are rendered as React text only, never as HTML.
 */
export function DeviceDetail() {
  const { t } = useTranslation();
  const row = useDevices((s) => s.devices.find((d) => d.id === s.selectedId) ?? null);
  const device = useDevices((s) => (s.detail !== null && s.detail.id === s.selectedId ? s.detail : null));
  const detailError = useDevices((s) => s.detailError);
  const select = useDevices((s) => s.select);
  const locale = LOCALES[useSettings((s) => s.language)];

  if (!device && !row) {
    return (
      <aside className="panel device-detail" aria-labelledby="device-detail-heading">
        <h2 id="device-detail-heading">{t('detail.heading')}</h2>
        <p className="help">{t('detail.none')}</p>
        <OtherDrafts currentId={null} />
      </aside>
    );
  }

  if (!device) {
    // The table's row until the whole record arrives (or why it could not be read).
    const summary = row!;
    return (
      <aside className="panel device-detail" aria-labelledby="device-detail-heading" aria-busy={!detailError}>
        <div className="panel-title">
          <h2 id="device-detail-heading">{summary.sysName ?? summary.ip}</h2>
          <button type="button" onClick={() => void select(null)}>
            {t('detail.close')}
          </button>
        </div>
        <p className="device-type">
          <DeviceTypeIcon type={summary.type} />
          {t(`deviceTypes.${summary.type}`)}
        </p>
        {detailError ? <ErrorAlert error={detailError} /> : <p className="help">{t('detail.loading')}</p>}
        <OtherDrafts currentId={summary.id} />
      </aside>
    );
  }

  const uptime = splitUptime(device.uptimeSeconds);
  const fields: ReadonlyArray<readonly [string, string | null]> = [
    [t('detail.fields.ip'), device.ip],
    [t('detail.fields.name'), device.sysName],
    [t('detail.fields.vendor'), device.vendor],
    [t('detail.fields.model'), device.model],
    [t('detail.fields.serial'), device.serial],
    [t('detail.fields.mac'), device.mac],
    [t('detail.fields.firmware'), device.firmware],
    [t('detail.fields.sysDescr'), device.sysDescr],
    [t('detail.fields.sysObjectID'), device.sysObjectID],
    [t('detail.fields.sysLocation'), device.sysLocation],
    [t('detail.fields.sysContact'), device.sysContact],
    [t('detail.fields.uptime'), uptime ? t('detail.uptime', uptime) : null],
    [t('detail.fields.firstSeen'), formatDateTime(device.firstSeen, locale)],
    [t('detail.fields.lastSeen'), formatDateTime(device.lastSeen, locale)],
    [t('detail.fields.status'), device.missing ? t('devices.missing') : t('detail.present')],
  ];

  return (
    <aside className="panel device-detail" aria-labelledby="device-detail-heading">
      <div className="panel-title">
        <h2 id="device-detail-heading">{device.sysName ?? device.ip}</h2>
        <button type="button" onClick={() => void select(null)}>
          {t('detail.close')}
        </button>
      </div>
      <p className="device-type">
        <DeviceTypeIcon type={device.type} />
        {t(`deviceTypes.${device.type}`)}
        {device.missing ? <span className="badge badge-missing">{t('devices.missing')}</span> : null}
      </p>
      <dl className="fields">
        {fields.map(([label, value]) => (
          <div key={label} className="field-row">
            <dt>{label}</dt>
            <dd>{value ?? t('detail.unknown')}</dd>
          </div>
        ))}
      </dl>
      <OtherDrafts currentId={device.id} />
      {/* A new form per device: its fields start from that device's draft or saved values. */}
      <DeviceEditForm key={device.id} device={device} />
    </aside>
  );
}

/** Devices left with an unsaved room or notes, with a button to go back to each. */
function OtherDrafts({ currentId }: { currentId: number | null }) {
  const { t } = useTranslation();
  const drafts = useDevices((s) => s.drafts);
  const devices = useDevices((s) => s.devices);
  const select = useDevices((s) => s.select);
  const others = devices.filter((d) => d.id !== currentId && drafts[d.id] !== undefined);
  if (others.length === 0) return null;
  return (
    <div className="alert alert-warning" role="status">
      <p>{t('detail.otherDrafts')}</p>
      <ul>
        {others.map((other) => (
          <li key={other.id}>
            <button type="button" onClick={() => void select(other.id)}>
              {t('detail.backTo', { name: other.sysName ?? other.ip })}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
