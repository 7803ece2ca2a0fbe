import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceType } from '../../../../shared/domain/device';
import { DEVICE_TYPES, EXPORT_FORMATS } from '../../../../shared/domain/vocabulary';
import type { ExportFormat } from '../../../../shared/domain/export';
import { ErrorAlert } from '../../components/error-alert';
import { ModalDialog } from '../../components/modal-dialog';
import { useTransfer } from '../../stores/stores-context';
import type { ExportOutcome } from '../../stores/transfer-store';

/** Formats that are a folder of files: the browser download cannot serve them (no zip). */
const FOLDER_FORMATS: ReadonlySet<ExportFormat> = new Set(['glpi']);

/**
 * « Exporter l’inventaire »: format, device types (all by default), CSV split by type. In the
 * desktop app main asks where to save; in the browser the file is downloaded (GLPI and split
 * CSV, being folders, are offered by the desktop app and `parc export` only).
 */
export function ExportDialog({
  initialFormat = 'csv',
  initialTypes = DEVICE_TYPES,
  onClose,
}: {
  initialFormat?: ExportFormat;
  initialTypes?: readonly DeviceType[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const browser = useTransfer((s) => s.browser);
  const exporting = useTransfer((s) => s.exporting);
  const outcome = useTransfer((s) => s.exportOutcome);
  const error = useTransfer((s) => s.exportError);
  const exportInventory = useTransfer((s) => s.exportInventory);
  const resetExport = useTransfer((s) => s.resetExport);
  const [format, setFormat] = useState<ExportFormat>(
    browser && FOLDER_FORMATS.has(initialFormat) ? 'csv' : initialFormat,
  );
  const [types, setTypes] = useState<ReadonlySet<DeviceType>>(() => new Set(initialTypes));
  const [split, setSplit] = useState(false);

  const close = () => {
    resetExport();
    onClose();
  };
  const allTypes = types.size === DEVICE_TYPES.length;
  const toggle = (type: DeviceType, on: boolean) =>
    setTypes((current) => {
      const next = new Set(current);
      if (on) next.add(type);
      else next.delete(type);
      return next;
    });
  const splitOffered = format === 'csv' && !browser;

  const submit = () =>
    void exportInventory({
      format,
      ...(allTypes ? {} : { types: DEVICE_TYPES.filter((type) => types.has(type)) }),
      ...(splitOffered && split ? { split: true } : {}),
    });

  return (
    <ModalDialog title={t('transfer.export.heading')} onClose={close}>
      <form
        className="transfer-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <fieldset>
          <legend>{t('transfer.export.format')}</legend>
          {EXPORT_FORMATS.map((candidate) => (
            <label key={candidate} className="choice">
              <input
                type="radio"
                name="export-format"
                value={candidate}
                checked={format === candidate}
                disabled={browser && FOLDER_FORMATS.has(candidate)}
                onChange={() => setFormat(candidate)}
              />
              <span>
                {t(`transfer.export.formats.${candidate}`)}
                <span className="help"> — {t(`transfer.export.formatHelp.${candidate}`)}</span>
              </span>
            </label>
          ))}
          {format === 'csv' ? (
            <label className="choice">
              <input
                type="checkbox"
                checked={splitOffered && split}
                disabled={!splitOffered}
                onChange={(event) => setSplit(event.target.checked)}
              />
              {t('transfer.export.split')}
            </label>
          ) : null}
          {browser ? <p className="help">{t('transfer.export.browserFolders')}</p> : null}
        </fieldset>
        <fieldset className="type-choices">
          <legend>{t('transfer.export.types')}</legend>
          <label className="choice">
            <input
              type="checkbox"
              checked={allTypes}
              onChange={(event) => setTypes(new Set(event.target.checked ? DEVICE_TYPES : []))}
            />
            {t('transfer.export.allTypes')}
          </label>
          {DEVICE_TYPES.map((type) => (
            <label key={type} className="choice">
              <input
                type="checkbox"
                checked={types.has(type)}
                onChange={(event) => toggle(type, event.target.checked)}
              />
              {t(`deviceTypes.${type}`)}
            </label>
          ))}
          {types.size === 0 ? <p className="help">{t('transfer.export.noType')}</p> : null}
        </fieldset>
        <ErrorAlert error={error} />
        {outcome ? <OutcomeLine outcome={outcome} /> : null}
        <div className="dialog-actions">
          <button type="submit" disabled={exporting || types.size === 0} aria-busy={exporting}>
            {exporting ? t('transfer.export.exporting') : t('transfer.export.submit')}
          </button>
          <button type="button" onClick={close}>
            {t('transfer.close')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

function OutcomeLine({ outcome }: { outcome: ExportOutcome }) {
  const { t } = useTranslation();
  let text: string;
  if (outcome.kind === 'download') {
    text = t('transfer.export.downloading', { format: t(`transfer.export.formats.${outcome.format}`) });
  } else if (outcome.files.length === 1) {
    text = t('transfer.export.saved', {
      count: outcome.devices,
      where: outcome.files[0],
    });
  } else {
    text = t('transfer.export.savedFiles', {
      count: outcome.devices,
      files: outcome.files.length,
      where: folderOf(outcome.files[0] ?? ''),
    });
  }
  return (
    <p className="alert alert-success" role="status">
      {text}
    </p>
  );
}

/** The folder part of a path written by main (`/` or `\` separated). */
function folderOf(path: string): string {
  const at = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return at > 0 ? path.slice(0, at) : path;
}
