import { useTranslation } from 'react-i18next';
import type { ScanSummary } from '../../../../shared/domain/scan';
import { useScan } from '../../stores/stores-context';

const TITLES = {
  running: 'scan.summaryDone',
  done: 'scan.summaryDone',
  cancelled: 'scan.summaryCancelled',
  failed: 'scan.summaryFailed',
} as const satisfies Record<ScanSummary['status'], string>;

/** The last scan in one line (found, new, missing, problems), problems listed on demand. */
export function ScanSummaryLine() {
  const { t } = useTranslation();
  const summary = useScan((s) => s.lastSummary);
  const running = useScan((s) => s.running);
  if (!summary || running) return null;
  const parts = [
    t('scan.found', { count: summary.respondedCount }),
    t('scan.new', { count: summary.newCount }),
    t('scan.missing', { count: summary.missingCount }),
    t('scan.problems', { count: summary.problems.length }),
  ];
  return (
    <div className="scan-summary" role="status">
      <p>{t('scan.summaryLine', { title: t(TITLES[summary.status]), parts: parts.join(', ') })}</p>
      {summary.problems.length > 0 ? (
        <details>
          <summary>{t('scan.problemsDetails')}</summary>
          <ul className="problems">
            {summary.problems.map((problem, index) => (
              <li key={`${problem.ip}-${index}`}>
                <span className="mono">{problem.ip}</span> — {problem.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
