import { useTable, type Header, type ReactTable, type SortingState } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ROW_HEIGHT, useVirtualRows } from '../../lib/virtual-rows';
import type { DeviceSummary } from '../../../../shared/ipc/contract';
import { filterDevices } from '../../stores/device-filter';
import { useDevices } from '../../stores/stores-context';
import { deviceTableFeatures, useDeviceColumns } from './device-columns';

type Features = typeof deviceTableFeatures;

/** Whether `sorting` is the order the list comes in: IP ascending. */
const inListOrder = (sorting: SortingState) =>
  sorting.length === 1 && sorting[0].id === 'ip' && !sorting[0].desc;

/**
 * The inventory as a sortable table; only the visible rows are in the DOM (5,000 devices stay
 * fluid). Clicking a row (or its name button) selects the device for the detail panel.
 */
export function DevicesTable() {
  const { t } = useTranslation();
  const devices = useDevices((s) => s.devices);
  const search = useDevices((s) => s.search);
  const typeFilter = useDevices((s) => s.typeFilter);
  const sorting = useDevices((s) => s.sorting);
  const setSorting = useDevices((s) => s.setSorting);
  const selectedId = useDevices((s) => s.selectedId);
  const select = useDevices((s) => s.select);
  const columns = useDeviceColumns();
  const data = useMemo(
    () => filterDevices(devices, search, typeFilter, (type) => t(`deviceTypes.${type}`)),
    [devices, search, typeFilter, t],
  );

  const table = useTable({
    features: deviceTableFeatures,
    columns,
    data,
    getRowId: (device) => String(device.id),
    state: { sorting },
    onSortingChange: setSorting,
    enableSortingRemoval: false,
    // The list comes sorted by IP (`inventory:listSummaries`, shared/domain/ip-order.ts), and
    // search keeps its order: sorted so, it is shown as it is (5,000 rows are not sorted again).
    manualSorting: inListOrder(sorting),
  });
  const rows = table.getRowModel().rows;

  const { scrollRef, items } = useVirtualRows(rows.length, (index) => rows[index]?.id ?? index);

  return (
    <div className="devices-table-wrapper">
      <p className="help" aria-live="polite">
        {t('devices.count', { count: rows.length, total: devices.length })}
      </p>
      <div ref={scrollRef} className="devices-scroller" tabIndex={-1}>
        <table className="devices-table" aria-labelledby="devices-heading" aria-rowcount={rows.length + 1}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <SortableHeader key={header.id} header={header} table={table} />
                ))}
              </tr>
            ))}
          </thead>
          <tbody style={{ height: Math.max(rows.length, items.length) * ROW_HEIGHT }}>
            {items.map(({ index, start }) => {
              const row = rows[index];
              if (!row) return null;
              const selected = row.original.id === selectedId;
              return (
                <tr
                  key={row.id}
                  aria-rowindex={index + 2}
                  aria-current={selected ? 'true' : undefined}
                  className={rowClass(row.original, selected)}
                  style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
                  onClick={() => void select(row.original.id)}
                >
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} className={`col-${cell.column.id}`}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
        {rows.length === 0 ? (
          <p className="empty">{devices.length === 0 ? t('devices.empty') : t('devices.noMatch')}</p>
        ) : null}
      </div>
    </div>
  );
}

function rowClass(device: DeviceSummary, selected: boolean): string {
  return ['device-row', selected ? 'selected' : '', device.missing ? 'missing' : '']
    .filter(Boolean)
    .join(' ');
}

type DevicesReactTable = ReactTable<Features, DeviceSummary>;

/** A column header: a button that toggles the sort, with `aria-sort` for screen readers. */
function SortableHeader({
  header,
  table,
}: {
  header: Header<Features, DeviceSummary, unknown>;
  table: DevicesReactTable;
}) {
  const sorted = header.column.getIsSorted();
  const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
  return (
    <th className={`col-${header.column.id}`} aria-sort={ariaSort} scope="col">
      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
        <table.FlexRender header={header} />
        <span className="sort-indicator" aria-hidden="true">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
        </span>
      </button>
    </th>
  );
}
