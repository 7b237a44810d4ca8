/**
 * Text safety (DESIGN principle 6), the one rule every write goes through (the records layer's
 * writer, src/server/records/write.ts, calls cellValue for every cell it writes).
 *
 * Confirmed in Google's documentation: a string written with setValue/setValues is read like
 * typed input — "If it begins with '=' it is interpreted as a formula"
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluevalue) — and
 * '+', '-', '@' start formulas when typed too (OWASP ASVS 1.2.10 adds tab and NUL; CR is the
 * common extension). A leading apostrophe makes Sheets store the rest as text and hide the
 * apostrophe, in cells with the automatic format.
 *
 * Not confirmed yet (a probe of "Check this spreadsheet"): what Sheets keeps when `'+86 138…` is
 * written into a cell formatted as plain text (set-up gives text, phone, e-mail and ID columns the
 * `@` format). If Google keeps the apostrophe as a character there, plain-text cells must receive
 * the text as typed instead: set PLAIN_TEXT_STORES_AS_TYPED to true and every writer follows.
 */

const FORMULA_TRIGGERS = /^[=+\-@\t\r\0]/;

/**
 * True when a cell formatted as plain text stores a written string exactly as written (no formula,
 * no apostrophe handling). Until Google's behaviour is confirmed, false: every formula-like string
 * gets the apostrophe, which is safe in any format.
 */
export const PLAIN_TEXT_STORES_AS_TYPED = false;

/** True when a string would be read by Sheets as a formula (or could start one). */
export function isFormulaLike(value: string): boolean {
  return FORMULA_TRIGGERS.test(value);
}

/**
 * The value to hand to setValues for something a user or a customer typed: strings that
 * would start a formula get a leading apostrophe; everything else passes unchanged.
 * Numbers, booleans and Dates are not strings and stay what they are.
 */
export function asCellText<T>(value: T, plainTextCell = false): T | string {
  if (typeof value !== 'string') return value;
  if (plainTextCell && PLAIN_TEXT_STORES_AS_TYPED) return value;
  return isFormulaLike(value) ? `'${value}` : value;
}
