/**
 * THE one place where a formula as Google Sheets holds it becomes formulas that Excel and
 * LibreOffice evaluate (the .xlsx export). It reads only the formula text and the sizes of the
 * sheets, never the schema, so it follows whatever set-up writes.
 *
 * What differs between the dialects, and what is done about it:
 * 1. ARRAYFORMULA is Sheets-only. One `=ARRAYFORMULA(expr)` that fills a column becomes one
 *    ordinary formula per cell of the area it fills: a range used element by element (`A2:A` in
 *    `IF(A2:A="",…)`) becomes that row's cell (`A5`), a range a function consumes whole (the
 *    first argument of LARGE, COUNTIF, INDEX, SUMIFS…) stays a bounded absolute range
 *    (`$Z$2:$Z$1000`). Which arguments are consumed whole is the table ARRAY_PARAMS below.
 *    Per-cell formulas are what every Excel since 2007 and LibreOffice 7.4 (Debian 12) evaluate;
 *    dynamic-array spilling needs Excel 365 or LibreOffice 24.8, so it is not used. Where a
 *    function maps over an array inside a consumed argument (`SUM(IF(A2:A>0,B2:B))`) the cell is
 *    written as a one-cell array formula (Ctrl+Shift+Enter), which both evaluate.
 * 2. Open ranges (`A2:A`, `'Sheet'!B2:C`) are bounded to the referenced sheet's last grid row,
 *    as the runtime's dialect does (src/local/runtime/spreadsheet/dialect.ts). Whole columns
 *    (`A:A`) and rows (`2:2`) are valid in both and stay, except where used element-wise.
 * 3. Functions added after Excel 2007 are written with the `_xlfn.` prefix the file format
 *    requires (ECMA-376 Part 1, §18.17.7 "future functions"); without it Excel shows #NAME?.
 * 4. Sheet names that are not plain identifiers (Chinese names, `Follow-ups`) are quoted.
 * 5. Functions only Sheets has (QUERY, COUNTUNIQUE, ARRAY_CONSTRAIN, …), array literals inside an
 *    ARRAYFORMULA, and element-wise ranges of different sizes are not translated: the result
 *    says why, and the export keeps the cell's value instead (xlsx.ts lists them).
 * TODAY(), NOW(), TRUE, FALSE, named ranges and every other function are the same in all three.
 */
import { columnToLetters, lettersToColumn, quoteSheetName } from '../runtime/spreadsheet/a1';

/** What the translator needs to know about the workbook. */
export interface FormulaContext {
  /** The sheet that holds the formula. */
  sheet: string;
  /** Grid size of a sheet (case-insensitive name), undefined if there is no such sheet. */
  sheetSize(name: string): { rows: number; cols: number } | undefined;
  /** Number of cells of a named range, undefined if the name is not defined. */
  namedRangeCells(name: string): number | undefined;
}

/** One cell's formula in the export: text without the leading `=`, and whether it is an array formula. */
export interface ExcelFormula {
  formula: string;
  array: boolean;
}

export type Translation =
  | {
      ok: true;
      /** Size of the area the formula fills (1×1 unless it was an ARRAYFORMULA over ranges). */
      rows: number;
      cols: number;
      /** The formula of the cell at (row offset, column offset) of that area. */
      at(i: number, j: number): ExcelFormula;
    }
  | { ok: false; reason: string };

/** Arguments a function consumes whole (0-based); 'all' for every argument. Others are element-wise. */
const ARRAY_PARAMS: Readonly<Record<string, 'all' | ((i: number) => boolean)>> = {
  SUM: 'all',
  SUMPRODUCT: 'all',
  SUMSQ: 'all',
  AVERAGE: 'all',
  AVERAGEA: 'all',
  MAX: 'all',
  MAXA: 'all',
  MIN: 'all',
  MINA: 'all',
  COUNT: 'all',
  COUNTA: 'all',
  COUNTUNIQUE: 'all',
  MEDIAN: 'all',
  MODE: 'all',
  STDEV: 'all',
  STDEVP: 'all',
  VAR: 'all',
  VARP: 'all',
  PRODUCT: 'all',
  AND: 'all',
  OR: 'all',
  XOR: 'all',
  FILTER: 'all',
  COUNTBLANK: (i) => i === 0,
  COUNTIF: (i) => i === 0,
  COUNTIFS: (i) => i % 2 === 0,
  SUMIF: (i) => i === 0 || i === 2,
  SUMIFS: (i) => i === 0 || i % 2 === 1,
  AVERAGEIF: (i) => i === 0 || i === 2,
  AVERAGEIFS: (i) => i === 0 || i % 2 === 1,
  MAXIFS: (i) => i === 0 || i % 2 === 1,
  MINIFS: (i) => i === 0 || i % 2 === 1,
  LARGE: (i) => i === 0,
  SMALL: (i) => i === 0,
  PERCENTILE: (i) => i === 0,
  QUARTILE: (i) => i === 0,
  RANK: (i) => i === 1,
  SUBTOTAL: (i) => i > 0,
  INDEX: (i) => i === 0,
  MATCH: (i) => i === 1,
  VLOOKUP: (i) => i === 1,
  HLOOKUP: (i) => i === 1,
  LOOKUP: (i) => i > 0,
  XLOOKUP: (i) => i === 1 || i === 2,
  OFFSET: (i) => i === 0,
  ROWS: (i) => i === 0,
  COLUMNS: (i) => i === 0,
  TRANSPOSE: (i) => i === 0,
  NETWORKDAYS: (i) => i === 2,
  WORKDAY: (i) => i === 2,
};

/**
 * Functions whose every argument is a single value: inside an ARRAYFORMULA they map over a
 * range element by element. Listed so that a unit test can check every function the schema may
 * use (core/formulas/allowlist.ts) is classified here or in ARRAY_PARAMS.
 */
export const ELEMENT_WISE_FUNCTIONS: ReadonlySet<string> = new Set(
  (
    'IF IFS SWITCH IFERROR IFNA NOT ISBLANK ISNUMBER ISTEXT ISERROR ISNA N T CHOOSE ROW COLUMN ' +
    'TODAY NOW DATE DATEVALUE DATEDIF DAYS EDATE EOMONTH WEEKDAY WEEKNUM ISOWEEKNUM YEAR MONTH DAY HOUR MINUTE ' +
    'YEARFRAC CONCATENATE LEFT RIGHT MID LEN TRIM LOWER UPPER PROPER SUBSTITUTE FIND SEARCH REPT VALUE ' +
    'HYPERLINK ROUND ROUNDUP ROUNDDOWN INT ABS MOD TEXT EXACT SECOND TIME'
  ).split(' '),
);

/** Functions that return an array: not translatable where their result fills cells. */
const ARRAY_RESULT = new Set(['FILTER', 'TRANSPOSE', 'SORT', 'UNIQUE', 'SEQUENCE', 'ARRAY_CONSTRAIN']);

/** Functions Excel stores with the `_xlfn.` prefix (added after Excel 2007). */
const FUTURE_FUNCTIONS = new Set([
  'IFS',
  'SWITCH',
  'IFNA',
  'XOR',
  'MAXIFS',
  'MINIFS',
  'XLOOKUP',
  'XMATCH',
  'FILTER',
  'SORT',
  'UNIQUE',
  'SEQUENCE',
  'DAYS',
  'ISOWEEKNUM',
  'CONCAT',
  'TEXTJOIN',
  'STDEV.S',
  'STDEV.P',
  'AGGREGATE',
]);

/** Functions only Google Sheets has: a formula using one keeps its value in the export. */
const SHEETS_ONLY = new Set([
  'ARRAY_CONSTRAIN',
  'COUNTUNIQUE',
  'QUERY',
  'IMPORTRANGE',
  'IMPORTDATA',
  'IMPORTHTML',
  'IMPORTXML',
  'GOOGLEFINANCE',
  'GOOGLETRANSLATE',
  'REGEXMATCH',
  'REGEXEXTRACT',
  'REGEXREPLACE',
  'SPLIT',
  'JOIN',
  'SORTN',
  'SPARKLINE',
  'DETECTLANGUAGE',
  'ISEMAIL',
  'ISURL',
  'GETPIVOTDATA',
  'LAMBDA',
  'MAP',
  'BYROW',
  'BYCOL',
]);

// ------------------------------------------------------------------ tokens and tree

interface RefToken {
  t: 'ref';
  sheet?: string;
  /** Columns/rows are 1-based; undefined = open (to the edge of the grid). */
  c1?: number;
  r1?: number;
  c2?: number;
  r2?: number;
  /** `$` on c1, r1, c2, r2. */
  abs: [boolean, boolean, boolean, boolean];
  /** A single cell (`B3`), as opposed to a range. */
  single: boolean;
}

type Token =
  | RefToken
  | { t: 'text'; text: string } // literals, operators, names, whitespace: written as they are
  | { t: 'name'; text: string }
  | { t: 'fn'; name: string }
  | { t: '(' | ')' | ',' | ';' | '{' | '}' };

type Node =
  | { k: 'tok'; tok: RefToken | { t: 'text'; text: string } | { t: 'name'; text: string } }
  | { k: 'call'; name: string; args: Node[][] }
  | { k: 'paren'; body: Node[] }
  | { k: 'array'; text: string };

const SHEET_QUOTED = /^'((?:[^']|'')+)'!/;
const SHEET_PLAIN = /^([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!/;
const CELL_RANGE = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?::(\$?)([A-Za-z]{1,3})(?:(\$?)(\d+))?)?(?![\w(.!\u00C0-\uFFFF])/;
const COL_RANGE = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\w(.!\u00C0-\uFFFF])/;
const ROW_RANGE = /^(\$?)(\d+):(\$?)(\d+)(?![\w(.!\u00C0-\uFFFF])/;
const IDENT = /^[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*/;
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?%?/;
const ERROR = /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!)/;
const OPERATOR = /^(?:<>|<=|>=|[-+*/^&=<>%])/;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    const ch = src[i]!;
    if (ch === '"') {
      let j = i + 1;
      while (j < src.length) {
        if (src[j] === '"' && src[j + 1] === '"') j += 2;
        else if (src[j] === '"') break;
        else j++;
      }
      out.push({ t: 'text', text: src.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    if (/\s/.test(ch)) {
      out.push({ t: 'text', text: ch });
      i++;
      continue;
    }
    if ('(),;{}'.includes(ch)) {
      out.push({ t: ch as '(' });
      i++;
      continue;
    }
    const err = ERROR.exec(rest);
    if (err) {
      out.push({ t: 'text', text: err[0] });
      i += err[0].length;
      continue;
    }
    // A reference, with or without a sheet prefix.
    let sheet: string | undefined;
    let at = rest;
    const quoted = SHEET_QUOTED.exec(rest);
    const q = quoted ?? SHEET_PLAIN.exec(rest);
    if (q) {
      sheet = quoted ? q[1]!.replace(/''/g, "'") : q[1]!;
      at = rest.slice(q[0].length);
    }
    const ref = refAt(at, sheet);
    if (ref) {
      out.push(ref.tok);
      i += rest.length - at.length + ref.length;
      continue;
    }
    if (q) throw new Error(`Unreadable reference after ${q[0]}`);
    const num = NUMBER.exec(rest);
    if (num) {
      out.push({ t: 'text', text: num[0] });
      i += num[0].length;
      continue;
    }
    const id = IDENT.exec(rest);
    if (id) {
      const after = src.slice(i + id[0].length).match(/^\s*\(/);
      if (after) {
        out.push({ t: 'fn', name: id[0] });
        i += id[0].length + after[0].length;
      } else {
        out.push({ t: 'name', text: id[0] });
        i += id[0].length;
      }
      continue;
    }
    const op = OPERATOR.exec(rest);
    if (op) {
      out.push({ t: 'text', text: op[0] });
      i += op[0].length;
      continue;
    }
    throw new Error(`Unexpected character ${ch}`);
  }
  return out;
}

function refAt(s: string, sheet: string | undefined): { tok: RefToken; length: number } | null {
  let m = CELL_RANGE.exec(s);
  if (m) {
    const single = m[6] === undefined;
    const tok: RefToken = {
      t: 'ref',
      sheet,
      c1: lettersToColumn(m[2]!),
      r1: Number(m[4]),
      c2: single ? lettersToColumn(m[2]!) : lettersToColumn(m[6]!),
      r2: single ? Number(m[4]) : m[8] === undefined ? undefined : Number(m[8]),
      // An open range's end row, once bounded, is as absolute as its start row.
      abs: [m[1] === '$', m[3] === '$', m[5] === '$', m[8] === undefined ? m[3] === '$' : m[7] === '$'],
      single,
    };
    return { tok, length: m[0].length };
  }
  m = COL_RANGE.exec(s);
  if (m)
    return {
      tok: { t: 'ref', sheet, c1: lettersToColumn(m[2]!), c2: lettersToColumn(m[4]!), abs: [m[1] === '$', false, m[3] === '$', false], single: false },
      length: m[0].length,
    };
  m = ROW_RANGE.exec(s);
  if (m)
    return {
      tok: { t: 'ref', sheet, r1: Number(m[2]), r2: Number(m[4]), abs: [false, m[1] === '$', false, m[3] === '$'], single: false },
      length: m[0].length,
    };
  return null;
}

/** Groups tokens into calls, parentheses and array literals; arguments are flat sequences. */
function parse(tokens: Token[]): Node[] {
  let pos = 0;
  function sequence(stop: (t: Token['t']) => boolean): Node[] {
    const seq: Node[] = [];
    while (pos < tokens.length && !stop(tokens[pos]!.t)) {
      const tok = tokens[pos++]!;
      if (tok.t === 'fn') {
        const args: Node[][] = [];
        if (tokens[pos]?.t === ')') pos++;
        else
          for (;;) {
            args.push(sequence((t) => t === ',' || t === ')'));
            const end = tokens[pos++];
            if (!end) throw new Error(`Missing ) after ${tok.name}(`);
            if (end.t === ')') break;
          }
        seq.push({ k: 'call', name: tok.name, args });
      } else if (tok.t === '(') {
        const body = sequence((t) => t === ')');
        if (tokens[pos++]?.t !== ')') throw new Error('Missing )');
        seq.push({ k: 'paren', body });
      } else if (tok.t === '{') {
        // Array literals are kept as written; their parts only matter inside an ARRAYFORMULA.
        let text = '{';
        let depth = 1;
        while (pos < tokens.length && depth > 0) {
          const x = tokens[pos++]!;
          if (x.t === '{') depth++;
          if (x.t === '}') depth--;
          text += tokenText(x);
        }
        seq.push({ k: 'array', text });
      } else if (tok.t === 'ref' || tok.t === 'text' || tok.t === 'name') {
        seq.push({ k: 'tok', tok });
      } else if (tok.t === ',' || tok.t === ';') {
        // A separator outside a call: Sheets' union/array syntax, kept as written.
        seq.push({ k: 'tok', tok: { t: 'text', text: tok.t } });
      } else throw new Error(`Unexpected ${tok.t}`);
    }
    return seq;
  }
  const seq = sequence(() => false);
  if (pos < tokens.length) throw new Error('Unbalanced parentheses');
  return seq;
}

function tokenText(tok: Token): string {
  switch (tok.t) {
    case 'ref':
      return refText(tok, null);
    case 'text':
    case 'name':
      return tok.text;
    case 'fn':
      return `${tok.name}(`;
    default:
      return tok.t;
  }
}

// ------------------------------------------------------------------ translation

/**
 * How a part of the formula is evaluated: 'plain' outside any ARRAYFORMULA ('plainWhole' where
 * a function consumes it whole); 'each' element by element inside an ARRAYFORMULA (ranges become
 * the cell of the current row); 'whole' consumed whole inside an ARRAYFORMULA (ranges stay).
 */
type Mode = 'plain' | 'plainWhole' | 'each' | 'whole';

/** Bounds of a reference on its sheet's grid. */
interface Rect {
  sheet?: string;
  r1: number;
  c1: number;
  rows: number;
  cols: number;
}

/** The formula as pieces: text, and element-wise references resolved per cell. */
type Piece = string | { rect: Rect };

interface State {
  ctx: FormulaContext;
  rows: number;
  cols: number;
  array: boolean;
}

class Untranslatable extends Error {}

function sizeOf(ctx: FormulaContext, sheet: string | undefined): { rows: number; cols: number } {
  const size = ctx.sheetSize(sheet ?? ctx.sheet);
  if (!size) throw new Untranslatable(`the sheet "${sheet}" does not exist`);
  return size;
}

function rectOf(tok: RefToken, ctx: FormulaContext): Rect {
  const size = sizeOf(ctx, tok.sheet);
  const r1 = tok.r1 ?? 1;
  const c1 = tok.c1 ?? 1;
  const r2 = tok.r2 ?? size.rows;
  const c2 = tok.c2 ?? size.cols;
  return { sheet: tok.sheet, r1: Math.min(r1, r2), c1: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

function prefix(sheet: string | undefined): string {
  return sheet === undefined ? '' : `${quoteSheetName(sheet)}!`;
}

/** A reference as written for Excel; open ranges bounded (absolute when `absolute`). */
function refText(tok: RefToken, ctx: FormulaContext | null, absolute = false): string {
  const d = (on: boolean) => (on || absolute ? '$' : '');
  const p = prefix(tok.sheet);
  if (tok.r1 === undefined) return `${p}${d(tok.abs[0])}${columnToLetters(tok.c1!)}:${d(tok.abs[2])}${columnToLetters(tok.c2!)}`;
  if (tok.c1 === undefined) return `${p}${d(tok.abs[1])}${tok.r1}:${d(tok.abs[3])}${tok.r2}`;
  const start = `${d(tok.abs[0])}${columnToLetters(tok.c1)}${d(tok.abs[1])}${tok.r1}`;
  if (tok.single) return p + start;
  const r2 = tok.r2 ?? (ctx ? sizeOf(ctx, tok.sheet).rows : undefined);
  return `${p}${start}:${d(tok.abs[2])}${columnToLetters(tok.c2!)}${r2 === undefined ? '' : `${d(tok.abs[3])}${r2}`}`;
}

/** Emits a sequence; returns whether its value is an array (a range, or an operation over one). */
function emitSeq(seq: Node[], mode: Mode, out: Piece[], st: State): boolean {
  let arrayValued = false;
  let operands = 0;
  for (const node of seq) {
    if (node.k === 'tok' && node.tok.t === 'text') {
      out.push(node.tok.text);
      if (node.tok.text.trim()) operands++;
      continue;
    }
    operands++;
    if (emitNode(node, mode, out, st)) arrayValued = true;
  }
  // An operator applied to an array, where a function consumes it whole: an array computation.
  if (arrayValued && operands > 1 && mode === 'whole') st.array = true;
  return arrayValued;
}

function emitNode(node: Node, mode: Mode, out: Piece[], st: State): boolean {
  switch (node.k) {
    case 'tok': {
      const tok = node.tok;
      if (tok.t === 'name') {
        out.push(tok.text);
        const cells = st.ctx.namedRangeCells(tok.text);
        const multi = cells !== undefined && cells > 1;
        if (multi && mode === 'each') throw new Untranslatable(`the named range ${tok.text} is used cell by cell inside ARRAYFORMULA`);
        return multi;
      }
      if (tok.t !== 'ref') return false;
      const rect = rectOf(tok, st.ctx);
      const multi = rect.rows * rect.cols > 1;
      if (mode === 'each' && multi) {
        for (const [dim, n] of [
          ['rows', rect.rows],
          ['cols', rect.cols],
        ] as const) {
          if (n > 1 && st[dim] > 1 && st[dim] !== n) throw new Untranslatable('ranges of different sizes inside ARRAYFORMULA');
          if (n > 1) st[dim] = n;
        }
        out.push({ rect });
        return false;
      }
      // Inside an expanded ARRAYFORMULA a consumed range is the same for every cell: absolute.
      const whole = tok.r1 !== undefined && tok.c1 !== undefined && (mode === 'whole' || mode === 'each');
      out.push(refText(tok, st.ctx, whole && multi));
      return multi;
    }
    case 'paren': {
      out.push('(');
      const a = emitSeq(node.body, mode, out, st);
      out.push(')');
      return a;
    }
    case 'array':
      if (mode === 'each' || mode === 'whole') throw new Untranslatable('an array literal {…} inside ARRAYFORMULA');
      out.push(node.text);
      return true;
    case 'call':
      return emitCall(node, mode, out, st);
  }
}

function emitCall(node: Extract<Node, { k: 'call' }>, mode: Mode, out: Piece[], st: State): boolean {
  const name = node.name.toUpperCase();
  if (name === 'ARRAYFORMULA') {
    if (node.args.length !== 1) throw new Untranslatable('ARRAYFORMULA takes one argument');
    // At the top (or where one value is expected) it fills cells: expand it. Where a function
    // consumes it whole, it is an array computation inside that function.
    const inner: Mode = mode === 'plain' || mode === 'each' ? 'each' : 'whole';
    out.push('(');
    const a = emitSeq(node.args[0]!, inner, out, st);
    out.push(')');
    return a;
  }
  if (SHEETS_ONLY.has(name)) throw new Untranslatable(`${name} exists only in Google Sheets`);
  // Where its result would fill cells (Sheets spills it), an array-returning function has no
  // per-cell equivalent in Excel 2007–2021 or LibreOffice 7.4.
  if (ARRAY_RESULT.has(name) && mode !== 'plainWhole') throw new Untranslatable(`${name} returns an array that fills cells`);
  const params = ARRAY_PARAMS[name];
  out.push(`${FUTURE_FUNCTIONS.has(name) ? '_xlfn.' : ''}${name}(`);
  let mapsOverArray = false;
  node.args.forEach((arg, i) => {
    if (i > 0) out.push(',');
    const whole = params === 'all' || (typeof params === 'function' && params(i));
    const argMode: Mode = whole ? (mode === 'plain' || mode === 'plainWhole' ? 'plainWhole' : 'whole') : mode === 'plainWhole' ? 'plain' : mode;
    const a = emitSeq(arg, argMode, out, st);
    if (a && !whole) mapsOverArray = true;
  });
  out.push(')');
  // A function of single values given an array inside a consumed argument maps over it.
  if (mapsOverArray && mode === 'whole') st.array = true;
  return (mapsOverArray && mode === 'whole') || (ARRAY_RESULT.has(name) && mode !== 'plain');
}

/** Translates one formula (as Range.getFormula returns it, with `=`) held by the cell at the top-left of its area. */
export function translateFormula(sheetsFormula: string, ctx: FormulaContext): Translation {
  const src = sheetsFormula.replace(/^=/, '');
  let tree: Node[];
  try {
    tree = parse(tokenize(src));
  } catch (e) {
    return { ok: false, reason: `the formula could not be read (${(e as Error).message})` };
  }
  // An ARRAYFORMULA that is the whole formula is written without the extra parentheses.
  const top = tree.filter((n) => !(n.k === 'tok' && n.tok.t === 'text' && !n.tok.text.trim()));
  const body = top.length === 1 && top[0]!.k === 'call' && top[0]!.name.toUpperCase() === 'ARRAYFORMULA' && top[0]!.args.length === 1 ? top[0]!.args[0]! : null;
  const st: State = { ctx, rows: 1, cols: 1, array: false };
  const pieces: Piece[] = [];
  try {
    if (body) emitSeq(body, 'each', pieces, st);
    else emitSeq(tree, 'plain', pieces, st);
  } catch (e) {
    if (e instanceof Untranslatable) return { ok: false, reason: e.message };
    throw e;
  }
  const { rows, cols, array } = st;
  return {
    ok: true,
    rows,
    cols,
    at: (i, j) => ({
      formula: pieces
        .map((p) => {
          if (typeof p === 'string') return p;
          const r = p.rect.r1 + (p.rect.rows > 1 ? i : 0);
          const c = p.rect.c1 + (p.rect.cols > 1 ? j : 0);
          return `${prefix(p.rect.sheet)}${columnToLetters(c)}${r}`;
        })
        .join(''),
      array,
    }),
  };
}

/** Whether the translator has decided how a function's arguments are evaluated (for the allow-list test). */
export function isClassified(fn: string): boolean {
  const name = fn.toUpperCase();
  return name === 'ARRAYFORMULA' || name in ARRAY_PARAMS || ELEMENT_WISE_FUNCTIONS.has(name) || SHEETS_ONLY.has(name);
}
