/**
 * The domain's closed lists and their French words, with no dependency: the renderer reads them
 * at startup without building a single zod schema (the schema modules beside this one build their
 * enums from these lists; the renderer imports only types from them).
 */

/** The device types Parc knows (issue 2 vocabulary). Order is the display order. */
export const DEVICE_TYPES = [
  'printer',
  'switch',
  'router',
  'access-point',
  'nas',
  'server',
  'computer',
  'ups',
  'projector',
  'interactive-display',
  'phone',
  'camera',
  'other',
] as const;

/** Each type in French, singular: the UI's French words and the exports' « Catégorie » column. */
export const DEVICE_TYPE_WORDS_FR: Readonly<Record<(typeof DEVICE_TYPES)[number], string>> = {
  printer: 'Imprimante',
  switch: 'Commutateur',
  router: 'Routeur',
  'access-point': 'Borne Wi-Fi',
  nas: 'NAS',
  server: 'Serveur',
  computer: 'Ordinateur',
  ups: 'Onduleur',
  projector: 'Vidéoprojecteur',
  'interactive-display': 'Écran interactif',
  phone: 'Téléphone',
  camera: 'Caméra',
  other: 'Autre',
};

/** What a marker supply is (RFC 3805 prtMarkerSuppliesType, grouped for people). */
export const SUPPLY_KINDS = [
  'toner',
  'ink',
  'drum',
  'developer',
  'waste-toner',
  'waste-ink',
  'fuser',
  'transfer-unit',
  'staples',
  'maintenance-kit',
  'other',
] as const;

/** Each supply kind in French: the printers screen's and the exports' words. */
export const SUPPLY_KIND_WORDS_FR: Readonly<Record<(typeof SUPPLY_KINDS)[number], string>> = {
  toner: 'Toner',
  ink: 'Encre',
  drum: 'Tambour',
  developer: 'Développeur',
  'waste-toner': 'Collecteur de toner usagé',
  'waste-ink': 'Réservoir d’encre usagée',
  fuser: 'Unité de fusion',
  'transfer-unit': 'Unité de transfert',
  staples: 'Agrafes',
  'maintenance-kit': 'Kit de maintenance',
  other: 'Consommable',
};

/** Colours a supply may have; `null` when it has none (a drum, a fuser) or none is known. */
export const SUPPLY_COLORS = [
  'black',
  'cyan',
  'magenta',
  'yellow',
  'light-cyan',
  'light-magenta',
  'gray',
  'photo-black',
  'matte-black',
  'red',
  'blue',
  'green',
  'white',
  'other',
] as const;

/** Each colour in French after a masculine kind (« Toner noir »): the printers screen's and the exports' words. */
export const SUPPLY_COLOR_WORDS_FR: Readonly<Record<(typeof SUPPLY_COLORS)[number], string>> = {
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
  other: '(autre couleur)',
};

/** hrPrinterDetectedErrorState bits (RFC 2790 + RFC 3805 extensions), bit 0 = MSB of the first octet. */
export const PRINTER_ERRORS = [
  'low-paper',
  'no-paper',
  'low-toner',
  'no-toner',
  'door-open',
  'jammed',
  'offline',
  'service-requested',
  'input-tray-missing',
  'output-tray-missing',
  'marker-supply-missing',
  'output-near-full',
  'output-full',
  'input-tray-empty',
  'overdue-prevent-maint',
] as const;

/** The formats `parc export` and the export dialog write. */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'json', 'glpi'] as const;

/** The UI's languages, French first. */
export const LANGUAGES = ['fr', 'en'] as const;

/** SNMPv3 authentication protocols Parc supports (RFC 3414, RFC 7860). */
export const V3_AUTH_PROTOCOLS = ['md5', 'sha', 'sha256'] as const;

/** SNMPv3 privacy protocols Parc supports (RFC 3414 DES, RFC 3826 AES-128). */
export const V3_PRIV_PROTOCOLS = ['des', 'aes'] as const;

/** The hub secrets the referent sets (write-only: the UI and CLI only learn whether each is set). */
export const HUB_SECRET_NAMES = ['hubToken', 'hubSecret'] as const;
