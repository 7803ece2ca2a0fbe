import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterHistory as History, SupplyHistory } from '../../../../shared/domain/printer';
import { ErrorAlert } from '../../components/error-alert';
import { LOCALES } from '../../i18n/i18n';
import { formatCount } from '../../lib/format';
import { seriesSummary, toChartPoints } from '../../lib/history-chart';
import { supplyName } from '../../lib/printers';
import { toStoreError, type StoreError } from '../../stores/store-error';
import { usePrinters, useSettings } from '../../stores/stores-context';
import { HistoryChart } from './history-chart';

type Loaded =
  | { status: 'closed' | 'loading' }
  | { status: 'loaded'; history: History }
  | { status: 'error'; error: StoreError };

/** A supply's name inside a sentence: « toner cyan », "cyan toner" (a description stays as it is). */
function nameInSentence(supply: SupplyHistory, name: string): string {
  if (supply.kind === 'other' && supply.description) return name;
  return name.charAt(0).toLocaleLowerCase() + name.slice(1);
}

/** One supply's level chart, or « Pas encore d'historique » with fewer than 2 measured points. */
function SupplyChart({ supply }: { supply: SupplyHistory }) {
  const { t } = useTranslation();
  const name = supplyName(supply, t);
  const points = toChartPoints(supply.points, (p) => p.percent);
  const summary = seriesSummary(points);
  return (
    <li>
      <span className="history-name">{name}</span>
      {summary ? (
        <HistoryChart
          points={points}
          color={supply.color ?? 'none'}
          yMin={0}
          yMax={100}
          marks={supply.replacements.map((r) => Date.parse(r.at))}
          label={t('printers.historySupplyLabel', {
            of: t(`printers.historyOf.${supply.kind}`),
            name: nameInSentence(supply, name),
            from: Math.round(summary.from),
            to: Math.round(summary.to),
            count: summary.days,
          })}
        />
      ) : (
        <p className="help">{t('printers.historyEmpty')}</p>
      )}
    </li>
  );
}

/** The page counter chart, or « Pas encore d'historique ». */
function PagesChart({ pages }: { pages: History['pages'] }) {
  const { t } = useTranslation();
  const locale = LOCALES[useSettings((s) => s.language)];
  const points = toChartPoints(pages, (p) => p.total);
  const summary = seriesSummary(points);
  const values = points.flatMap((p) => (p.v === null ? [] : [p.v]));
  return (
    <li>
      <span className="history-name">{t('printers.historyPages')}</span>
      {summary ? (
        <HistoryChart
          points={points}
          color="none"
          yMin={Math.min(...values)}
          yMax={Math.max(...values)}
          label={t('printers.historyPagesLabel', {
            from: formatCount(summary.from, locale),
            to: formatCount(summary.to, locale),
            count: summary.days,
          })}
        />
      ) : (
        <p className="help">{t('printers.historyEmpty')}</p>
      )}
    </li>
  );
}

/**
 * « Historique » (referent's view): a disclosure that loads `printers:history` each time it
 * opens and draws a small chart per supply (its colour, replacement ticks, gaps where the
 * level was not measured) and one of the page counter.
 */
export function PrinterHistory({ deviceId }: { deviceId: number }) {
  const { t } = useTranslation();
  const id = useId();
  const load = usePrinters((s) => s.history);
  const [state, setState] = useState<Loaded>({ status: 'closed' });
  const request = useRef(0);
  const open = state.status !== 'closed';

  const toggle = async () => {
    const current = ++request.current;
    if (open) return setState({ status: 'closed' });
    setState({ status: 'loading' });
    try {
      const history = await load(deviceId);
      if (current === request.current) setState({ status: 'loaded', history });
    } catch (error) {
      if (current === request.current) setState({ status: 'error', error: toStoreError(error) });
    }
  };

  return (
    <div className="printer-history">
      <button
        type="button"
        className="disclosure"
        aria-expanded={open}
        aria-controls={`${id}-history`}
        onClick={() => void toggle()}
      >
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t('printers.history')}
      </button>
      <div id={`${id}-history`} hidden={!open}>
        {state.status === 'loading' ? <p className="help">{t('printers.historyLoading')}</p> : null}
        {state.status === 'error' ? <ErrorAlert error={state.error} /> : null}
        {state.status === 'loaded' ? (
          <ul className="history-list" aria-label={t('printers.history')}>
            {state.history.supplies.map((supply) => (
              <SupplyChart key={supply.supplyKey} supply={supply} />
            ))}
            <PagesChart pages={state.history.pages} />
          </ul>
        ) : null}
      </div>
    </div>
  );
}
