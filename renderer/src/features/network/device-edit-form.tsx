import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../../../shared/domain/device';
import { ErrorAlert } from '../../components/error-alert';
import type { DeviceDraft } from '../../stores/devices-store';
import { useDevices } from '../../stores/stores-context';

/** The engine's limits (shared/domain/device.ts): longer values are refused. */
const ROOM_MAX_LENGTH = 100;
const NOTES_MAX_LENGTH = 5000;
const ASSET_TAG_MAX_LENGTH = 100;

/**
 * The fields the referent owns: the room ("Salle"), the school's inventory number and free notes,
 * saved with `inventory:update`.
 * What is typed is kept in the store as a draft until saved, so selecting another device
 * loses nothing (the detail panel then offers to come back).
 */
export function DeviceEditForm({ device }: { device: Device }) {
  const { t } = useTranslation();
  const id = useId();
  const update = useDevices((s) => s.update);
  const saving = useDevices((s) => s.saving);
  const saveError = useDevices((s) => s.saveError);
  const draft = useDevices((s) => s.drafts[device.id] ?? null);
  const setDraft = useDevices((s) => s.setDraft);
  const [saved, setSaved] = useState(false);
  const stored: DeviceDraft = {
    room: device.room ?? '',
    notes: device.notes ?? '',
    assetTag: device.assetTag ?? '',
  };
  const { room, notes, assetTag } = draft ?? stored;

  const change = (patch: Partial<DeviceDraft>) => {
    setSaved(false);
    const next = { room, notes, assetTag, ...patch };
    const unchanged =
      next.room === stored.room && next.notes === stored.notes && next.assetTag === stored.assetTag;
    setDraft(device.id, unchanged ? null : next);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const edit = {
      id: device.id,
      room: room.trim() || null,
      notes: notes.trim() || null,
      ...(assetTag !== stored.assetTag ? { assetTag: assetTag.trim() || null } : {}),
    };
    if (await update(edit)) setSaved(true);
  };

  return (
    <form className="device-edit" onSubmit={(event) => void onSubmit(event)}>
      <div className="field">
        <label htmlFor={`${id}-room`}>{t('detail.room')}</label>
        <input
          id={`${id}-room`}
          type="text"
          maxLength={ROOM_MAX_LENGTH}
          value={room}
          placeholder={t('detail.roomPlaceholder')}
          onChange={(event) => change({ room: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-asset-tag`}>{t('detail.assetTag')}</label>
        <input
          id={`${id}-asset-tag`}
          type="text"
          maxLength={ASSET_TAG_MAX_LENGTH}
          value={assetTag}
          onChange={(event) => change({ assetTag: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-notes`}>{t('detail.notes')}</label>
        <textarea
          id={`${id}-notes`}
          rows={4}
          maxLength={NOTES_MAX_LENGTH}
          value={notes}
          onChange={(event) => change({ notes: event.target.value })}
        />
      </div>
      {draft ? <p className="unsaved">{t('detail.unsaved')}</p> : null}
      <button type="submit" className="button-primary" disabled={saving}>
        {saving ? t('detail.saving') : t('detail.save')}
      </button>
      {saved ? (
        <span className="status-text" role="status">
          {t('detail.saved')}
        </span>
      ) : null}
      <ErrorAlert error={saveError} />
    </form>
  );
}
