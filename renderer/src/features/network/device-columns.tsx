import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  tableFeatures,
  type Row,
} from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEVICE_TYPES } from '../../../../shared/domain/vocabulary';
import type { DeviceSummary } from '../../../../shared/ipc/contract';
import { DeviceTypeIcon } from '../../components/device-type-icon';
import { LOCALES } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/format';
import { compareIp, ipv4ToNumber } from '../../../../shared/domain/ip-order';
import { useSettings } from '../../stores/stores-context';

/** The table's features, stable at module scope: client-side sorting only (search is in the store). */
export const deviceTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
});

type Features = typeof deviceTableFeatures;
const helper = createColumnHelper<Features, DeviceSummary>();
const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

/** Each row's address as a number, read once per row rather than at each of ~60,000 comparisons. */
const ipNumbers = new WeakMap<DeviceSummary, number | null>();
function ipNumberOf(device: DeviceSummary): number | null {
  let value = ipNumbers.get(device);
  if (value === undefined) {
    value = ipv4ToNumber(device.ip);
    ipNumbers.set(device, value);
  }
  return value;
}
/** As `compareIp`: IPv4 numerically, then the rest as text. */
const sortIp = (a: Row<Features, DeviceSummary>, b: Row<Features, DeviceSummary>) => {
  const x = ipNumberOf(a.original);
  const y = ipNumberOf(b.original);
  return x !== null && y !== null ? x - y : compareIp(a.original.ip, b.original.ip);
};
/** Types sort in their display order (DEVICE_TYPES), the same in every language. */
const sortType = (a: Row<Features, DeviceSummary>, b: Row<Features, DeviceSummary>) =>
  DEVICE_TYPES.indexOf(a.original.type) - DEVICE_TYPES.indexOf(b.original.type);
const sortIso = (a: Row<Features, DeviceSummary>, b: Row<Features, DeviceSummary>) =>
  a.original.lastSeen < b.original.lastSeen ? -1 : a.original.lastSeen > b.original.lastSeen ? 1 : 0;
const sortText = (a: Row<Features, DeviceSummary>, b: Row<Features, DeviceSummary>, columnId: string) =>
  collator.compare(String(a.getValue(columnId)), String(b.getValue(columnId)));

/** A text column: null values become undefined so they sort last in both directions. */
function textColumn(id: 'vendor' | 'model' | 'serial' | 'mac' | 'room', header: string) {
  return helper.accessor((device) => device[id] ?? undefined, {
    id,
    header,
    sortFn: sortText,
    sortUndefined: 'last',
    // Long values are cut with an ellipsis: the whole value is in the tooltip.
    cell: (info) => {
      const value = info.getValue();
      return value ? <span title={value}>{value}</span> : '';
    },
  });
}

/**
 * The devices table's columns, in the UI language; the type is an icon and a written label.
 * The serial number and MAC columns only show when the panel is wide enough (styles.css); the
 * detail panel always has them.
 */
export function useDeviceColumns() {
  const { t } = useTranslation();
  const locale = LOCALES[useSettings((s) => s.language)];
  return useMemo(
    () =>
      helper.columns([
        // The raw type (row values are cached, so a translated value would outlive a language switch).
        helper.accessor('type', {
          id: 'type',
          header: t('devices.columns.type'),
          sortFn: sortType,
          cell: (info) => (
            <span className="device-type" title={t(`deviceTypes.${info.getValue()}`)}>
              <DeviceTypeIcon type={info.getValue()} />
              <span className="cell-text">{t(`deviceTypes.${info.getValue()}`)}</span>
            </span>
          ),
        }),
        helper.accessor((device) => device.sysName ?? undefined, {
          id: 'name',
          header: t('devices.columns.name'),
          sortFn: sortText,
          sortUndefined: 'last',
          cell: (info) => (
            <span className="device-name">
              <button type="button" className="row-button" title={info.getValue() ?? info.row.original.ip}>
                {info.getValue() ?? info.row.original.ip}
              </button>
              {info.row.original.missing ? (
                <span className="badge badge-missing" title={t('devices.missingTitle')}>
                  {t('devices.missing')}
                </span>
              ) : null}
            </span>
          ),
        }),
        helper.accessor('ip', {
          id: 'ip',
          header: t('devices.columns.ip'),
          sortFn: sortIp,
          cell: (info) => <span title={info.getValue()}>{info.getValue()}</span>,
        }),
        textColumn('vendor', t('devices.columns.vendor')),
        textColumn('model', t('devices.columns.model')),
        textColumn('serial', t('devices.columns.serial')),
        textColumn('mac', t('devices.columns.mac')),
        textColumn('room', t('devices.columns.room')),
        helper.accessor('lastSeen', {
          id: 'lastSeen',
          header: t('devices.columns.lastSeen'),
          // ISO 8601 in UTC sorts as plain text.
          sortFn: sortIso,
          cell: (info) => {
            const text = formatDateTime(info.getValue(), locale);
            return <span title={text}>{text}</span>;
          },
        }),
      ]),
    [t, locale],
  );
}
