/**
 * THE one place where Google Sheets' formula dialect is translated for HyperFormula.
 *
 * HyperFormula is configured as its guide "Compatibility with Google Sheets" recommends
 * (https://hyperformula.handsontable.com/guide/compatibility-with-google-sheets.html):
 * nullDate 1899-12-30, leapYear1900 false, useArrayArithmetic false (Sheets needs ARRAYFORMULA),
 * smartRounding, en-US separators, and the literals TRUE / FALSE defined as named expressions
 * (HyperFormula only knows the functions TRUE() / FALSE()).
 *
 * Differences translated here, before a formula reaches HyperFormula:
 * 1. Open-ended ranges. Sheets accepts `A2:A`, `A2:C`, `'Sheet'!B2:B` meaning "from row 2 to the
 *    last row of the grid"; HyperFormula only knows bounded ranges (`A2:A1000`) and whole columns
 *    (`A:A`) (https://hyperformula.handsontable.com/guide/list-of-differences.html). We bound
 *    them to the referenced sheet's CURRENT max rows and re-translate when a grid grows
 *    (Workbook does that after insertRows/appendRow), so the range keeps meaning "to the end".
 * 2. Unquoted non-ASCII sheet names. Sheets accepts `客户!A2`; HyperFormula's lexer only accepts
 *    ASCII identifiers unquoted, so such prefixes are quoted: `'客户'!A2`.
 * 3. TODAY() and NOW(). HyperFormula reads the machine's real clock; the runtime's clock is
 *    simulated and dates live in the SPREADSHEET's time zone. So `TODAY()` / `NOW()` become the
 *    named expressions SD__TODAY / SD__NOW, which the Workbook sets from the simulated clock
 *    (Workbook.observeClock / refreshVolatile). Sheets recalculates them at a change, at opening
 *    and at the spreadsheet's RecalculationInterval, never at a read; Workbook models exactly that
 *    (https://developers.google.com/apps-script/reference/spreadsheet/recalculation-interval).
 * 4. Nothing else is rewritten: functions HyperFormula does not know (QUERY, REGEXMATCH, …) are
 *    left alone on purpose so they evaluate to #NAME? and show up in Workbook.formulaErrors().
 *
 * The script/user's own text is kept separately (Range.getFormula returns it); the reverse
 * mapping `untranslate` turns HyperFormula's text back into the open form after HyperFormula has
 * rewritten references (row/column insertions, moves, sheet renames).
 */
import { HyperFormula, type ConfigParams } from 'hyperformula';

const defaultParseDateTime = HyperFormula.defaultConfig.parseDateTime;

/**
 * False for a text HyperFormula's default date parser is sure to refuse: its quick check
 * (DateTimeDefault.js, QUICK_CHECK_REGEXP on the text trimmed and lower-cased) lets through only
 * digits, "/", ".", "-", ":", spaces and a trailing "a", "p", "am" or "pm" — so a blank text, or
 * one holding any other character, never parses. Only a shortcut: whatever passes goes to the
 * default parser unchanged.
 */
function mayBeDateTime(text: string): boolean {
  return text.trim() !== '' && !/[^0-9/.:\-\sapmAPM]/.test(text);
}

export function hyperFormulaConfig(): Partial<ConfigParams> {
  return {
    licenseKey: 'gpl-v3',
    // Google Sheets compatibility (HyperFormula guide, section "Configure HyperFormula").
    useArrayArithmetic: false,
    leapYear1900: false,
    nullDate: { year: 1899, month: 12, day: 30 },
    nullYear: 30,
    smartRounding: true,
    // HyperFormula rounds the numbers it hands out to precisionRounding significant digits (10 by
    // default): a date-time such as 2026-03-04 09:30 (serial 46085.3958333…) came back 29 ms early
    // and an 11-digit number lost its last digit. Sheets stores numbers as IEEE doubles, ~15
    // significant digits (Google's help pages in the corpus do not say it; sheets.wiki/docs/Number
    // does, and Check this spreadsheet's date probe would catch a difference), so this keeps 15.
    precisionRounding: 15,
    caseSensitive: false,
    useWildcards: true,
    matchWholeCell: true,
    useRegularExpressions: false,
    evaluateNullToZero: true,
    functionArgSeparator: ',',
    decimalSeparator: '.',
    thousandSeparator: '',
    arrayColumnSeparator: ',',
    arrayRowSeparator: ';',
    dateFormats: ['MM/DD/YYYY', 'MM/DD/YY', 'YYYY/MM/DD', 'YYYY-MM-DD'],
    timeFormats: ['hh:mm', 'hh:mm:ss.sss'],
    currencySymbol: ['$', 'USD'],
    localeLang: 'en-US',
    // A Sheets grid can have up to 10 million cells; HyperFormula's default caps sheets at 40,000 rows.
    maxRows: 10_000_000,
    maxColumns: 18_278,
    // Text cells reach HyperFormula as "'text" (see Workbook.writeValues); skip its date sniffing
    // for them — a measurable cost on 500,000-cell writes — and for any text its default parser
    // would refuse anyway (see mayBeDateTime): a comparison such as {done_at}="" over a 100,000-row
    // column otherwise runs that parser once per date format per cell.
    parseDateTime: (text: string, dateFormat?: string, timeFormat?: string) =>
      text.startsWith("'") || !mayBeDateTime(text) ? undefined : defaultParseDateTime(text, dateFormat, timeFormat),
    // The local runtime never undoes; keeping an undo stack doubles memory for big writes.
    undoLimit: 0,
  };
}

/** Named expressions that make the Sheets literals work (HyperFormula guide, same section). */
export const LITERAL_NAMED_EXPRESSIONS: [string, string][] = [
  ['TRUE', '=TRUE()'],
  ['FALSE', '=FALSE()'],
  // Set from the simulated clock by Workbook.setNow (see 3. above).
  ['SD__TODAY', '=0'],
  ['SD__NOW', '=0'],
];

const CLOCK_FUNCTIONS = /(^|[^\w$.\u00C0-\uFFFF])(TODAY|NOW)\(\s*\)/gi;
const CLOCK_NAMES = /(^|[^\w$.\u00C0-\uFFFF])SD__(TODAY|NOW)(?![\w(])/g;

const SHEET_PREFIX = "(?:'(?:[^']|'')+'|[A-Za-z_\\u00C0-\\uFFFF][\\w.\\u00C0-\\uFFFF]*)!";
/** `[sheet!]A2:A` (open) — the end column is not followed by a row number. */
const OPEN_RANGE = new RegExp(
  `(^|[^\\w$.'!\\u00C0-\\uFFFF])(${SHEET_PREFIX})?(\\$?[A-Za-z]{1,3}\\$?\\d+):(\\$?[A-Za-z]{1,3})(?![\\w$(!.\\u00C0-\\uFFFF])`,
  'g',
);
/** `[sheet!]A2:A1000` (bounded). */
const BOUNDED_RANGE = new RegExp(
  `(^|[^\\w$.'!\\u00C0-\\uFFFF])(${SHEET_PREFIX})?(\\$?[A-Za-z]{1,3}\\$?\\d+):(\\$?[A-Za-z]{1,3})(\\$?)(\\d+)(?![\\w$(!.\\u00C0-\\uFFFF])`,
  'g',
);

function unquoteSheet(prefix: string | undefined): string | undefined {
  if (!prefix) return undefined;
  let name = prefix.slice(0, -1);
  if (name.startsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  return name;
}

/** Applies `fn` to the parts of a formula outside string literals. */
function mapOutsideStrings(formula: string, fn: (code: string) => string): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const q = formula.indexOf('"', i);
    if (q < 0) {
      out += fn(formula.slice(i));
      break;
    }
    out += fn(formula.slice(i, q));
    let j = q + 1;
    while (j < formula.length) {
      if (formula[j] === '"' && formula[j + 1] === '"') j += 2;
      else if (formula[j] === '"') break;
      else j++;
    }
    out += formula.slice(q, j + 1);
    i = j + 1;
  }
  return out;
}

export interface DialectContext {
  /** Name of the sheet holding the formula. */
  currentSheet: string;
  /** Max rows of a sheet by name (case-insensitive), undefined if no such sheet. */
  maxRowsOf(sheetName: string): number | undefined;
}

export function hasOpenRange(formula: string): boolean {
  let found = false;
  mapOutsideStrings(formula, (code) => {
    OPEN_RANGE.lastIndex = 0;
    if (OPEN_RANGE.test(code)) found = true;
    return code;
  });
  return found;
}

/** Sheets formula text -> HyperFormula formula text. */
const UNQUOTED_NON_ASCII_SHEET = /(^|[^\w$.'\u00C0-\uFFFF])([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!/g;

export function translate(formula: string, ctx: DialectContext): string {
  if (!formula.startsWith('=')) return formula;
  return mapOutsideStrings(formula, (code) =>
    code
      .replace(CLOCK_FUNCTIONS, (_m, lead: string, fn: string) => `${lead}SD__${fn.toUpperCase()}`)
      .replace(UNQUOTED_NON_ASCII_SHEET, (m, lead: string, name: string) =>
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of ASCII, control characters included
        /^[\x00-\x7f]*$/.test(name) ? m : `${lead}'${name}'!`,
      )
      .replace(OPEN_RANGE, (_m, lead: string, prefix: string | undefined, start: string, endCol: string) => {
        const sheet = unquoteSheet(prefix) ?? ctx.currentSheet;
        const max = ctx.maxRowsOf(sheet);
        // An unknown sheet stays as written: HyperFormula reports #REF! like Sheets.
        if (max === undefined) return `${lead}${prefix ?? ''}${start}:${endCol}`;
        return `${lead}${prefix ?? ''}${start}:${endCol}${max}`;
      }),
  );
}

/** HyperFormula text -> Sheets text, turning ranges that end at the grid's last row back into open ranges. */
export function untranslate(formula: string, ctx: DialectContext): string {
  return mapOutsideStrings(formula, (code) =>
    code
      .replace(CLOCK_NAMES, (_m, lead: string, fn: string) => `${lead}${fn}()`)
      .replace(BOUNDED_RANGE, (m, lead: string, prefix: string | undefined, start: string, endCol: string, _dollar: string, endRow: string) => {
        const sheet = unquoteSheet(prefix) ?? ctx.currentSheet;
        const max = ctx.maxRowsOf(sheet);
        if (max !== undefined && Number(endRow) === max) return `${lead}${prefix ?? ''}${start}:${endCol}`;
        return m;
      }),
  );
}

/** Sheets shows some HyperFormula error codes differently. */
export function sheetsErrorText(hfErrorValue: string): string {
  switch (hfErrorValue) {
    case '#CYCLE!':
      return '#REF!'; // Sheets: "Circular dependency detected"
    case '#SPILL!':
      return '#REF!'; // Sheets: "Array result was not expanded because it would overwrite data in …"
    case '#LIC!':
      return '#ERROR!';
    default:
      return hfErrorValue;
  }
}
