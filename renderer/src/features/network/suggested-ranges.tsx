import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../i18n/i18n';
import { formatCount } from '../../lib/format';
import { useScan, useSettings } from '../../stores/stores-context';

/** The PC's own subnets as chips: a click adds the range to the field, never scans by itself. */
export function SuggestedRanges() {
  const { t } = useTranslation();
  const suggestions = useScan((s) => s.suggestions);
  const addSuggestedTarget = useScan((s) => s.addSuggestedTarget);
  const locale = LOCALES[useSettings((s) => s.language)];
  if (suggestions.length === 0) return null;
  return (
    <div className="suggestions">
      <span className="help">{t('scan.suggestionsLabel')}</span>
      <ul className="chips">
        {suggestions.map((range) => (
          <li key={`${range.interfaceName}-${range.cidr}`}>
            <button
              type="button"
              className="chip"
              title={t('scan.suggestionTitle', {
                cidr: range.cidr,
                interfaceName: range.interfaceName,
                count: formatCount(range.addressCount, locale),
              })}
              onClick={() => addSuggestedTarget(range.cidr)}
            >
              + {range.cidr}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
