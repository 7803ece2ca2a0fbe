/**
 * Rated lamp life of projector models, in hours, as their makers publish it (normal mode; eco
 * modes last longer, so the normal figure warns early). Data rows, one matcher; the referent can
 * set a device's own figure in the TNI view or with `parc projectors rated`.
 */

/** A model line and its rated lamp life in hours. */
interface LampLifeRow {
  readonly vendor: RegExp;
  readonly model: RegExp;
  readonly ratedLampHours: number;
  /** Where the figure comes from. */
  readonly source: string;
}

/** When neither the referent nor the table knows: a common figure for classroom UHP/UHE lamps. */
export const DEFAULT_RATED_LAMP_HOURS = 4000;

export const LAMP_LIFE: readonly LampLifeRow[] = [
  {
    vendor: /epson/i,
    model: /^EB-6[789]\dW?i?\b/i,
    ratedLampHours: 6000,
    source: 'Epson EB-680/685W/695Wi specifications: 6,000 h normal, 10,000 h eco',
  },
  {
    vendor: /epson/i,
    model: /^EB-7\d\dF?i\b|^EB-L\d/i,
    ratedLampHours: 20_000,
    source: 'Epson laser projectors (EB-7xxFi, EB-L series): 20,000 h light source',
  },
];

/**
 * The rated lamp life for a model, in hours: the table's figure, else DEFAULT_RATED_LAMP_HOURS.
 * @param vendor e.g. `Epson` (PJLink INF1 or the identified vendor); @param model e.g. `EB-695Wi`.
 */
export function ratedLampHours(vendor: string | null, model: string | null): number {
  const row = LAMP_LIFE.find((r) => r.vendor.test(vendor ?? '') && r.model.test(model ?? ''));
  return row?.ratedLampHours ?? DEFAULT_RATED_LAMP_HOURS;
}
