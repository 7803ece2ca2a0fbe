/**
 * The GLPI inventory schema of ../shared/schemas (the team's kit, beside the repo), compiled
 * with ajv, or a reason why it is absent. Formats ipv4/ipv6 are checked with node:net (no
 * ajv-formats in the project).
 */
import { existsSync, readFileSync } from 'node:fs';
import { isIPv4, isIPv6 } from 'node:net';
import { resolve } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';

export const GLPI_SCHEMA = resolve(__dirname, '../../../../shared/schemas/glpi-inventory.schema.json');

/** The compiled validator, or `{ skip }` when ../shared is not there. */
export function loadGlpiValidator(): { validate: ValidateFunction } | { skip: string } {
  if (!existsSync(GLPI_SCHEMA)) return { skip: `${GLPI_SCHEMA} is absent: GLPI schema validation SKIPPED` };
  // strict: false because the schema carries a top-level "version" keyword ajv does not know.
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('ipv4', (s: string) => isIPv4(s));
  ajv.addFormat('ipv6', (s: string) => isIPv6(s));
  return { validate: ajv.compile(JSON.parse(readFileSync(GLPI_SCHEMA, 'utf8'))) };
}
