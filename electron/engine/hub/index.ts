/**
 * The reference hub (issue 6 part 4): the counterpart of the report sender, for tests and for a
 * region that wants to try Parc. A small node:http(s) server and its own SQLite file; it shares
 * nothing with Parc's database. Not a second product: no UI, no accounts, one endpoint.
 */
export { HUB_MAX_BODY_BYTES, HubSchool, HubSchoolsFile, schoolsFromEnv, startHub } from './server';
export type { HubOptions, ReferenceHub } from './server';
export { openHubStore } from './store';
export type { HubStore, ReceivedReport } from './store';
