import { z } from 'zod';

/**
 * Something Parc repaired when it started, to tell the referent (a banner in the app):
 * - `database-set-aside`: the database file was damaged or not a database; it was kept aside as
 *   `keptAs` and a new, empty one started (a backup can be restored: `parc db restore`);
 * - `settings-repaired`: the saved settings were damaged; `fields` took their defaults and the
 *   damaged record was kept in the database (`keptAs`).
 */
export const StartupNotice = z.object({
  code: z.enum(['database-set-aside', 'settings-repaired']),
  keptAs: z.string(),
  fields: z.array(z.string()),
});
export type StartupNotice = z.infer<typeof StartupNotice>;
