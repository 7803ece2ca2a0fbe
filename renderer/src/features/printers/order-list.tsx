import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupplyToOrder } from '../../../../shared/domain/printer';
import { LOCALES } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/format';
import { measuredPercent, sortOrderList, supplyName } from '../../lib/printers';
import { usePrinters, useSettings } from '../../stores/stores-context';
import { ExportPresetButton } from '../transfer/transfer-buttons';
import { ColorSwatch } from './supply-gauge';

/**
 * « Cartouches à commander »: every supply low, empty or soon out (a waste box almost full or
 * full), across all printers, with what the intendance needs to buy it. At the top of the
 * screen, compact (the table scrolls past a few rows) and collapsible, open while there is
 * something to order. « Imprimer la liste » prints this section only, whole, even folded.
 */
export function OrderList() {
  const { t } = useTranslation();
  const id = useId();
  const toOrder = usePrinters((s) => s.toOrder);
  const locale = LOCALES[useSettings((s) => s.language)];
  const items = sortOrderList(toOrder);
  /** The agent's own choice; null: open whenever there is something to order. */
  const [open, setOpen] = useState<boolean | null>(null);
  const expanded = items.length > 0 && (open ?? true);
  const headingId = `${id}-heading`;
  const bodyId = `${id}-body`;
  return (
    <section className="panel order-list" aria-labelledby={headingId}>
      <div className="panel-title order-title">
        <h2 id={headingId}>
          {items.length > 0 ? (
            <button
              type="button"
              className="order-toggle"
              aria-expanded={expanded}
              aria-controls={bodyId}
              title={expanded ? t('printers.order.hide') : t('printers.order.show')}
              onClick={() => setOpen(!expanded)}
            >
              <span className="order-chevron no-print" aria-hidden="true">
                {expanded ? '▾' : '▸'}
              </span>
              {t('printers.order.heading')}
            </button>
          ) : (
            t('printers.order.heading')
          )}
        </h2>
        {items.length > 0 ? (
          <span className="badge order-count">{t('printers.order.count', { count: items.length })}</span>
        ) : null}
        <ExportPresetButton
          className="no-print"
          label={t('transfer.exportOrderButton')}
          format="xlsx"
          types={['printer']}
        />
        <button
          type="button"
          className="no-print"
          disabled={items.length === 0}
          onClick={() => window.print()}
        >
          {t('printers.order.print')}
        </button>
      </div>
      <p className="print-only">
        {t('printers.order.printedOn', { date: formatDateTime(new Date().toISOString(), locale) })}
      </p>
      {items.length === 0 ? (
        <p className="help">{t('printers.order.empty')}</p>
      ) : (
        <div id={bodyId} className="order-body" hidden={!expanded}>
          {/* Focusable so that the keyboard can scroll a long list. */}
          <div className="order-scroll" tabIndex={0}>
            <table className="order-table" aria-labelledby={headingId}>
              <thead>
                <tr>
                  <th scope="col">{t('printers.order.columns.supply')}</th>
                  <th scope="col">{t('printers.order.columns.model')}</th>
                  <th scope="col">{t('printers.order.columns.partNumber')}</th>
                  <th scope="col">{t('printers.order.columns.printer')}</th>
                  <th scope="col">{t('printers.order.columns.room')}</th>
                  <th scope="col">{t('printers.order.columns.level')}</th>
                  <th scope="col">{t('printers.order.columns.daysLeft')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <OrderRow key={`${item.deviceId}:${item.supplyKey}`} item={item} />
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}

function OrderRow({ item }: { item: SupplyToOrder }) {
  const { t } = useTranslation();
  const percent = measuredPercent(item);
  const state = t(`printers.states.${item.state}`);
  const none = t('printers.unknownValue');
  return (
    <tr className={`order-${item.state}`}>
      <td>
        <span className="order-supply">
          <ColorSwatch color={item.color} />
          {supplyName(item, t)}
        </span>
      </td>
      <td>{item.model ?? none}</td>
      <td className="mono">{item.partNumber ?? none}</td>
      <td>{item.printer}</td>
      <td>{item.room ?? none}</td>
      <td>{percent !== null ? `${t('printers.percent', { percent })} — ${state}` : state}</td>
      <td>
        {item.daysLeft !== null
          ? t('printers.daysLeft', { count: Math.max(0, Math.round(item.daysLeft)) })
          : none}
      </td>
    </tr>
  );
}
