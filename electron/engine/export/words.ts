/**
 * French words for what exports show to people (intendance, TOS agent, technician): device
 * types, supply kinds, colours and states, printer status, and which XLSX sheet holds which types.
 */
import type { DeviceType } from '../../../shared/domain/device';
import {
  DEVICE_TYPE_WORDS_FR,
  SUPPLY_COLOR_WORDS_FR,
  SUPPLY_KIND_WORDS_FR,
} from '../../../shared/domain/vocabulary';
import type { PrinterStatus, SupplyColor, SupplyKind, SupplyState } from '../../../shared/domain/printer';

/** A device type in French, singular (the CSV « Catégorie » column). */
export const TYPE_WORDS = DEVICE_TYPE_WORDS_FR;

export const SUPPLY_KIND_WORDS = SUPPLY_KIND_WORDS_FR;

/** Colours after a masculine kind (« Toner noir »). */
export const SUPPLY_COLOR_WORDS = SUPPLY_COLOR_WORDS_FR;

/** Colours after a feminine kind (« Encre noire »): the words that change. */
const FEMININE_COLOR_WORDS: Partial<Record<SupplyColor, string>> = {
  black: 'noire',
  gray: 'grise',
  'photo-black': 'noire photo',
  'matte-black': 'noire mate',
  blue: 'bleue',
  green: 'verte',
  white: 'blanche',
};
const FEMININE_KINDS: ReadonlySet<SupplyKind> = new Set(['ink', 'waste-ink']);

/** Supply states in the printers screen's words. */
export const SUPPLY_STATE_WORDS: Readonly<Record<SupplyState, string>> = {
  ok: 'OK',
  low: 'Bas',
  empty: 'Vide',
  'almost-full': 'Presque plein',
  full: 'Plein',
  'some-remaining': 'Il en reste (niveau non mesuré)',
  unknown: 'Inconnu',
  unlimited: 'Illimité',
};

/** Printer states in French. */
export const PRINTER_STATUS_WORDS: Readonly<Record<PrinterStatus, string>> = {
  idle: 'Prête',
  printing: 'Impression',
  warmup: 'Préchauffage',
  warning: 'Avertissement',
  error: 'Erreur',
  offline: 'Hors ligne',
  unknown: 'Inconnu',
};

/** A supply in words: « Toner cyan », « Tambour ». */
export const supplyLabel = (supply: { kind: SupplyKind; color: SupplyColor | null }) =>
  supply.color
    ? `${SUPPLY_KIND_WORDS[supply.kind]} ${
        (FEMININE_KINDS.has(supply.kind) ? FEMININE_COLOR_WORDS[supply.color] : undefined) ??
        SUPPLY_COLOR_WORDS[supply.color]
      }`
    : SUPPLY_KIND_WORDS[supply.kind];

/** The XLSX device sheets, in order, with the types each holds (every type is in exactly one). */
export const DEVICE_SHEETS: readonly { name: string; types: readonly DeviceType[] }[] = [
  { name: 'Ordinateurs', types: ['computer'] },
  { name: 'Imprimantes', types: ['printer'] },
  { name: 'Réseau', types: ['switch', 'router', 'access-point'] },
  { name: 'TNI', types: ['projector', 'interactive-display'] },
  { name: 'Serveur', types: ['server', 'nas', 'ups'] },
  { name: 'Autres', types: ['phone', 'camera', 'other'] },
];
