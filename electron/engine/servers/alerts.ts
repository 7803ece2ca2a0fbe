/**
 * The file server's alert rules (issue 5), as a table: each rule judges a new sample for each of
 * its subjects (a volume, a service, or the whole server) and says whether its condition holds,
 * knowing whether its alert is already open (hysteresis). `judgeSample` turns the judgements into
 * alert changes: one alert per condition and subject, opened when it starts to hold and closed
 * when it clears. A condition that could not be measured (SNMP did not answer) changes nothing.
 */
import type { ServerAlert, ServerAlertCode, ServerConfig, ServerSample } from '../../../shared/domain/server';

/** The thresholds a rule reads (settings `serverVolumeWarning`, `serverVolumeCritical`). */
export interface AlertThresholds {
  volumeWarningPercent: number;
  volumeCriticalPercent: number;
}

/** What a rule is given. */
export interface RuleContext {
  config: ServerConfig;
  /** The last samples, oldest first, the new one last (at most `SUSTAINED_SAMPLES`). */
  recent: readonly ServerSample[];
  thresholds: AlertThresholds;
  /** Whether this rule's alert on `subject` is open now. */
  isOpen(subject: string | null): boolean;
  /** The subjects of this rule's open alerts. */
  openSubjects: readonly (string | null)[];
}

/** A rule's verdict on one subject: `holds` null when it could not be measured (nothing changes). */
export interface Judgement {
  subject: string | null;
  value: number | null;
  holds: boolean | null;
}

export interface ServerAlertRule {
  code: ServerAlertCode;
  severity: 'warning' | 'critical';
  judge(context: RuleContext): Judgement[];
}

/** A volume alert clears this many points under its threshold. */
export const VOLUME_HYSTERESIS_POINTS = 2;
/** Samples in a row the load must stay high to alert, and normal to clear. */
export const SUSTAINED_SAMPLES = 3;
/** CPU busy over this percent counts as high load. */
export const CPU_HIGH_PERCENT = 90;
/** Load1 over this many times the processors counts as high load. */
export const LOAD_PER_CPU_HIGH = 2;

const latest = (context: RuleContext) => context.recent[context.recent.length - 1];

/**
 * Judges every subject of a per-subject rule: those measured in `items` (null: the source was not
 * read, so open alerts stay as they are), and the open ones no longer there (gone: cleared).
 */
function perSubject(
  context: RuleContext,
  items: ReadonlyArray<{ subject: string; value: number | null; holds: boolean }> | null,
): Judgement[] {
  if (items === null) return context.openSubjects.map((subject) => ({ subject, value: null, holds: null }));
  const seen = new Set(items.map((i) => i.subject));
  const gone = context.openSubjects
    .filter((subject) => subject === null || !seen.has(subject))
    .map((subject) => ({ subject, value: null, holds: false }));
  return [...items, ...gone];
}

/** A volume rule: open at ≥ threshold, clear under threshold − 2 points. */
function volumeRule(
  code: ServerAlertCode,
  severity: 'warning' | 'critical',
  threshold: (t: AlertThresholds) => number,
): ServerAlertRule {
  return {
    code,
    severity,
    judge(context) {
      const { volumes } = latest(context);
      const limit = threshold(context.thresholds);
      return perSubject(
        context,
        // No volume at all: SNMP (or the local read) failed, not every disk unmounted.
        volumes.length === 0
          ? null
          : volumes.map((v) => ({
              subject: v.name,
              value: v.percent,
              holds: context.isOpen(v.name)
                ? v.percent >= limit - VOLUME_HYSTERESIS_POINTS
                : v.percent >= limit,
            })),
      );
    },
  };
}

/** Whether a sample's load is high (CPU > 90 %, load1 > 2 × processors), each null when unmeasured. */
function highLoad(sample: ServerSample): { cpu: boolean | null; load: boolean | null } {
  const cpus = sample.cpuCount ?? null;
  return {
    cpu: sample.cpuPercent === null ? null : sample.cpuPercent > CPU_HIGH_PERCENT,
    load: sample.load === null || cpus === null ? null : sample.load[0] > cpus * LOAD_PER_CPU_HIGH,
  };
}

/** The alert rules, in the order their alerts are shown within a severity. */
export const SERVER_ALERT_RULES: readonly ServerAlertRule[] = [
  volumeRule('volume-critical', 'critical', (t) => t.volumeCriticalPercent),
  volumeRule('volume-warning', 'warning', (t) => t.volumeWarningPercent),
  {
    code: 'smb-unreachable',
    severity: 'critical',
    judge(context) {
      const { smb } = latest(context);
      return [{ subject: null, value: null, holds: smb === null ? null : !smb.reachable }];
    },
  },
  {
    code: 'smb-listing-failed',
    severity: 'warning',
    judge(context) {
      const { smb } = latest(context);
      // Unreachable: the listing cannot tell anything more (smb-unreachable says it).
      if (smb === null || !smb.reachable) return [{ subject: null, value: null, holds: null }];
      return [{ subject: null, value: null, holds: smb.listing !== null && !smb.listing.ok }];
    },
  },
  {
    code: 'service-stopped',
    severity: 'critical',
    judge(context) {
      const { services } = latest(context);
      const watched = new Set(context.config.services);
      const notRead = services.length === 0 && watched.size > 0;
      return perSubject(
        context,
        notRead
          ? null
          : services
              .filter((s) => watched.has(s.name))
              .map((s) => ({ subject: s.name, value: null, holds: !s.running })),
      );
    },
  },
  {
    code: 'sustained-load',
    severity: 'warning',
    judge(context) {
      const newest = latest(context);
      const value = newest.cpuPercent ?? newest.load?.[0] ?? null;
      if (context.recent.length < SUSTAINED_SAMPLES) return [{ subject: null, value, holds: null }];
      const window = context.recent.slice(-SUSTAINED_SAMPLES).map(highLoad);
      const allHigh = (key: 'cpu' | 'load') => window.every((w) => w[key] === true);
      // Calm: each of the samples measured something, and nothing high.
      const calm = window.every(
        (w) => (w.cpu !== null || w.load !== null) && w.cpu !== true && w.load !== true,
      );
      // Open, it stays until 3 calm samples in a row (hysteresis); closed, it opens on 3 high ones.
      const holds = context.isOpen(null) ? !calm : allHigh('cpu') || allHigh('load');
      return [{ subject: null, value, holds }];
    },
  },
];

/** A change to the alerts of a server. */
export type AlertChange =
  | {
      kind: 'open';
      code: ServerAlertCode;
      subject: string | null;
      severity: 'warning' | 'critical';
      value: number | null;
    }
  | { kind: 'keep'; id: number; value: number | null }
  | { kind: 'close'; id: number; value: number | null };

/**
 * The alert changes a new sample brings: for each rule and subject, open (holds, none open),
 * keep (holds or unmeasured, one open), close (no longer holds, one open).
 * @param recent the last samples, oldest first, the new one last.
 * @param open the server's open alerts.
 */
export function judgeSample(
  config: ServerConfig,
  recent: readonly ServerSample[],
  open: readonly ServerAlert[],
  thresholds: AlertThresholds,
  rules: readonly ServerAlertRule[] = SERVER_ALERT_RULES,
): AlertChange[] {
  if (recent.length === 0) return [];
  const changes: AlertChange[] = [];
  for (const rule of rules) {
    const mine = open.filter((a) => a.code === rule.code);
    const find = (subject: string | null) => mine.find((a) => a.subject === subject);
    const judgements = rule.judge({
      config,
      recent,
      thresholds,
      isOpen: (subject) => find(subject) !== undefined,
      openSubjects: mine.map((a) => a.subject),
    });
    for (const { subject, value, holds } of judgements) {
      const current = find(subject);
      if (current && holds === false) changes.push({ kind: 'close', id: current.id, value });
      else if (current) changes.push({ kind: 'keep', id: current.id, value: value ?? current.lastValue });
      else if (holds === true)
        changes.push({ kind: 'open', code: rule.code, subject, severity: rule.severity, value });
    }
  }
  return changes;
}
