/**
 * `parc report preview|push|outbox` (issue 6): what the health report holds, sending it to the
 * regional hub, and the outbox. The hub's token and signing secret come from the saved secrets
 * or from PARC_HUB_TOKEN / PARC_HUB_SECRET, never from the command line.
 */
import type { Command, Option } from 'commander';
import type { HealthReport } from '../../shared/domain/report';
import type { Settings } from '../../shared/domain/settings';
import { InputError } from '../engine/errors';
import type { OutboxItem } from '../../shared/domain/outbox';
import type { GlpiConnector } from '../engine/reports/glpi-connector';
import type { PushOverrides, ReportsService } from '../engine/reports/service';
import { printable } from './format';
import type { CliIo } from './run';

/** What the report commands need of the engine (the lead's `Engine` once it has `reports`). */
export interface ReportsEngine {
  reports: ReportsService & { glpi: GlpiConnector };
  settings: { get(): Settings };
  close(): void;
}

export interface ReportCommandsContext {
  io: CliIo;
  openEngine: (db?: string, options?: { mustExist?: boolean }) => ReportsEngine;
  dbOption: () => Option;
}

/** The outbox as lines: one header, one line per entry (errors on their own indented line). */
export function formatOutbox(items: readonly OutboxItem[]): string {
  if (items.length === 0) return 'The outbox is empty.\n';
  const lines = items.map((i) => {
    const when =
      i.status === 'sent' ? `sent ${i.sentAt}` : i.status === 'pending' ? `next ${i.nextAttemptAt}` : '';
    const head =
      `${i.id}  ${i.status.padEnd(8)}  attempts ${i.attempts}  made ${i.createdAt}  ${when}`.trimEnd();
    return i.lastError && i.status !== 'sent' ? `${head}\n    ${printable(i.lastError)}` : head;
  });
  return lines.join('\n') + '\n';
}

/** A report for people: school, counts, incidents and what to order. */
export function formatReport(report: HealthReport): string {
  const s = report.school;
  const lines = [
    `Report ${report.id} for ${s.uai}${s.name ? ` ${s.name}` : ''}${s.town ? ` (${s.town})` : ''}`,
    `Made ${report.generatedAt}, covering ${report.period.from} to ${report.period.to}, Parc ${report.parcVersion}`,
    `Inventory: ${report.inventory.total} devices, ${report.inventory.missing} missing; ` +
      Object.entries(report.inventory.byType)
        .filter(([, n]) => n > 0)
        .map(([type, n]) => `${type} ${n}`)
        .join(', '),
    `Changes: ${report.changes.newDevices.length} new, ${report.changes.missingDevices.length} missing`,
    `Incidents (${report.incidents.length}):`,
    ...report.incidents.map(
      (i) =>
        `  ${i.severity.padEnd(8)} ${i.code}  ${i.ip}${i.room ? ` (${i.room})` : ''}  ${printable(i.detail)}`,
    ),
    `To order (${report.toOrder.length}):`,
    ...report.toOrder.map(
      (o) =>
        `  ${printable(o.supply)}${o.partNumber ? ` [${printable(o.partNumber)}]` : ''}  ${printable(o.device)}` +
        `${o.room ? ` (${o.room})` : ''}${o.daysLeft !== null ? `  ~${Math.round(o.daysLeft)} days` : ''}`,
    ),
  ];
  return lines.join('\n') + '\n';
}

/**
 * The hub to push to: `--hub URL` needs PARC_HUB_TOKEN and PARC_HUB_SECRET; without it, those
 * variables (when set) replace the saved secrets.
 */
export function pushOverrides(hub: string | undefined, env: NodeJS.ProcessEnv): PushOverrides {
  const token = env.PARC_HUB_TOKEN?.trim() || undefined;
  const secret = env.PARC_HUB_SECRET?.trim() || undefined;
  if (hub !== undefined && (!token || !secret)) {
    throw new InputError('--hub needs the token and secret in PARC_HUB_TOKEN and PARC_HUB_SECRET.');
  }
  return {
    ...(hub !== undefined ? { hubUrl: hub } : {}),
    ...(token ? { token } : {}),
    ...(secret ? { secret } : {}),
  };
}

/** Adds `report preview`, `report push` and `report outbox` to `program`. */
export function registerReportCommands(
  program: Command,
  { io, openEngine, dbOption }: ReportCommandsContext,
): void {
  const report = program
    .command('report')
    .description('the health report sent to the regional maintenance hub');

  report
    .command('preview')
    .description('show the report that would be sent now (nothing is stored or sent)')
    .option('--json', 'print the report exactly as it would be sent')
    .addOption(dbOption())
    .action((opts: { json?: boolean; db?: string }) => {
      const engine = openEngine(opts.db, { mustExist: true });
      try {
        const built = engine.reports.preview();
        io.stdout(opts.json ? JSON.stringify(built, null, 2) + '\n' : formatReport(built));
      } finally {
        engine.close();
      }
    });

  report
    .command('push')
    .description(
      'make a report, then send every pending report to the hub now (token and secret: saved, or PARC_HUB_TOKEN / PARC_HUB_SECRET)',
    )
    .option('--hub <url>', "the hub's reports address (https://…), instead of the saved one")
    .option('--pending-only', 'send what is pending without making a new report')
    .addOption(dbOption())
    .action(async (opts: { hub?: string; pendingOnly?: boolean; db?: string }) => {
      const overrides = pushOverrides(opts.hub, io.env ?? process.env);
      const engine = openEngine(opts.db);
      try {
        engine.reports.checkHub(overrides);
        if (!opts.pendingOnly) {
          const made = engine.reports.make();
          io.stderr(`push: report ${made.id} stored in the outbox\n`);
        }
        const result = await engine.reports.push(overrides);
        io.stderr(
          `push: ${result.sent} sent, ${result.rejected} rejected, ${result.pending} still pending\n`,
        );
        const problems = engine.reports.outbox().filter((i) => i.status !== 'sent' && i.lastError);
        if (problems.length > 0) io.stderr(formatOutbox(problems));
        if (result.rejected > 0 || result.pending > 0)
          throw new PushIncomplete(result.rejected, result.pending);
      } finally {
        engine.close();
      }
    });

  report
    .command('glpi')
    .description(
      'send the inventory to the GLPI server (settings glpiUrl, glpiToken), one document per device',
    )
    .addOption(dbOption())
    .action(async (opts: { db?: string }) => {
      const engine = openEngine(opts.db, { mustExist: true });
      try {
        const queued = engine.reports.glpi.enqueueInventory();
        const result = await engine.reports.glpi.push();
        io.stderr(
          `glpi: ${queued} documents queued; ${result.sent} sent, ${result.rejected} rejected, ${result.pending} still pending\n`,
        );
        const problems = engine.reports.glpi.outbox().filter((i) => i.status !== 'sent' && i.lastError);
        if (problems.length > 0) io.stderr(formatOutbox(problems.slice(0, 20)));
        if (result.rejected > 0 || result.pending > 0)
          throw new PushIncomplete(result.rejected, result.pending);
      } finally {
        engine.close();
      }
    });

  report
    .command('outbox')
    .description('list the reports waiting, sent and rejected, with attempts and last error')
    .option('--json', 'print JSON {outbox: [...]}')
    .addOption(dbOption())
    .action((opts: { json?: boolean; db?: string }) => {
      const engine = openEngine(opts.db, { mustExist: true });
      try {
        const items = engine.reports.outbox();
        io.stdout(opts.json ? JSON.stringify({ outbox: items }, null, 2) + '\n' : formatOutbox(items));
      } finally {
        engine.close();
      }
    });
}

/** A push that left reports pending or rejected: exit status 1, with one line on stderr. */
export class PushIncomplete extends Error {
  constructor(rejected: number, pending: number) {
    super(`${rejected} rejected and ${pending} pending reports: see parc report outbox`);
  }
}
