import { z } from 'zod';

/** The 23 check letters of a UAI (Unité administrative immatriculée): no I, O or Q. */
const UAI_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/**
 * Whether `text` is a valid UAI, the school's official code (e.g. `0750655E`): 7 digits and a
 * check letter, the letter being UAI_LETTERS[the 7-digit number modulo 23]. Case-insensitive.
 */
export function isValidUai(text: string): boolean {
  const match = /^(\d{7})([A-Z])$/i.exec(text.trim());
  return match !== null && UAI_LETTERS[Number(match[1]) % 23] === match[2].toUpperCase();
}

/** A UAI, normalised to upper case; rejects a wrong check letter. */
export const Uai = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidUai, 'not a valid UAI (7 digits and the check letter, e.g. 0750655E)');
