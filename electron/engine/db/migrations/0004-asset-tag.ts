import type { Migration } from './index';

/**
 * The asset tag (_n° d'inventaire_) the referent notes on a device, set by a rooms import
 * (issue 7). Kept out of `Device` for now; exports read it through export-repo.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'asset-tag',
  up: `
    ALTER TABLE devices ADD COLUMN asset_tag TEXT;
  `,
};
