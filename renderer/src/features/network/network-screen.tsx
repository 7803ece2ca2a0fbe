import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { TransferButtons } from '../transfer/transfer-buttons';
import { useDevices, useScan } from '../../stores/stores-context';
import { CredentialsPanel } from './credentials-panel';
import { DeviceDetail } from './device-detail';
import { DeviceFilters } from './device-filters';
import { DevicesTable } from './devices-table';
import { ScanProgressBar } from './scan-progress';
import { ScanSummaryLine } from './scan-summary';
import { ScanTargetsForm } from './scan-targets-form';

/** The "Réseau" screen: what to scan and with which credentials, the scan, then the inventory. */
export function NetworkScreen() {
  const { t } = useTranslation();
  const scanError = useScan((s) => s.error);
  const devicesError = useDevices((s) => s.error);
  return (
    <div className="network-screen">
      <div className="network-top">
        <section className="panel" aria-labelledby="scan-heading">
          <h2 id="scan-heading">{t('scan.heading')}</h2>
          <ScanTargetsForm />
          <ErrorAlert error={scanError} />
          <ScanProgressBar />
          <ScanSummaryLine />
        </section>
        <CredentialsPanel />
      </div>
      <div className="network-devices">
        <section className="panel devices-panel" aria-labelledby="devices-heading">
          <div className="panel-title">
            <h2 id="devices-heading">{t('devices.heading')}</h2>
            <TransferButtons />
          </div>
          <DeviceFilters />
          <ErrorAlert error={devicesError} />
          <DevicesTable />
        </section>
        <DeviceDetail />
      </div>
    </div>
  );
}
