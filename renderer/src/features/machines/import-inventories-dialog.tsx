import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InventoryImportResult } from '../../../../shared/domain/inventory';
import { ErrorAlert } from '../../components/error-alert';
import { ModalDialog } from '../../components/modal-dialog';
import { useDevices, useMachines } from '../../stores/stores-context';

/**
 * « Importer des inventaires… »: the referent gives the shared folder the collectors write into
 * (`parc inventory --self --out DOSSIER`); « Importer » sends `inventories:import`, then the
 * counts are shown in words and the lists (Postes, Réseau) are reloaded.
 */
export function ImportInventoriesDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const importing = useMachines((s) => s.importing);
  const result = useMachines((s) => s.importResult);
  const error = useMachines((s) => s.importError);
  const importInventories = useMachines((s) => s.importInventories);
  const resetImport = useMachines((s) => s.resetImport);
  const reloadDevices = useDevices((s) => s.load);
  const [folder, setFolder] = useState('');
  const [noFolder, setNoFolder] = useState(false);

  const close = () => {
    resetImport();
    onClose();
  };

  const submit = async () => {
    const trimmed = folder.trim();
    setNoFolder(trimmed === '');
    if (trimmed === '') return;
    if (await importInventories(trimmed)) await reloadDevices();
  };

  return (
    <ModalDialog title={t('machines.import.heading')} onClose={close}>
      <form
        className="import-inventories"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <p className="help" id={`${id}-help`}>
          {t('machines.import.help')}
        </p>
        <div className="field">
          <label htmlFor={`${id}-folder`}>{t('machines.import.folder')}</label>
          <input
            id={`${id}-folder`}
            type="text"
            value={folder}
            spellCheck={false}
            aria-describedby={`${id}-help`}
            placeholder={t('machines.import.folderPlaceholder')}
            onChange={(event) => setFolder(event.target.value)}
          />
        </div>
        {noFolder ? (
          <p className="alert alert-error" role="alert">
            {t('machines.import.noFolder')}
          </p>
        ) : null}
        <ErrorAlert error={error} />
        {importing ? <p role="status">{t('machines.import.importing')}</p> : null}
        {result ? <ImportResultView result={result} /> : null}
        <div className="dialog-actions">
          <button type="submit" className="button-primary" disabled={importing} aria-busy={importing}>
            {t('machines.import.submit')}
          </button>
          <button type="button" onClick={close}>
            {t('machines.import.close')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

/** The counts of an import in one sentence, then the files that were not imported and why. */
function ImportResultView({ result }: { result: InventoryImportResult }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-success import-result" role="status">
      <p>{describeImport(result, t)}</p>
      {result.invalid.length > 0 ? (
        <>
          <h3>{t('machines.import.invalidHeading')}</h3>
          <ul>
            {result.invalid.map((file) => (
              <li key={file.file}>
                {t('machines.import.fileReason', {
                  file: file.file,
                  reason: t(`machines.import.invalidCodes.${file.code}`),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {result.unmatched.length > 0 ? (
        <>
          <h3>{t('machines.import.unmatchedHeading')}</h3>
          <ul>
            {result.unmatched.map((file) => (
              <li key={file.file}>
                {file.hostName
                  ? t('machines.import.unmatchedHost', { file: file.file, host: file.hostName })
                  : file.file}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/**
 * « Import terminé : 12 nouveaux postes, 3 mis à jour, 40 déjà importés, 1 fichier illisible. »
 * Only the non-zero counts are named; a folder with no `.json` file says so.
 */
export function describeImport(result: InventoryImportResult, t: TFunction): string {
  if (result.files === 0) return t('machines.import.noFiles');
  const counts = [
    ['created', result.created],
    ['updated', result.updated],
    ['unchanged', result.unchanged],
    ['skipped', result.skippedAlreadyImported],
    ['invalid', result.invalid.length],
    ['unmatched', result.unmatched.length],
  ] as const;
  const summary = counts
    .filter(([, count]) => count > 0)
    .map(([key, count]) => t(`machines.import.${key}`, { count }))
    .join(', ');
  return t('machines.import.done', { summary });
}
