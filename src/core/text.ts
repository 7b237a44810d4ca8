/**
 * Text safety (DESIGN principle 6). Sheets treats a string written with setValue/setValues
 * like typed input: "If it begins with '=' it is interpreted as a formula", and '+', '-', '@'
 * start formulas too (OWASP ASVS 1.2.10 adds tab and NUL; CR is the common extension).
 * Prefixing an apostrophe makes Sheets store the rest as text and hide the apostrophe.
 */

const FORMULA_TRIGGERS = /^[=+\-@\t\r\0]/;

/** True when a string would be read by Sheets as a formula (or could start one). */
export function isFormulaLike(value: string): boolean {
  return FORMULA_TRIGGERS.test(value);
}

/**
 * The value to hand to setValues for something a user or a customer typed: strings that
 * would start a formula get a leading apostrophe; everything else passes unchanged.
 * Numbers, booleans and Dates are not strings and stay what they are.
 */
export function asCellText<T>(value: T): T | string {
  if (typeof value !== 'string') return value;
  return isFormulaLike(value) ? `'${value}` : value;
}
