import { useTranslation } from 'react-i18next';
import type { ServerVolumeStatus } from '../../../../shared/domain/server';
import { LOCALES } from '../../i18n/i18n';
import { useSettings } from '../../stores/stores-context';
import { formatSize, VOLUME_TONE, type SizeUnit } from './server-words';

/**
 * « Disques » of one server: each volume's mount, size and used space (Go, To), a bar with the
 * percent (`role="meter"`), its state in words and colour, and « plein dans N jours » from the
 * engine's forecast, or « — » when there is none.
 */
export function VolumesTable({ volumes }: { volumes: readonly ServerVolumeStatus[] }) {
  const { t } = useTranslation();
  const locale = LOCALES[useSettings((s) => s.language)];
  const size = (bytes: number) => formatSize(bytes, locale, (unit: SizeUnit) => t(`servers.units.${unit}`));
  if (volumes.length === 0) return <p className="help">{t('servers.volumes.none')}</p>;
  return (
    <table className="server-volumes" data-testid="server-volumes">
      <caption className="visually-hidden">{t('servers.volumes.heading')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('servers.volumes.columns.mount')}</th>
          <th scope="col">{t('servers.volumes.columns.size')}</th>
          <th scope="col">{t('servers.volumes.columns.used')}</th>
          <th scope="col">{t('servers.volumes.columns.percent')}</th>
          <th scope="col">{t('servers.volumes.columns.state')}</th>
          <th scope="col">{t('servers.volumes.columns.forecast')}</th>
        </tr>
      </thead>
      <tbody>
        {volumes.map((volume) => {
          const percent = Math.round(volume.percent);
          const bar = Math.min(Math.max(percent, 0), 100);
          return (
            <tr key={volume.mount} className={`volume-${volume.state}`}>
              <th scope="row" className="volume-mount">
                {volume.mount}
              </th>
              <td>{size(volume.sizeBytes)}</td>
              <td>{size(volume.usedBytes)}</td>
              <td>
                <div className="volume-percent">
                  <div
                    className="gauge volume-gauge"
                    role="meter"
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={bar}
                    aria-label={t('servers.volumes.gaugeLabel', { mount: volume.mount, percent })}
                  >
                    <div className="gauge-fill volume-gauge-fill" style={{ width: `${bar}%` }} />
                  </div>
                  <span>{t('servers.percent', { percent })}</span>
                </div>
              </td>
              <td>
                <span className={`badge status-badge status-${VOLUME_TONE[volume.state]}`}>
                  {t(`servers.volumes.states.${volume.state}`)}
                </span>
              </td>
              <td>
                {volume.fullInDays === null ? (
                  <span title={t('servers.volumes.noForecast')}>—</span>
                ) : volume.fullInDays === 0 ? (
                  t('servers.volumes.fullToday')
                ) : (
                  t('servers.volumes.fullIn', { count: volume.fullInDays })
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
