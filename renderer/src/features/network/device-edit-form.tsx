import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../../../shared/domain/device';
import { ErrorAlert } from '../../components/error-alert';
import { useDevices } from '../../stores/stores-context';

/** The fields the referent owns: the room ("Salle") and free notes, saved with `inventory:update`. */
export function DeviceEditForm({ device }: { device: Device }) {
  const { t } = useTranslation();
  const id = useId();
  const update = useDevices((s) => s.update);
  const saving = useDevices((s) => s.saving);
  const saveError = useDevices((s) => s.saveError);
  const [room, setRoom] = useState(device.room ?? '');
  const [notes, setNotes] = useState(device.notes ?? '');
  const [saved, setSaved] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const edit = { id: device.id, room: room.trim() || null, notes: notes.trim() || null };
    if (await update(edit)) {
      setRoom(edit.room ?? '');
      setNotes(edit.notes ?? '');
      setSaved(true);
    }
  };

  return (
    <form className="device-edit" onSubmit={(event) => void onSubmit(event)}>
      <div className="field">
        <label htmlFor={`${id}-room`}>{t('detail.room')}</label>
        <input
          id={`${id}-room`}
          type="text"
          maxLength={100}
          value={room}
          placeholder={t('detail.roomPlaceholder')}
          onChange={(event) => {
            setRoom(event.target.value);
            setSaved(false);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-notes`}>{t('detail.notes')}</label>
        <textarea
          id={`${id}-notes`}
          rows={4}
          maxLength={5000}
          value={notes}
          onChange={(event) => {
            setNotes(event.target.value);
            setSaved(false);
          }}
        />
      </div>
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
