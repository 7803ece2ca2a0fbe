import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceSummary } from '../../../../shared/ipc/contract';
import type { FieldChange, RoomImportPlan, RowRef } from '../../../../shared/domain/export';
import { MAX_IMPORT_BYTES } from '../../../../shared/ipc/bridge-protocol';
import { ErrorAlert } from '../../components/error-alert';
import { ModalDialog } from '../../components/modal-dialog';
import { readFileAsBase64 } from '../../lib/read-file';
import { useDevices, useTransfer } from '../../stores/stores-context';

type LocalProblem = 'wrongType' | 'tooLarge' | null;

/**
 * « Importer les salles »: the referent picks a sheet (.csv, .xlsx); the engine says what it
 * would change (`import:plan`), shown here in words; « Appliquer » writes it (`import:apply`)
 * and reloads the devices, « Annuler » sends nothing.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const planning = useTransfer((s) => s.planning);
  const plan = useTransfer((s) => s.plan);
  const applying = useTransfer((s) => s.applying);
  const applied = useTransfer((s) => s.applied);
  const error = useTransfer((s) => s.importError);
  const planImport = useTransfer((s) => s.planImport);
  const applyImport = useTransfer((s) => s.applyImport);
  const resetImport = useTransfer((s) => s.resetImport);
  const reloadDevices = useDevices((s) => s.load);
  const [problem, setProblem] = useState<LocalProblem>(null);

  const close = () => {
    resetImport();
    onClose();
  };

  const pick = async (file: File | undefined) => {
    resetImport();
    setProblem(null);
    if (!file) return;
    if (!/\.(csv|xlsx)$/i.test(file.name)) return setProblem('wrongType');
    if (file.size > MAX_IMPORT_BYTES) return setProblem('tooLarge');
    await planImport({ fileName: file.name, contentBase64: await readFileAsBase64(file) });
  };

  const apply = async () => {
    if (await applyImport()) await reloadDevices();
  };

  const changes = plan?.matched.filter((m) => m.changes.length > 0) ?? [];

  return (
    <ModalDialog title={t('transfer.import.heading')} onClose={close}>
      <p className="help">{t('transfer.import.help')}</p>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('transfer.import.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={planning || applying}
          onChange={(event) => void pick(event.target.files?.[0])}
        />
      </div>
      {planning ? <p role="status">{t('transfer.import.reading')}</p> : null}
      {problem ? (
        <p className="alert alert-error" role="alert">
          {t(`transfer.import.${problem}`)}
        </p>
      ) : null}
      <ErrorAlert error={error} />
      {plan ? <PlanView plan={plan} /> : null}
      {applied ? (
        <div className="alert alert-success" role="status">
          <p>
            {t('transfer.import.applied', {
              fields: t('transfer.import.appliedFields', { count: applied.fieldsChanged }),
              devices: t('transfer.import.appliedDevices', { count: applied.devicesChanged }),
            })}
          </p>
          {applied.conflicts.length > 0 ? (
            <p>{t('transfer.import.conflicts', { count: applied.conflicts.length })}</p>
          ) : null}
        </div>
      ) : null}
      <div className="dialog-actions">
        {plan ? (
          <button
            type="button"
            disabled={applying || changes.length === 0}
            aria-busy={applying}
            onClick={() => void apply()}
          >
            {applying ? t('transfer.import.applying') : t('transfer.import.apply')}
          </button>
        ) : null}
        <button type="button" onClick={close} disabled={applying}>
          {plan ? t('transfer.cancel') : t('transfer.close')}
        </button>
      </div>
    </ModalDialog>
  );
}

function PlanView({ plan }: { plan: RoomImportPlan }) {
  const { t } = useTranslation();
  const devices = useDevices((s) => s.devices);
  const byId = new Map(devices.map((device) => [device.id, device]));
  const changes = plan.matched.filter((m) => m.changes.length > 0);
  const unchanged = plan.matched.length - changes.length;
  const label = (deviceId: number, name?: string) => deviceLabel(byId.get(deviceId), deviceId, name, t);
  return (
    <div className="import-plan">
      <p>
        {t('transfer.import.summary', {
          file: plan.file,
          rows: t('transfer.import.rows', { count: plan.rowCount }),
          matched: t('transfer.import.matched', { count: plan.matched.length }),
          unmatched: t('transfer.import.unmatchedCount', { count: plan.unmatched.length }),
          ambiguous: t('transfer.import.ambiguous', { count: plan.ambiguous.length }),
        })}
      </p>
      <section aria-label={t('transfer.import.changesHeading')}>
        <h3>{t('transfer.import.changesHeading')}</h3>
        {changes.length === 0 ? <p className="help">{t('transfer.import.noChanges')}</p> : null}
        <ul>
          {changes.map((match) => (
            <li key={`${match.row.sheet ?? ''}:${match.row.line}`}>
              <strong>{label(match.deviceId, match.device)}</strong> — <RowLabel row={match.row} />,{' '}
              {t('transfer.import.matchedBy', { key: t(`transfer.import.keys.${match.matchedBy}`) })}
              <ul>
                {match.changes.map((change) => (
                  <li key={change.field}>
                    <ChangeLine change={change} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
        {unchanged > 0 ? (
          <p className="help">{t('transfer.import.unchanged', { count: unchanged })}</p>
        ) : null}
      </section>
      {plan.unmatched.length > 0 ? (
        <section aria-label={t('transfer.import.unmatchedHeading')}>
          <h3>{t('transfer.import.unmatchedHeading')}</h3>
          <ul>
            {plan.unmatched.map((row) => (
              <li key={`${row.row.sheet ?? ''}:${row.row.line}`}>
                <RowLabel row={row.row} /> : {t('transfer.import.unmatched')} <Detail reason={row.reason} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {plan.ambiguous.length > 0 ? (
        <section aria-label={t('transfer.import.ambiguousHeading')}>
          <h3>{t('transfer.import.ambiguousHeading')}</h3>
          <ul>
            {plan.ambiguous.map((row) => (
              <li key={`${row.row.sheet ?? ''}:${row.row.line}`}>
                <RowLabel row={row.row} /> :{' '}
                {row.deviceIds.length > 1
                  ? t('transfer.import.ambiguousSeveral', {
                      count: row.deviceIds.length,
                      key: t(`transfer.import.thisKey.${row.matchedBy}`),
                    })
                  : t('transfer.import.ambiguousTaken')}{' '}
                <Detail reason={row.reason} />
                <ul>
                  {row.deviceIds.map((deviceId) => (
                    <li key={deviceId}>{label(deviceId)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function RowLabel({ row }: { row: RowRef }) {
  const { t } = useTranslation();
  return (
    <>
      {row.sheet
        ? t('transfer.import.rowInSheet', { sheet: row.sheet, line: row.line })
        : t('transfer.import.row', { line: row.line })}
    </>
  );
}

function ChangeLine({ change }: { change: FieldChange }) {
  const { t } = useTranslation();
  const empty = t('transfer.import.empty');
  return (
    <>
      {t('transfer.import.change', {
        field: t(`transfer.import.fields.${change.field}`),
        from: change.from ?? empty,
        to: change.to ?? empty,
      })}
    </>
  );
}

/**
 * A device of the plan as the referent can find it: its name (often the useless `<private>`),
 * then its IP and model from the inventory. Falls back to the plan's name, else to the id.
 */
function deviceLabel(
  device: DeviceSummary | undefined,
  id: number,
  name: string | undefined,
  t: TFunction,
): string {
  const title = name ?? device?.sysName ?? device?.ip ?? `#${id}`;
  const details = [device?.ip, device?.model].filter(
    (part): part is string => Boolean(part) && part !== title,
  );
  return details.length > 0
    ? t('transfer.import.device', { name: title, details: details.join(' · ') })
    : title;
}

/** The engine's own words, in English mode only (in French, the sentence before says it all). */
function Detail({ reason }: { reason: string }) {
  const { t, i18n } = useTranslation();
  if (i18n.resolvedLanguage !== 'en') return null;
  return (
    <span className="help" lang="en">
      ({t('transfer.import.detail', { reason })})
    </span>
  );
}
