import { z } from 'zod';

/**
 * PJLink (JBMIA, class 1 v1.04 and class 2 v2.00, TCP 4352): what a projector says about itself.
 * Field names follow the PJLink command that fills them (POWR → `power`, ERST → `errors`, LAMP →
 * `lamps`, INF1 → `manufacturer`, INF2 → `product`, INFO → `otherInfo`, SNUM → `serial`, SVER →
 * `softwareVersion`, FILT → `filterHours`, RLMP → `lampModel`, RFIL → `filterModel`).
 */

/** One ERST digit: 0 ok, 1 warning, 2 error. */
export const PjlinkLevel = z.enum(['ok', 'warning', 'error']);
export type PjlinkLevel = z.infer<typeof PjlinkLevel>;

/** ERST's six digits, in the order of the specification: fan, lamp, temperature, cover, filter, other. */
export const PjlinkErrors = z.object({
  fan: PjlinkLevel,
  lamp: PjlinkLevel,
  temperature: PjlinkLevel,
  cover: PjlinkLevel,
  filter: PjlinkLevel,
  other: PjlinkLevel,
});
export type PjlinkErrors = z.infer<typeof PjlinkErrors>;

/** POWR: 0 off (standby), 1 on, 2 cooling down, 3 warming up. */
export const PjlinkPower = z.enum(['off', 'on', 'cooling', 'warming']);
export type PjlinkPower = z.infer<typeof PjlinkPower>;

/** One LAMP pair: cumulative lighting time in hours, and whether the lamp is lit now. */
export const PjlinkLamp = z.object({ hours: z.number().int().nonnegative(), on: z.boolean() });
export type PjlinkLamp = z.infer<typeof PjlinkLamp>;

/**
 * Everything one PJLink query read. A field is null when its command was not answered usefully
 * (then listed in `unavailable`), when the projector's class does not have it (class 2 fields on a
 * class 1 projector), or, for text fields, when the answer was empty.
 */
export const PjlinkStatus = z.object({
  /** CLSS; 1 when CLSS itself was not answered. */
  pjlinkClass: z.union([z.literal(1), z.literal(2)]),
  power: PjlinkPower.nullable(),
  /** INPT as sent: two characters, input type (1 RGB, 2 video, 3 digital, 4 storage, 5 network, 6 internal) then number (1-9, A-Z in class 2). */
  input: z.string().nullable(),
  avMute: z.object({ video: z.boolean(), audio: z.boolean() }).nullable(),
  errors: PjlinkErrors.nullable(),
  /** LAMP: one entry per lamp, empty when the projector has none (laser, LED) or did not say. */
  lamps: z.array(PjlinkLamp),
  /** NAME */
  name: z.string().nullable(),
  /** INF1 */
  manufacturer: z.string().nullable(),
  /** INF2 */
  product: z.string().nullable(),
  /** INFO */
  otherInfo: z.string().nullable(),
  /** SNUM (class 2) */
  serial: z.string().nullable(),
  /** SVER (class 2) */
  softwareVersion: z.string().nullable(),
  /** RLMP (class 2): lamp replacement model number(s). */
  lampModel: z.string().nullable(),
  /** RFIL (class 2): filter replacement model number(s). */
  filterModel: z.string().nullable(),
  /** FILT (class 2): filter usage time, hours. */
  filterHours: z.number().int().nonnegative().nullable(),
  /** True when the projector asked for a password (greeting `PJLINK 1 <random>`) and accepted ours. */
  authenticated: z.boolean(),
  /** Commands the projector did not answer usefully (ERR1..ERR4, malformed, timed out, connection closed), e.g. ['LAMP','FILT']. */
  unavailable: z.array(z.string()),
});
export type PjlinkStatus = z.infer<typeof PjlinkStatus>;
