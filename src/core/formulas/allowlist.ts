/**
 * Functions that Google Sheets and HyperFormula 3.5 (the engine of the local runtime) both
 * evaluate the same way, for the arguments we use. Source: /work/shared/platform-facts.md D2
 * (HyperFormula built-in-functions, list-of-differences, known-limitations). A unit test checks
 * that HyperFormula really registers each of them.
 *
 * Deliberately absent (HyperFormula lacks them or differs): AVERAGEIFS (use SUMIFS/COUNTIFS),
 * QUERY, UNIQUE, SORT, SORTN, TEXTJOIN, JOIN, INDIRECT, LOOKUP, XMATCH, SEQUENCE, LET, LAMBDA,
 * MAP, BYROW, REGEXMATCH, REGEXREPLACE, ISEMAIL, PERCENTILE, PERCENTRANK, RANK, QUARTILE,
 * IMPORTRANGE; TEXT (few date tokens, no month names), SPLIT (other syntax), COUNTA
 * (COUNTA(1,) differs).
 */
export const ALLOWED_FUNCTIONS: Readonly<Record<string, string>> = {
  // logic
  IF: '',
  IFS: '',
  SWITCH: '',
  IFERROR: '',
  IFNA: '',
  AND: 'not element-wise inside ARRAYFORMULA in either engine: use * and + on conditions',
  OR: 'not element-wise inside ARRAYFORMULA in either engine: use * and + on conditions',
  NOT: '',
  XOR: '',
  // information
  ISBLANK: '',
  ISNUMBER: '',
  ISTEXT: '',
  ISERROR: '',
  ISNA: '',
  N: '',
  T: '',
  // aggregation
  COUNT: '',
  COUNTIF: '',
  COUNTIFS: '',
  COUNTBLANK: '',
  COUNTUNIQUE: '',
  SUM: '',
  SUMIF: '',
  SUMIFS: '',
  SUMPRODUCT: '',
  AVERAGE: '',
  AVERAGEIF: '',
  MAX: '',
  MIN: '',
  MAXIFS: 'costly per row over a long log: prefer a value the script keeps up to date',
  MINIFS: 'costly per row over a long log',
  MEDIAN: '',
  LARGE: '',
  SMALL: '',
  STDEV: '',
  SUBTOTAL: '',
  // lookup
  VLOOKUP: '',
  HLOOKUP: '',
  MATCH: '',
  INDEX: 'single cell only: INDEX(range, row[, col])',
  XLOOKUP: '',
  CHOOSE: '',
  OFFSET: 'single-cell reference only',
  FILTER: 'single rows or columns of equal size only',
  ROW: '',
  ROWS: '',
  COLUMN: '',
  COLUMNS: '',
  // arrays
  ARRAYFORMULA: '',
  ARRAY_CONSTRAIN: '',
  TRANSPOSE: '',
  // dates
  TODAY: '',
  NOW: '',
  DATE: '',
  DATEVALUE: '',
  DATEDIF: 'non-negative serials only',
  DAYS: 'non-negative serials only',
  EDATE: '',
  EOMONTH: '',
  NETWORKDAYS: '',
  WORKDAY: '',
  WEEKDAY: '',
  WEEKNUM: '',
  ISOWEEKNUM: '',
  YEAR: '',
  MONTH: '',
  DAY: '',
  HOUR: '',
  MINUTE: '',
  YEARFRAC: '',
  // text
  CONCATENATE: '',
  LEFT: '',
  RIGHT: '',
  MID: '',
  LEN: '',
  TRIM: '',
  LOWER: '',
  UPPER: '',
  PROPER: '',
  SUBSTITUTE: '',
  FIND: '',
  SEARCH: '',
  REPT: '',
  VALUE: '',
  HYPERLINK: '',
  // maths
  ROUND: '',
  ROUNDUP: '',
  ROUNDDOWN: '',
  INT: '',
  ABS: '',
  MOD: '',
};

export function isAllowedFunction(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(ALLOWED_FUNCTIONS, name.toUpperCase());
}
