/**
 * Recognising the columns of a rooms sheet from their header, in French or English, with or
 * without accents, capitals, `N°`/`No`/`Numéro`: « Salle », « N° d'inventaire », « Notes »,
 * « N° de série », « MAC », « IP », « Nom » (and room, asset tag, serial number, name…).
 */

/** A column a rooms import reads: three identifiers to match a device, three fields to set. */
export type ImportColumn = 'serial' | 'mac' | 'ip' | 'name' | 'room' | 'assetTag' | 'notes';

/** A header reduced to lower-case letters and digits, accents removed: « N° d'inventaire » → `ndinventaire`. */
export const headerKey = (header: string) =>
  header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const HEADERS: Readonly<Record<ImportColumn, readonly string[]>> = {
  serial: ['ndeserie', 'nodeserie', 'numerodeserie', 'nserie', 'serie', 'serial', 'serialnumber', 'sn'],
  mac: ['mac', 'adressemac', 'macaddress', 'adressephysique'],
  ip: ['ip', 'adresseip', 'ipaddress', 'ipv4'],
  name: ['nom', 'name', 'sysname', 'hostname', 'nomdhote', 'nomreseau'],
  room: ['salle', 'room', 'piece', 'local'],
  assetTag: [
    'ndinventaire',
    'nodinventaire',
    'numerodinventaire',
    'ninventaire',
    'numinventaire',
    'inventaire',
    'assettag',
    'asset',
    'inventorynumber',
  ],
  notes: ['notes', 'note', 'remarques', 'remarque', 'commentaire', 'commentaires', 'comment', 'comments'],
};

const BY_KEY = new Map(
  Object.entries(HEADERS).flatMap(([column, keys]) => keys.map((k) => [k, column as ImportColumn])),
);

/** The column a header names, or null (an unknown column is ignored). */
export const columnOf = (header: string): ImportColumn | null => BY_KEY.get(headerKey(header)) ?? null;
