/**
 * Child process of the SIGKILL test (test/integration/hub.test.ts), run with `node --import tsx`:
 * `push-child.ts DB HUB_URL REPORT_ID` stores a report in the outbox, prints "queued", then pushes.
 */
import { openDatabase } from '../../../electron/engine/db/database';
import { silentLogger } from '../../../electron/engine/log';
import { createReportsService } from '../../../electron/engine/reports/service';
import { Settings, SETTINGS_DEFAULTS } from '../../../shared/domain/settings';
import { minimalReport, SECRET, TOKEN } from './fixtures';

const [dbPath, hubUrl, id] = process.argv.slice(2);
const db = openDatabase(dbPath);
const reports = createReportsService({
  db,
  settings: () => Settings.parse({ ...SETTINGS_DEFAULTS, hubUrl }),
  now: () => new Date().toISOString(),
  logger: silentLogger,
  env: {},
});
reports.secrets.set('hubToken', TOKEN);
reports.secrets.set('hubSecret', SECRET);
reports.enqueue({ id, body: minimalReport(id) });
process.stdout.write('queued\n');
void reports.push().then((result) => process.stdout.write(`done ${JSON.stringify(result)}\n`));
