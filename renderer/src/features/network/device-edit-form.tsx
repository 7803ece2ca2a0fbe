import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../../../shared/domain/device';
import { ErrorAlert } from '../../components/error-alert';
import { useDevices } from '../../stores/stores-context';

/** The engine's limits (shared/domain/device.ts): longer values are refused. */
const ROOM_MAX_LENGTH = 100;
const NOTES_MAX_LENGTH = 5000;

/**
 * The fields the referent owns: the room ("Salle") and free notes, saved with `inventory:update`.
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
  const savedRoom = device.room ?? '';
  const savedNotes = device.notes ?? '';
  const room = draft?.room ?? savedRoom;
  const notes = draft?.notes ?? savedNotes;

  const change = (next: { room: string; notes: string }) => {
    setSaved(false);
    setDraft(device.id, next.room === savedRoom && next.notes === savedNotes ? null : next);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const edit = { id: device.id, room: room.trim() || null, notes: notes.trim() || null };
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
          onChange={(event) => change({ room: event.target.value, notes })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-notes`}>{t('detail.notes')}</label>
        <textarea
          id={`${id}-notes`}
          rows={4}
          maxLength={NOTES_MAX_LENGTH}
          value={notes}
          onChange={(event) => change({ room, notes: event.target.value })}
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
