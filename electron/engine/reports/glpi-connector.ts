/**
 * The GLPI connector (issue 6, part 5): the inventory pushed to a GLPI server instead of (or
 * besides) the regional hub, with the outbox's guarantees. `enqueueInventory` turns every
 * device into its GLPI native inventory document (export/glpi.ts) and stores all of them in the
 * outbox (kind `glpi`) in one transaction; `push` / `flushDue` deliver them with
 * `sendGlpiInventory`. The GLPI address comes from the settings (`glpiUrl`), with the hub's CA
 * bundle and proxy; the optional credentials from the `glpiToken` secret.
 */
import { randomUUID } from 'node:crypto';
import type { ExportedDevice } from '../../../shared/domain/export';
import type { OutboxItem } from '../../../shared/domain/outbox';
import type { PrinterSummary } from '../../../shared/domain/printer';
import type { Db } from '../db/database';
import type { SecretBox } from '../secret-box';
import { createOutboxRepo } from '../db/repositories/outbox-repo';
import { createSecretsRepo } from '../db/repositories/secrets-repo';
import { InputError } from '../errors';
import { glpiDocument } from '../export/glpi';
import type { Logger } from '../log';
import { sendGlpiInventory, glpiInventoryEndpoint } from './glpi-sender';
import { createOutbox, toOutboxItem, type FlushResult } from './outbox';
import type { PostImpl, SendOutcome } from './sender';

/** The settings the connector reads (`glpiUrl` is the GLPI address; null: not configured). */
export interface GlpiSettings {
  glpiUrl?: string | null;
  /** A PEM bundle trusted besides the system store (shared with the hub). */
  hubCaFile?: string | null;
  proxyUrl?: string | null;
}

export interface GlpiConnectorDeps {
  /** A migrated database (tables `outbox` and `secrets`). */
  db: Db;
  settings: () => GlpiSettings;
  /** The inventory now: every device (with asset tags) and the printers' last readings. */
  devices: () => { devices: readonly ExportedDevice[]; printers: readonly PrinterSummary[] };
  /** ISO 8601 now. */
  now: () => string;
  logger: Logger;
  /** Parc's version, written as `versionclient` (`Parc_v<version>`). */
  version: string;
  /** [0, 1) for the backoff jitter (default Math.random). */
  random?: () => number;
  /** A fresh UUID per outbox entry (default crypto.randomUUID). */
  newId?: () => string;
  /** Environment for the proxy variables (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** One attempt's deadline, milliseconds (default 30 s). */
  timeoutMs?: number;
  /** The HTTP transport (tests). */
  fetchImpl?: PostImpl;
  /** Seals the GLPI token at rest (default: stored as it is). */
  secretBox?: SecretBox;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * The `YYYY-MM-DD-HH-MM-SS` part of a device's `deviceid`: when Parc first saw it, so the
 * identity GLPI receives stays the same from one push to the next (glpi-agent's deviceid is
 * likewise `<name>-<date the agent was first run>`).
 */
export function glpiStamp(firstSeen: string, fallback: string): string {
  const at = Number.isNaN(Date.parse(firstSeen)) ? fallback : firstSeen;
  return new Date(at).toISOString().slice(0, 19).replace(/[T:]/g, '-');
}

/** Builds the GLPI connector over a migrated database (see the module comment). */
export function createGlpiConnector(deps: GlpiConnectorDeps) {
  const repo = createOutboxRepo(deps.db);
  const secrets = createSecretsRepo(deps.db, deps.secretBox);

  /** The inventory endpoint from the settings. @throws InputError when unset or invalid. */
  const endpoint = (): URL => {
    const glpiUrl = deps.settings().glpiUrl;
    if (!glpiUrl) throw new InputError('No GLPI address: set glpiUrl (parc settings set glpiUrl URL).');
    try {
      return glpiInventoryEndpoint(glpiUrl);
    } catch (error) {
      throw new InputError((error as Error).message.replace(/\bhub\b/g, 'GLPI'));
    }
  };

  /** Sends one document to the GLPI server of the settings; configuration problems are retried. */
  const send = (doc: { id: string; body: unknown }): Promise<SendOutcome> => {
    const settings = deps.settings();
    if (!settings.glpiUrl) {
      return Promise.resolve({ kind: 'retry', error: 'No GLPI address: set glpiUrl.' });
    }
    return sendGlpiInventory(doc, {
      glpiUrl: settings.glpiUrl,
      token: secrets.reveal('glpiToken'),
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
    send,
    now: deps.now,
    random: deps.random ?? Math.random,
    logger: deps.logger,
    kind: 'glpi',
  });

  /** All or nothing: a full disk halfway leaves no partial inventory in the outbox. */
  const enqueueAll = deps.db.transaction((docs: { id: string; body: unknown }[], destination: string) => {
    for (const doc of docs) outbox.enqueue(doc, destination);
  });

  return {
    /**
     * Stores one GLPI document per device seen in the last scan (devices marked missing are
     * left out: their facts are stale), each with a fresh UUID, in one transaction committed
     * before any network use.
     * @returns how many documents were stored.
     * @throws InputError when no valid GLPI address is set; OutboxWriteError when they cannot
     *   be stored (disk full…): nothing of this inventory is kept, earlier entries are intact.
     */
    enqueueInventory(): number {
      const destination = endpoint().href;
      const { devices, printers } = deps.devices();
      const byDevice = new Map(printers.map((p) => [p.deviceId, p]));
      const now = deps.now();
      const versionclient = `Parc_v${deps.version}`;
      const docs = devices
        .filter((device) => !device.missing)
        .map((device) => ({
          id: (deps.newId ?? randomUUID)(),
          body: glpiDocument(
            device,
            byDevice.get(device.id) ?? null,
            glpiStamp(device.firstSeen, now),
            versionclient,
          ),
        }));
      enqueueAll(docs, destination);
      deps.logger.info('glpi: inventory queued', { documents: docs.length, destination });
      return docs.length;
    },

    /**
     * Sends the pending GLPI documents now, ignoring the backoff schedule.
     * @throws InputError when no valid GLPI address is set.
     */
    push(): Promise<FlushResult> {
      endpoint();
      return outbox.flush({ ignoreSchedule: true });
    },

    /** Sends the documents that are due (the scheduler's tick). Never throws for configuration. */
    flushDue(): Promise<FlushResult> {
      return outbox.flush();
    },

    /** When the last inventory was queued for GLPI (ISO 8601), or null. */
    lastQueuedAt(): string | null {
      return outbox.list()[0]?.createdAt ?? null;
    },

    /** The GLPI outbox, newest first, without bodies. */
    outbox(): OutboxItem[] {
      return outbox.list().map(toOutboxItem);
    },

    /** Puts a rejected document back in the queue. @returns false if it was not rejected. */
    requeue(id: string): boolean {
      return outbox.requeue(id);
    },
  };
}

export type GlpiConnector = ReturnType<typeof createGlpiConnector>;
