import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StartupNotice } from '../../../shared/domain/notices';
import type { RendererApi } from '../api/renderer-api';

/**
 * What Parc repaired when it started (a damaged database kept aside, damaged settings reset),
 * said once at the top of the window until the referent closes it.
 */
export function StartupNotices({ api }: { api: RendererApi }) {
  const { t } = useTranslation();
  const [notices, setNotices] = useState<StartupNotice[]>([]);
  useEffect(() => {
    void api.invoke('app:notices', {}).then((result) => {
      if (result.ok) setNotices(result.value);
    });
  }, [api]);
  if (notices.length === 0) return null;
  return (
    <div className="startup-notices" role="alert">
      {notices.map((notice) => (
        <p key={notice.code}>
          {t(`notices.${notice.code}`, { keptAs: notice.keptAs, fields: notice.fields.join(', ') })}
        </p>
      ))}
      <button type="button" onClick={() => setNotices([])}>
        {t('notices.close')}
      </button>
    </div>
  );
}
