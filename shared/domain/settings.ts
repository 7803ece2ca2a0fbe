import { z } from 'zod';
import { LANGUAGES } from './vocabulary';
import { SCAN_DEFAULTS } from './scan';
import { Uai } from './school';

export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/** 127.0.0.0/8, localhost or ::1: the only hosts plain http may reach (a reference hub on this PC). */
const isLoopbackHost = (host: string) =>
  host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

/** An address with no user name or password in it (those are secrets, set apart). */
const WithoutLogin = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .refine((url) => {
    // Not a URL at all: the check above says so.
    if (!URL.canParse(url)) return true;
    const parsed = new URL(url);
    return parsed.username === '' && parsed.password === '';
  }, 'must not hold a user name or password (tokens and passwords are set apart)');

/** Where reports or inventories are sent: https, or http to this PC only. */
const SendingUrl = WithoutLogin.refine((url) => {
  if (!URL.canParse(url)) return true;
  const parsed = new URL(url);
  return parsed.protocol === 'https:' || isLoopbackHost(parsed.hostname);
}, 'must be an https address (plain http only to 127.0.0.1)');

/** Each setting with its rule, without defaults (a patch names only what it changes). */
const fields = {
  language: Language,
  /** The ranges the referent scans, as typed. */
  targets: z.array(z.string().max(200)).max(100),
  timeoutMs: z.number().int().min(50).max(60_000),
  retries: z.number().int().min(0).max(10),
  concurrency: z.number().int().min(1).max(1024),
  port: z.number().int().min(1).max(65535),
  /** A supply at or under this percent is low (a waste box at or over 100 minus it, almost full). */
  printerLowPercent: z.number().int().min(1).max(50),
  /** A supply expected to run out within this many days goes on the order list. */
  orderWithinDays: z.number().int().min(1).max(365),
  /** The school's official code (UAI), its name and town, written in reports and exports. */
  uai: Uai.nullable(),
  schoolName: z.string().trim().max(200).nullable(),
  town: z.string().trim().max(100).nullable(),
  /** The regional maintenance hub's reports address (https://…), or null when reports are not sent. */
  hubUrl: SendingUrl.nullable(),
  /** A GLPI server's inventory address (https://glpi.example/front/inventory.php), or null. */
  glpiUrl: SendingUrl.nullable(),
  /** A PEM file of certificate authorities trusted for the hub, besides the system's, or null. */
  hubCaFile: z.string().max(4096).nullable(),
  /** The HTTP(S) proxy to reach the hub (`http://proxy:3128`), or null for the system's (HTTPS_PROXY). */
  proxyUrl: WithoutLogin.nullable(),
  /** Daily time the health report is made and sent, `HH:MM` local time. */
  reportTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
  /** A file server's volume at or over this percent is in warning (clears 2 points below). */
  serverVolumeWarning: z.number().int().min(50).max(99),
  /** A file server's volume at or over this percent is critical (clears 2 points below). */
  serverVolumeCritical: z.number().int().min(50).max(100),
  /** Minutes between two collections of the watched file servers while the app runs. */
  serverPollMinutes: z.number().int().min(1).max(1440),
};

/** What each setting is until the referent changes it. */
export const SETTINGS_DEFAULTS = {
  language: 'fr',
  targets: [],
  timeoutMs: SCAN_DEFAULTS.timeoutMs,
  retries: SCAN_DEFAULTS.retries,
  concurrency: SCAN_DEFAULTS.concurrency,
  port: SCAN_DEFAULTS.port,
  printerLowPercent: 10,
  orderWithinDays: 14,
  uai: null,
  schoolName: null,
  town: null,
  hubUrl: null,
  glpiUrl: null,
  hubCaFile: null,
  proxyUrl: null,
  reportTime: '07:30',
  serverVolumeWarning: 85,
  serverVolumeCritical: 95,
  serverPollMinutes: 5,
} as const satisfies { [K in keyof typeof fields]: z.input<(typeof fields)[K]> };

/**
 * User settings kept in the database (so `--db FILE` carries them). Credentials live apart
 * (they are secrets).
 */
export const Settings = z.object(fields);
export type Settings = z.infer<typeof Settings>;

/** A change to some settings: absent fields stay as they are. */
export const SettingsPatch = Settings.partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
