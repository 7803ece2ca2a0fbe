import { useTranslation } from 'react-i18next';
import type { SupplyToOrder } from '../../../../shared/domain/printer';
import { LOCALES } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/format';
import { measuredPercent, sortOrderList, supplyName } from '../../lib/printers';
import { usePrinters, useSettings } from '../../stores/stores-context';
import { ExportPresetButton } from '../transfer/transfer-buttons';
import { ColorSwatch } from './supply-gauge';

/**
 * « Cartouches à commander »: every supply low, empty or soon out, across all printers, with
 * what the intendance needs to buy it. « Imprimer la liste » prints this section only.
 */
export function OrderList() {
  const { t } = useTranslation();
  const toOrder = usePrinters((s) => s.toOrder);
  const locale = LOCALES[useSettings((s) => s.language)];
  const items = sortOrderList(toOrder);
  return (
    <section className="panel order-list" aria-labelledby="order-heading">
      <div className="panel-title">
        <h2 id="order-heading">{t('printers.order.heading')}</h2>
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
        <table className="order-table" aria-labelledby="order-heading">
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
