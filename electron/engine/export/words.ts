/**
 * French words for what exports show to people (intendance, TOS agent, technician): device
 * types, supply kinds, colours and states, printer status, and which XLSX sheet holds which types.
 */
import { DEVICE_TYPE_WORDS_FR, type DeviceType } from '../../../shared/domain/device';
import type { PrinterStatus, SupplyColor, SupplyKind, SupplyState } from '../../../shared/domain/printer';

/** A device type in French, singular (the CSV « Catégorie » column). */
export const TYPE_WORDS = DEVICE_TYPE_WORDS_FR;

export const SUPPLY_KIND_WORDS: Readonly<Record<SupplyKind, string>> = {
  toner: 'Toner',
  ink: 'Encre',
  drum: 'Tambour',
  developer: 'Développeur',
  'waste-toner': 'Récupérateur de toner',
  'waste-ink': "Récupérateur d'encre",
  fuser: 'Unité de fusion',
  'transfer-unit': 'Unité de transfert',
  staples: 'Agrafes',
  'maintenance-kit': 'Kit de maintenance',
  other: 'Autre consommable',
};

export const SUPPLY_COLOR_WORDS: Readonly<Record<SupplyColor, string>> = {
  black: 'noir',
  cyan: 'cyan',
  magenta: 'magenta',
  yellow: 'jaune',
  'light-cyan': 'cyan clair',
  'light-magenta': 'magenta clair',
  gray: 'gris',
  'photo-black': 'noir photo',
  'matte-black': 'noir mat',
  red: 'rouge',
  blue: 'bleu',
  green: 'vert',
  white: 'blanc',
  other: 'autre couleur',
};

export const SUPPLY_STATE_WORDS: Readonly<Record<SupplyState, string>> = {
  ok: 'OK',
  low: 'Bas',
  empty: 'Vide',
  'almost-full': 'Presque plein',
  full: 'Plein',
  'some-remaining': 'Reste du produit',
  unknown: 'Inconnu',
  unlimited: 'Illimité',
};

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
    ? `${SUPPLY_KIND_WORDS[supply.kind]} ${SUPPLY_COLOR_WORDS[supply.color]}`
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
