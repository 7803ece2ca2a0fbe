import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DEVICE_TYPES } from '../../../../shared/domain/vocabulary';
import { isOneOf } from '../../lib/one-of';
import { useDevices } from '../../stores/stores-context';

/** The search box and the type filter above the devices table. */
export function DeviceFilters() {
  const { t } = useTranslation();
  const id = useId();
  const search = useDevices((s) => s.search);
  const typeFilter = useDevices((s) => s.typeFilter);
  const setSearch = useDevices((s) => s.setSearch);
  const setTypeFilter = useDevices((s) => s.setTypeFilter);
  return (
    <div className="device-filters" role="search">
      <div className="field">
        <label htmlFor={`${id}-search`}>{t('devices.search')}</label>
        <input
          id={`${id}-search`}
          type="search"
          value={search}
          placeholder={t('devices.searchPlaceholder')}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-type`}>{t('devices.typeFilter')}</label>
        <select
          id={`${id}-type`}
          value={typeFilter ?? ''}
          onChange={(event) => {
            const value = event.target.value;
            setTypeFilter(isOneOf(DEVICE_TYPES, value) ? value : null);
          }}
        >
          <option value="">{t('devices.allTypes')}</option>
          {DEVICE_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`deviceTypes.${type}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
