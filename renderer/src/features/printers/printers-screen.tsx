import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { sortPrintersByUrgency } from '../../lib/printers';
import { usePrinters, useUi } from '../../stores/stores-context';
import { OrderList } from './order-list';
import { PrinterCard } from './printer-card';

/**
 * « Imprimantes »: the cartridges to order first (what the agent comes for), then a card per
 * printer, most urgent first. The simple mode (large text, nothing else, no navigation) is for
 * the agent who changes them.
 */
export function PrintersScreen() {
  const { t } = useTranslation();
  const printers = usePrinters((s) => s.printers);
  const loaded = usePrinters((s) => s.loaded);
  const error = usePrinters((s) => s.error);
  const polling = usePrinters((s) => s.polling);
  const lastPoll = usePrinters((s) => s.lastPoll);
  const load = usePrinters((s) => s.load);
  const poll = usePrinters((s) => s.poll);
  const simple = useUi((s) => s.simpleMode);
  const setSimpleMode = useUi((s) => s.setSimpleMode);
  const [replacedText, setReplacedText] = useState<string | null>(null);
  const sorted = useMemo(() => sortPrintersByUrgency(printers), [printers]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className={`printers-screen${simple ? ' simple' : ''}`}>
      <div className="printers-toolbar">
        <h2 className="printers-title">{t('printers.heading')}</h2>
        {simple ? null : (
          <button
            type="button"
            disabled={polling}
            aria-busy={polling}
            onClick={() => {
              setReplacedText(null);
              void poll();
            }}
          >
            {polling ? t('printers.polling') : t('printers.poll')}
          </button>
        )}
        <button
          type="button"
          className="toggle"
          aria-pressed={simple}
          title={t('printers.simpleModeHelp')}
          onClick={() => setSimpleMode(!simple)}
        >
          <span className="toggle-box" aria-hidden="true">
            {simple ? '✓' : ''}
          </span>
          {t('printers.simpleMode')}
        </button>
        <div className="status-text" role="status">
          {lastPoll && !simple ? (
            <p>
              {t('printers.polled', { count: lastPoll.polled }) +
                (lastPoll.failed > 0 ? t('printers.pollFailed', { count: lastPoll.failed }) : '')}
            </p>
          ) : null}
          {replacedText ? <p>{replacedText}</p> : null}
        </div>
      </div>
      <ErrorAlert error={error} />
      <OrderList />
      <section className="printer-cards-section" aria-labelledby="printer-cards-heading">
        <h2 id="printer-cards-heading" className="visually-hidden">
          {t('printers.cardsHeading')}
        </h2>
        {!loaded && !error ? <p className="help">{t('printers.loading')}</p> : null}
        {loaded && printers.length === 0 ? <p className="help">{t('printers.empty')}</p> : null}
        <div className="printer-cards">
          {sorted.map((printer) => (
            <PrinterCard
              key={printer.deviceId}
              printer={printer}
              simple={simple}
              onReplaced={setReplacedText}
            />
          ))}
        </div>
      </section>
    </div>
  );
}
