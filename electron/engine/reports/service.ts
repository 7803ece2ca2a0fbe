/**
 * The reports service the engine exposes as `engine.reports`: the outbox of health reports and
 * their delivery to the hub configured in the settings (address, CA bundle, proxy) with the
 * token and signing secret kept in the `secrets` table. The report itself comes from the builder
 * (`reports/build.ts`), given as `buildReport`.
 */
import type { OutboxItem } from '../../../shared/domain/outbox';
import type { HealthReport } from '../../../shared/domain/report';
import type { Settings } from '../../../shared/domain/settings';
import type { Db } from '../db/database';
import type { SecretBox } from '../secret-box';
import { createOutboxRepo } from '../db/repositories/outbox-repo';
import { createSecretsRepo, type SecretName } from '../db/repositories/secrets-repo';
import { InputError } from '../errors';
import type { Logger } from '../log';
import { createOutbox, toOutboxItem, type FlushResult } from './outbox';
import { checkHubUrl, sendReport, type PostImpl, type SendOutcome } from './sender';

/** Where and how to push, overriding the saved settings and secrets (`parc report push --hub`). */
export interface PushOverrides {
  hubUrl?: string;
  token?: string;
  secret?: string;
}

export interface ReportsServiceDeps {
  db: Db;
  settings: () => Settings;
  /** ISO 8601 now. */
  now: () => string;
  /** [0, 1) for the backoff jitter (default Math.random). */
  random?: () => number;
  logger: Logger;
  /**
   * Makes a fresh report covering the time since `previous.to` (`reports/build.ts`); absent:
   * preview and make refuse.
   */
  buildReport?: (previous: { to: string } | null) => HealthReport;
  /** Environment for the proxy variables (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** One attempt's deadline, milliseconds (default 30 s). */
  timeoutMs?: number;
  /** The HTTP transport (tests). */
  fetchImpl?: PostImpl; /** Seals the hub secrets at rest (default: stored as they are). */
  secretBox?: SecretBox;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** Builds the reports service over a migrated database. */
export function createReportsService(deps: ReportsServiceDeps) {
  const repo = createOutboxRepo(deps.db);
  const secrets = createSecretsRepo(deps.db, deps.secretBox);

  /** The hub's address, token and secret: overrides first, then settings and stored secrets. */
  const target = (overrides: PushOverrides = {}) => {
    const hubUrl = overrides.hubUrl ?? deps.settings().hubUrl;
    if (!hubUrl)
      throw new InputError('No hub address: set hubUrl (parc settings set hubUrl URL) or give --hub.');
    try {
      checkHubUrl(hubUrl);
    } catch (error) {
      throw new InputError((error as Error).message);
    }
    const token = overrides.token ?? secrets.reveal('hubToken');
    const secret = overrides.secret ?? secrets.reveal('hubSecret');
    if (!token || !secret) {
      throw new InputError(
        'The hub token or signing secret is not set: parc settings set hubToken - (and hubSecret -), or PARC_HUB_TOKEN / PARC_HUB_SECRET.',
      );
    }
    return { hubUrl, token, secret };
  };

  /** A sender bound to a hub; configuration problems become a kept, retried entry. */
  const sender =
    (overrides?: PushOverrides) =>
    (doc: { id: string; body: unknown }): Promise<SendOutcome> => {
      let hub: ReturnType<typeof target>;
      try {
        hub = target(overrides);
      } catch (error) {
        return Promise.resolve({ kind: 'retry', error: (error as Error).message });
      }
      const settings = deps.settings();
      return sendReport(doc, {
        ...hub,
        caFile: settings.hubCaFile,
        proxyUrl: settings.proxyUrl,
        timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        env: deps.env,
        nowMs: () => Date.parse(deps.now()),
        fetchImpl: deps.fetchImpl,
      });
    };

  const outbox = createOutbox({
    repo,
    send: sender(),
    now: deps.now,
    random: deps.random ?? Math.random,
    logger: deps.logger,
  });

  /** The period end of the last report made, from the outbox (null before the first one). */
  const previous = (): { to: string } | null => {
    const last = repo.list(50).find((entry) => entry.kind === 'report');
    const to = (last?.body as { period?: { to?: unknown } } | undefined)?.period?.to;
    return typeof to === 'string' ? { to } : null;
  };

  const build = (): HealthReport => {
    if (!deps.buildReport) throw new Error('The report builder is not available here.');
    return deps.buildReport(previous());
  };

  return {
    /** The report that would be sent now (nothing stored). @throws Error without a builder. */
    preview(): HealthReport {
      return build();
    },

    /**
     * Makes a report and stores it in the outbox (committed before any network use).
     * @throws OutboxWriteError when it cannot be stored (disk full…): earlier entries are kept.
     */
    make(): OutboxItem {
      const report = build();
      return toOutboxItem(outbox.enqueue({ id: report.id, body: report }, deps.settings().hubUrl ?? ''));
    },

    /** Stores a given document (e.g. made elsewhere) in the outbox. @throws OutboxWriteError. */
    enqueue(doc: { id: string; body: unknown }): OutboxItem {
      return toOutboxItem(outbox.enqueue(doc, deps.settings().hubUrl ?? ''));
    },

    /** Checks that a hub, token and secret are configured. @throws InputError saying what is missing. */
    checkHub(overrides: PushOverrides = {}): void {
      target(overrides);
    },

    /**
     * Sends the pending reports now, ignoring the backoff schedule ("Envoyer maintenant",
     * `parc report push`). @throws InputError when no hub, token or secret is configured.
     */
    push(overrides: PushOverrides = {}): Promise<FlushResult> {
      target(overrides);
      return outbox.flush({ ignoreSchedule: true, send: sender(overrides) });
    },

    /** Sends the reports that are due (the scheduler, on its tick). Never throws for configuration. */
    flushDue(): Promise<FlushResult> {
      return outbox.flush();
    },

    /** When the last report was made (ISO 8601), or null. */
    lastMadeAt(): string | null {
      return repo.list(50).find((entry) => entry.kind === 'report')?.createdAt ?? null;
    },

    /** The outbox, newest first, without bodies. */
    outbox(): OutboxItem[] {
      return outbox.list().map(toOutboxItem);
    },

    /** Puts a rejected report back in the queue. @returns false if it was not rejected. */
    requeue(id: string): boolean {
      return outbox.requeue(id);
    },

    secrets: {
      /** Stores the hub token or signing secret (empty: removes it). */
      set(name: SecretName, value: string): void {
        secrets.set(name, value);
      },
      /** Whether it is stored; the value itself never leaves the engine. */
      isSet(name: SecretName): boolean {
        return secrets.isSet(name);
      },
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
