/**
 * Writes the published JSON Schema of the health report (draft 2020-12), generated from the zod
 * schema of shared/domain/report.ts, to shared/schemas/health-report.schema.json, formatted
 * with the repository's Prettier settings.
 *   npx tsx scripts/report-schema.ts          write the file
 *   npx tsx scripts/report-schema.ts --check  exit 1 when the checked-in file differs
 * A unit test (test/unit/reports/schema.test.ts) fails when the file drifts from the zod schema.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { healthReportJsonSchema } from '../shared/domain/report';

/** Where the schema is published, from the repository root. */
const HEALTH_REPORT_SCHEMA_FILE = resolve(__dirname, '../shared/schemas/health-report.schema.json');

async function main(): Promise<void> {
  const options = (await resolveConfig(HEALTH_REPORT_SCHEMA_FILE)) ?? {};
  const text = await format(JSON.stringify(healthReportJsonSchema()), {
    ...options,
    filepath: HEALTH_REPORT_SCHEMA_FILE,
  });
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(HEALTH_REPORT_SCHEMA_FILE, 'utf8');
    } catch {
      // absent: differs
    }
    if (current !== text) {
      console.error(`${HEALTH_REPORT_SCHEMA_FILE} is out of date: run npx tsx scripts/report-schema.ts`);
      process.exit(1);
    }
    console.log(`${HEALTH_REPORT_SCHEMA_FILE} is up to date`);
    return;
  }
  writeFileSync(HEALTH_REPORT_SCHEMA_FILE, text);
  console.log(`wrote ${HEALTH_REPORT_SCHEMA_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
