/**
 * The columns of the CSV and XLSX exports, once: header (French), value, and how a spreadsheet
 * should show it. The headers of the identifier and editable columns (« Nom », « IP », « MAC »,
 * « N° de série », « Salle », « N° d'inventaire », « Notes ») are the ones a rooms import reads,
 * so an exported file can be edited and imported back.
 */
import type { ExportedDevice } from '../../../shared/domain/export';
import type { PrinterSummary, Supply, SupplyToOrder } from '../../../shared/domain/printer';
import { PRINTER_STATUS_WORDS, SUPPLY_STATE_WORDS, supplyLabel, TYPE_WORDS } from './words';

/** A cell: text, a number, a date (written as ISO 8601 UTC in CSV, as a real date in XLSX), or empty. */
export type CellValue = string | number | Date | null;

/** How a number column is shown in XLSX (`percent` values are fractions: 0.45 is 45 %). */
export type CellFormat = 'text' | 'integer' | 'percent' | 'date';

/** One column of a table export. */
export interface Column<T> {
  header: string;
  format: CellFormat;
  value: (row: T) => CellValue;
}

const date = (iso: string | null) => (iso ? new Date(iso) : null);

/** The columns every device row has (CSV, and every XLSX device sheet). */
export const DEVICE_COLUMNS: readonly Column<ExportedDevice>[] = [
  { header: 'Type', format: 'text', value: (d) => d.type },
  { header: 'Catégorie', format: 'text', value: (d) => TYPE_WORDS[d.type] },
  { header: 'Nom', format: 'text', value: (d) => d.sysName ?? d.hostName },
  { header: 'IP', format: 'text', value: (d) => d.ip },
  { header: 'MAC', format: 'text', value: (d) => d.mac },
  { header: 'Fabricant', format: 'text', value: (d) => d.vendor },
  { header: 'Modèle', format: 'text', value: (d) => d.model },
  { header: 'N° de série', format: 'text', value: (d) => d.serial },
  { header: 'Firmware', format: 'text', value: (d) => d.firmware },
  { header: 'Système', format: 'text', value: (d) => d.os },
  { header: 'Salle', format: 'text', value: (d) => d.room },
  { header: "N° d'inventaire", format: 'text', value: (d) => d.assetTag },
  { header: 'Notes', format: 'text', value: (d) => d.notes },
  { header: 'Emplacement (SNMP)', format: 'text', value: (d) => d.sysLocation },
  { header: 'Contact (SNMP)', format: 'text', value: (d) => d.sysContact },
  { header: 'Description', format: 'text', value: (d) => d.sysDescr },
  { header: 'sysObjectID', format: 'text', value: (d) => d.sysObjectID },
  { header: 'Absent', format: 'text', value: (d) => (d.missing ? 'oui' : 'non') },
  { header: 'Vu la première fois (UTC)', format: 'date', value: (d) => date(d.firstSeen) },
  { header: 'Vu la dernière fois (UTC)', format: 'date', value: (d) => date(d.lastSeen) },
];

/** A printer row: the device and its last reading (null if never read). */
export interface PrinterRow {
  device: ExportedDevice;
  printer: PrinterSummary | null;
}

/** The supply columns of the Imprimantes sheet: one per supply label met (« Toner noir »), in first-met order. */
export function supplyColumns(rows: readonly PrinterRow[]): Column<PrinterRow>[] {
  const labels = new Map<string, string>();
  for (const row of rows) for (const [label] of labelledSupplies(row.printer)) labels.set(label, label);
  return [...labels.keys()].map((label) => ({
    header: `${label} (niveau)`,
    format: 'percent',
    value: (row) => {
      const supply = labelledSupplies(row.printer).get(label);
      if (!supply) return null;
      return supply.percent !== null ? supply.percent / 100 : SUPPLY_STATE_WORDS[supply.state];
    },
  }));
}

/** A printer's supplies by label; a second supply with the same label gets « 2 », and so on. */
function labelledSupplies(printer: PrinterSummary | null): Map<string, Supply> {
  const result = new Map<string, Supply>();
  for (const supply of printer?.supplies ?? []) {
    const base = supplyLabel(supply);
    let label = base;
    for (let n = 2; result.has(label); n++) label = `${base} ${n}`;
    result.set(label, supply);
  }
  return result;
}

/** The columns of the Imprimantes sheet: the device, then the counters (prtMarkerLifeCount) and state. */
export const PRINTER_COLUMNS: readonly Column<PrinterRow>[] = [
  ...DEVICE_COLUMNS.map((c) => ({ ...c, value: (row: PrinterRow) => c.value(row.device) })),
  {
    header: 'État',
    format: 'text',
    value: (r) => (r.printer?.readAt ? PRINTER_STATUS_WORDS[r.printer.status] : null),
  },
  { header: 'Pages (total)', format: 'integer', value: (r) => r.printer?.pageCount.total ?? null },
  { header: 'Pages noir et blanc', format: 'integer', value: (r) => r.printer?.pageCount.mono ?? null },
  { header: 'Pages couleur', format: 'integer', value: (r) => r.printer?.pageCount.color ?? null },
  { header: 'Pages par mois', format: 'integer', value: (r) => roundOrNull(r.printer?.pagesPerMonth) },
  { header: 'Relevé le (UTC)', format: 'date', value: (r) => date(r.printer?.readAt ?? null) },
];

const roundOrNull = (n: number | null | undefined) => (n === null || n === undefined ? null : Math.round(n));

/** The columns of the Consommables sheet: what to order, most urgent first (`printers.list().toOrder`). */
export const ORDER_COLUMNS: readonly Column<SupplyToOrder>[] = [
  { header: 'Imprimante', format: 'text', value: (s) => s.printer },
  { header: 'Salle', format: 'text', value: (s) => s.room },
  { header: 'Modèle', format: 'text', value: (s) => s.model },
  { header: 'Consommable', format: 'text', value: (s) => supplyLabel(s) },
  { header: 'Description', format: 'text', value: (s) => s.description },
  { header: 'Référence', format: 'text', value: (s) => s.partNumber },
  { header: 'Niveau', format: 'percent', value: (s) => (s.percent === null ? null : s.percent / 100) },
  { header: 'État', format: 'text', value: (s) => SUPPLY_STATE_WORDS[s.state] },
  { header: 'Jours restants', format: 'integer', value: (s) => roundOrNull(s.daysLeft) },
];
