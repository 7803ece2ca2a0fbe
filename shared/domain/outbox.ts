import { z } from 'zod';
import { HUB_SECRET_NAMES } from './vocabulary';

export const HubSecretName = z.enum(HUB_SECRET_NAMES);
export type HubSecretName = z.infer<typeof HubSecretName>;

/** One outbox entry as the Rapports screen and `parc report outbox` show it (no body). Times ISO 8601. */
export const OutboxItem = z.object({
  id: z.string(),
  kind: z.enum(['report', 'glpi']),
  destination: z.string(),
  createdAt: z.string(),
  status: z.enum(['pending', 'sent', 'rejected']),
  attempts: z.number().int(),
  /** When a pending entry is next tried, null otherwise. */
  nextAttemptAt: z.string().nullable(),
  /** The last failure, in words (never a secret). */
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

/** What one sending round did: sent, rejected by the hub, still pending (to be retried). */
export const FlushResult = z.object({
  sent: z.number().int(),
  rejected: z.number().int(),
  pending: z.number().int(),
});
export type FlushResult = z.infer<typeof FlushResult>;
