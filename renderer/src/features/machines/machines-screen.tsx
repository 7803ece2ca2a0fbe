import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { useMachines } from '../../stores/stores-context';
import { ImportInventoriesDialog } from './import-inventories-dialog';
import { MachinesTable } from './machines-table';
import './machines.css';

/**
 * « Postes »: the school's computers by room, whether each was only seen on the network or sent
 * its own inventory, the two filters, and the import of the inventories the computers wrote.
 */
export function MachinesScreen() {
  const { t } = useTranslation();
  const id = useId();
  const loaded = useMachines((s) => s.loaded);
  const error = useMachines((s) => s.error);
  const search = useMachines((s) => s.search);
  const staleOnly = useMachines((s) => s.staleOnly);
  const load = useMachines((s) => s.load);
  const setSearch = useMachines((s) => s.setSearch);
  const setStaleOnly = useMachines((s) => s.setStaleOnly);
  const [importOpen, setImportOpen] = useState(false);
  // The time « il y a N jours » and the 30 days count from: the moment the screen opened.
  const [now] = useState(() => Date.now());

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="machines-screen">
      <section className="panel" aria-labelledby="machines-heading">
        <div className="panel-title">
          <h2 id="machines-heading">{t('machines.heading')}</h2>
          <button type="button" onClick={() => setImportOpen(true)}>
            {t('machines.import.button')}
          </button>
        </div>
        <div className="machines-filters" role="search">
          <div className="field">
            <label htmlFor={`${id}-search`}>{t('machines.search')}</label>
            <input
              id={`${id}-search`}
              type="search"
              value={search}
              placeholder={t('machines.searchPlaceholder')}
              onChange={(event) => setSearch(event.target.value)}
            />
          </div>
          <label className="choice">
            <input
              type="checkbox"
              checked={staleOnly}
              onChange={(event) => setStaleOnly(event.target.checked)}
            />
            {t('machines.staleOnly')}
          </label>
        </div>
        <ErrorAlert error={error} />
        {!loaded && !error ? <p className="help">{t('machines.loading')}</p> : null}
        {loaded ? <MachinesTable now={now} /> : null}
      </section>
      {importOpen ? <ImportInventoriesDialog onClose={() => setImportOpen(false)} /> : null}
    </div>
  );
}
