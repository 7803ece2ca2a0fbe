import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceType } from '../../../../shared/domain/device';
import type { ExportFormat } from '../../../../shared/domain/export';
import { ExportDialog } from './export-dialog';
import { ImportDialog } from './import-dialog';

/** « Exporter » and « Importer les salles » for a screen header, each opening its dialog. */
export function TransferButtons({ importRooms = true }: { importRooms?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'export' | 'import' | null>(null);
  return (
    <div className="transfer-buttons">
      <button type="button" onClick={() => setOpen('export')}>
        {t('transfer.exportButton')}
      </button>
      {importRooms ? (
        <button type="button" onClick={() => setOpen('import')}>
          {t('transfer.importButton')}
        </button>
      ) : null}
      {open === 'export' ? <ExportDialog onClose={() => setOpen(null)} /> : null}
      {open === 'import' ? <ImportDialog onClose={() => setOpen(null)} /> : null}
    </div>
  );
}

/** A button opening the export dialog on a preset (e.g. XLSX of the printers, for « Consommables »). */
export function ExportPresetButton({
  label,
  format,
  types,
  className,
}: {
  label: string;
  format: ExportFormat;
  types?: readonly DeviceType[];
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)}>
        {label}
      </button>
      {open ? (
        <ExportDialog initialFormat={format} initialTypes={types} onClose={() => setOpen(false)} />
      ) : null}
    </>
  );
}
