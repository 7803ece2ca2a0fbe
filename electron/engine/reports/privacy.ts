/**
 * Masking of personal data in the few free texts a health report keeps (vendor, model, room,
 * device name, supply description): e-mail addresses and French phone numbers. sysContact and
 * notes never reach a report at all; this is the second line, for what a referent or a device
 * wrote where nobody expected it (a room named « bureau j.dupont@ac-creteil.fr »). Pure.
 */

/**
 * An e-mail address (RFC 5322 addr-spec, the dot-atom form people actually type): local part,
 * `@`, a domain with at least one dot. Global: replaces every address in a text.
 */
const EMAIL = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/**
 * A French phone number (ARCEP plan: 0 then 9 digits, or +33 / 0033 then 9 digits), digits
 * grouped by two with spaces, dots or dashes, or not grouped; not inside a longer number.
 */
const PHONE = /(?<![\d+])(?:(?:\+|00)33[\s.-]?(?:\(0\)[\s.-]?)?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)/g;

/** What a phone number becomes. */
export const MASKED_PHONE = '** ** ** ** **';

/**
 * The text with every e-mail address masked to its first character, `***@…`
 * (`jean.dupont@ac-creteil.fr` → `j***@…`), and every French phone number to MASKED_PHONE.
 * Everything else is kept as is.
 * @example maskPersonalData('Salle 12, resp. jean.dupont@ac-creteil.fr') === 'Salle 12, resp. j***@…'
 */
export function maskPersonalData(text: string): string {
  return text.replace(EMAIL, (address) => `${address[0]}***@…`).replace(PHONE, MASKED_PHONE);
}

/** maskPersonalData for a nullable field: null stays null. */
export function maskNullable(text: string | null): string | null {
  return text === null ? null : maskPersonalData(text);
}
