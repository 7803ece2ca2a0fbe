import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ROW_HEIGHT, useVirtualRows } from '../../lib/virtual-rows';
import type { Device } from '../../../../shared/domain/device';
import { LOCALES } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/format';
import { useMachines, useSettings } from '../../stores/stores-context';
import {
  filterMachines,
  formatDaysAgo,
  groupMachinesByRoom,
  hasSelfInventory,
  machineModel,
  machineName,
  type MachineRow,
} from './machine-rows';

const COLUMNS = ['name', 'os', 'model', 'serial', 'mac', 'ip', 'lastSeen', 'source'] as const;

/**
 * The computers grouped by room (« Sans salle » last), filtered by the search text and the
 * « Vus il y a plus de 30 jours » box; only the visible rows are in the DOM, as in the devices
 * table. `now` (ms since the epoch) is the time the 30 days and « il y a 3 jours » count from.
 */
export function MachinesTable({ now }: { now: number }) {
  const { t } = useTranslation();
  const machines = useMachines((s) => s.machines);
  const search = useMachines((s) => s.search);
  const staleOnly = useMachines((s) => s.staleOnly);
  const shown = useMemo(
    () => filterMachines(machines, search, staleOnly, now),
    [machines, search, staleOnly, now],
  );
  const rows = useMemo(() => groupMachinesByRoom(shown), [shown]);

  const { scrollRef, items } = useVirtualRows(rows.length, (index) => rowKey(rows[index]) ?? index);

  return (
    <div className="machines-table-wrapper">
      <p className="help" aria-live="polite">
        {t('machines.count', { count: shown.length, total: machines.length })}
      </p>
      <div ref={scrollRef} className="machines-scroller" tabIndex={-1}>
        <table className="machines-table" aria-labelledby="machines-heading" aria-rowcount={rows.length + 1}>
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th key={column} scope="col" className={`mcol-${column}`}>
                  {t(`machines.columns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody style={{ height: Math.max(rows.length, items.length) * ROW_HEIGHT }}>
            {items.map(({ index, start }) => {
              const row = rows[index];
              if (!row) return null;
              const style = { transform: `translateY(${start}px)`, height: ROW_HEIGHT };
              return row.kind === 'room' ? (
                <tr key={rowKey(row)} className="machines-room" aria-rowindex={index + 2} style={style}>
                  <th scope="rowgroup" colSpan={COLUMNS.length}>
                    {t('machines.roomHeading', { room: row.room ?? t('machines.noRoom'), count: row.count })}
                  </th>
                </tr>
              ) : (
                <MachineLine
                  key={rowKey(row)}
                  device={row.device}
                  now={now}
                  rowIndex={index + 2}
                  style={style}
                />
              );
            })}
          </tbody>
        </table>
        {shown.length === 0 ? (
          <p className="empty">{machines.length === 0 ? t('machines.empty') : t('machines.noMatch')}</p>
        ) : null}
      </div>
    </div>
  );
}

function rowKey(row: MachineRow | undefined): string | undefined {
  if (!row) return undefined;
  return row.kind === 'room' ? `room:${row.room ?? ''}` : `machine:${row.device.id}`;
}

/** One computer: texts read from the network or the machine are untrusted, React text only. */
function MachineLine({
  device,
  now,
  rowIndex,
  style,
}: {
  device: Device;
  now: number;
  rowIndex: number;
  style: { transform: string; height: number };
}) {
  const { t } = useTranslation();
  const locale = LOCALES[useSettings((s) => s.language)];
  const name = machineName(device);
  const model = machineModel(device);
  const seenDate = formatDateTime(device.lastSeen, locale);
  const seenAgo = formatDaysAgo(device.lastSeen, now, locale);
  const selfInventory = hasSelfInventory(device);
  const text = (value: string | null) =>
    value ? <span title={value}>{value}</span> : <span className="muted">{t('machines.unknown')}</span>;
  return (
    <tr
      className={`machine-row${device.missing ? ' missing' : ''}`}
      aria-rowindex={rowIndex}
      data-testid={`machine-row-${device.id}`}
      style={style}
    >
      <td className="mcol-name">
        <span className="machine-name" title={name}>
          {name}
        </span>
        {device.missing ? (
          <span className="badge badge-missing" title={t('machines.missingTitle')}>
            {t('machines.missing')}
          </span>
        ) : null}
      </td>
      <td className="mcol-os">{text(device.os)}</td>
      <td className="mcol-model">{text(model)}</td>
      <td className="mcol-serial">{text(device.serial)}</td>
      <td className="mcol-mac">{text(device.mac)}</td>
      <td className="mcol-ip">{text(device.ip)}</td>
      <td className="mcol-lastSeen" title={seenDate}>
        {seenAgo ? <span>{seenAgo}</span> : null} <span className="muted">{seenDate}</span>
      </td>
      <td className="mcol-source">
        {selfInventory ? (
          <span
            className="badge source-badge source-self"
            title={t('machines.sources.selfInventoryTitle', {
              date: device.inventoriedAt
                ? formatDateTime(device.inventoriedAt, locale)
                : t('machines.unknown'),
            })}
          >
            {t('machines.sources.selfInventory')}
            {device.inventoriedAt ? ` · ${formatDateTime(device.inventoriedAt, locale)}` : ''}
          </span>
        ) : (
          <span className="badge source-badge source-network" title={t('machines.sources.networkTitle')}>
            {t('machines.sources.network')}
          </span>
        )}
      </td>
    </tr>
  );
}
