import { useTranslation } from 'react-i18next';
import type { ProjectorSummary } from '../../../../shared/domain/projector-summary';
import { lampsToPlan, projectorName, worstLampPercent } from './projector-groups';

/**
 * « Lampes à prévoir »: the projectors whose lamp reached 90 % of its rated life (`lamp-end`),
 * with the room, the model and the lamp's part number to order (« référence inconnue » when the
 * projector does not give it).
 */
export function LampsToPlan({ projectors }: { projectors: readonly ProjectorSummary[] }) {
  const { t } = useTranslation();
  const due = lampsToPlan(projectors);
  return (
    <section
      className="panel lamps-to-plan"
      aria-labelledby="lamps-to-plan-heading"
      data-testid="lamps-to-plan"
    >
      <h3 id="lamps-to-plan-heading">{t('projectors.lampsToPlan.heading')}</h3>
      {due.length === 0 ? (
        <p className="help">{t('projectors.lampsToPlan.none')}</p>
      ) : (
        <>
          <p className="help">{t('projectors.lampsToPlan.help')}</p>
          <table className="lamps-table">
            <thead>
              <tr>
                <th scope="col">{t('projectors.lampsToPlan.columns.room')}</th>
                <th scope="col">{t('projectors.lampsToPlan.columns.name')}</th>
                <th scope="col">{t('projectors.lampsToPlan.columns.model')}</th>
                <th scope="col">{t('projectors.lampsToPlan.columns.used')}</th>
                <th scope="col">{t('projectors.lampsToPlan.columns.reference')}</th>
              </tr>
            </thead>
            <tbody>
              {due.map((projector) => {
                const percent = worstLampPercent(projector);
                return (
                  <tr key={projector.deviceId} data-testid={`lamp-to-plan-${projector.deviceId}`}>
                    <td>{projector.room ?? t('projectors.noRoom')}</td>
                    <td>{projectorName(projector)}</td>
                    <td>{[projector.vendor, projector.model].filter(Boolean).join(' ') || '—'}</td>
                    <td>{percent === null ? '—' : t('projectors.percent', { percent })}</td>
                    <td>
                      {projector.lampModel ?? (
                        <span className="help">{t('projectors.lampsToPlan.unknownReference')}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
