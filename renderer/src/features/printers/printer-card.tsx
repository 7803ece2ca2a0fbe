import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterStatus, PrinterSummary } from '../../../../shared/domain/printer';
import { LOCALES } from '../../i18n/i18n';
import { formatCount, formatDateTime } from '../../lib/format';
import {
  incidentText,
  isPlaceholderName,
  measuredPercent,
  printerName,
  printerUrgency,
} from '../../lib/printers';
import { useSettings } from '../../stores/stores-context';
import { PrinterHistory } from './printer-history';
import { SupplyGauge } from './supply-gauge';

const STATUS_TONE: Readonly<Record<PrinterStatus, string>> = {
  idle: 'ok',
  printing: 'ok',
  warmup: 'ok',
  warning: 'warning',
  error: 'error',
  offline: 'muted',
  unknown: 'muted',
};

/**
 * One printer for the person who changes cartridges: name, room, model, status and problems in
 * words, a gauge per supply. A printer whose network name is missing or a placeholder
 * (`<private>`) is titled by its model, with that name and its IP underneath. The referent's view adds counters, trays, alerts and addresses.
 * Texts read from the printer (names, alerts, display) are untrusted: React text only.
 */
export function PrinterCard({
  printer,
  simple,
  onReplaced,
}: {
  printer: PrinterSummary;
  simple: boolean;
  onReplaced: (text: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const name = printerName(printer);
  const urgency = printerUrgency(printer);
  const address = networkLine(printer, name, t);
  return (
    <article className={`printer-card urgency-${urgency}`} aria-labelledby={`${id}-name`}>
      <header className="printer-card-head">
        <h3 id={`${id}-name`} title={name}>
          {name}
        </h3>
        <span className={`badge status-badge status-${STATUS_TONE[printer.status]}`}>
          {t(`printers.status.${printer.status}`)}
        </span>
      </header>
      {address ? <p className="printer-address">{address}</p> : null}
      <p className="printer-room">
        {printer.room ? t('printers.room', { room: printer.room }) : t('printers.noRoom')}
      </p>
      {printer.model && printer.model !== name ? (
        <p className="printer-model">{t('printers.model', { model: printer.model })}</p>
      ) : null}
      {printer.errors.length > 0 ? (
        <ul className="printer-errors" aria-label={t('printers.errorsLabel')}>
          {printer.errors.map((error) => (
            <li key={error} className="badge badge-error">
              {t(`printers.errors.${error}`)}
            </li>
          ))}
        </ul>
      ) : null}
      {printer.supplies.length > 0 ? (
        <ul className="supplies" aria-label={t('printers.suppliesLabel')}>
          {printer.supplies.map((supply) => (
            <SupplyGauge
              key={`${supply.deviceIndex}.${supply.index}`}
              supply={supply}
              deviceId={printer.deviceId}
              printer={name}
              onReplaced={onReplaced}
            />
          ))}
        </ul>
      ) : (
        <p className="help">{t('printers.noSupplies')}</p>
      )}
      {simple ? null : <ReferentDetails printer={printer} />}
    </article>
  );
}

/**
 * Under a card titled by its model (the network name says nothing): that name, if any, and the
 * IP, so that two printers of the same model can be told apart. Null when the name is the title.
 */
function networkLine(printer: PrinterSummary, title: string, t: TFunction): string | null {
  const sysName = printer.sysName?.trim();
  if (!isPlaceholderName(sysName)) return null;
  if (sysName) return t('printers.address', { name: sysName, ip: printer.ip });
  return title === printer.ip ? null : t('printers.addressIp', { ip: printer.ip });
}

/** What the IT referent also wants: address, serial, read time, page counters, trays, alerts, history. */
function ReferentDetails({ printer }: { printer: PrinterSummary }) {
  const { t } = useTranslation();
  const locale = LOCALES[useSettings((s) => s.language)];
  const count = (value: number | null) => (value === null ? null : formatCount(value, locale));
  const { total, mono, color } = printer.pageCount;
  const fields: ReadonlyArray<readonly [string, string | null]> = [
    [t('printers.ip'), printer.ip],
    [t('printers.serial'), printer.serial],
    [t('printers.readAt'), printer.readAt ? formatDateTime(printer.readAt, locale) : t('printers.neverRead')],
    [t('printers.pagesTotal'), count(total)],
    [t('printers.pagesMono'), count(mono)],
    [t('printers.pagesColor'), count(color)],
  ];
  return (
    <section className="printer-details" aria-label={t('printers.details')}>
      <dl className="printer-fields">
        {fields
          .filter(([, value]) => value !== null)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {printer.pagesPerMonth !== null ? (
        <p className="help">
          {t('printers.pagesPerMonth', { pages: formatCount(Math.round(printer.pagesPerMonth), locale) })}
        </p>
      ) : null}
      {printer.trays.length > 0 ? (
        <>
          <h4>{t('printers.trays')}</h4>
          <ul className="trays">
            {printer.trays.map((tray) => {
              const percent = measuredPercent(tray);
              const parts = [
                tray.media,
                percent !== null ? t('printers.percent', { percent }) : null,
                t(`printers.trayStates.${tray.state}`),
              ].filter(Boolean);
              return (
                <li key={tray.index}>
                  <strong>{tray.name || t('printers.trayName', { index: tray.index })}</strong> :{' '}
                  {parts.join(' · ')}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {printer.alerts.length > 0 ? (
        <>
          <h4>{t('printers.alerts')}</h4>
          <ul className="printer-alerts">
            {printer.alerts.map((alert) => (
              <li key={alert.index}>
                <span className={`badge severity-${alert.severity}`}>
                  {t(`printers.severity.${alert.severity}`)}
                </span>{' '}
                {alert.description ?? `${alert.group ?? '?'} / ${alert.code ?? '?'}`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {printer.incidents.length > 0 ? (
        <>
          <h4>{t('printers.incidents')}</h4>
          <ul className="printer-alerts">
            {printer.incidents.map((incident) => (
              <li key={incident.key}>
                {t('printers.incidentSince', {
                  what: incidentText(incident.key, printer, t),
                  since: formatDateTime(incident.since, locale),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {printer.display ? (
        <>
          <h4>{t('printers.display')}</h4>
          <p className="printer-display mono">{printer.display}</p>
        </>
      ) : null}
      <PrinterHistory deviceId={printer.deviceId} />
    </section>
  );
}
