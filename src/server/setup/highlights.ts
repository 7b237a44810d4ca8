/**
 * Highlights: the conditional formats a tab declares (`TabDef.highlights` in
 * src/core/schema/tabs.ts), written by set-up. One mechanism for every tab:
 *
 * - each declared formula is resolved with set-up's own `{key}` resolution (resolveFormula), in
 *   its 'row' mode: `{next_followup}` → `$T2`, the first data row with the column absolute, so
 *   Sheets evaluates it against each row of the range;
 * - each rule carries a marker, `=AND(<condition>,N("salesdesk:hl:<tab>.<key>")=0)` (N of a text
 *   is 0, so the marker never changes the result), by which a re-run recognises its own rules
 *   after the user moved columns; rules without it are the user's and are kept, after ours;
 * - the rules cover the data rows of the sheet as it is now (its max rows), so a re-run after
 *   the sheet grew extends them;
 * - nothing is written when the rules are already as declared: same formulas, formats, ranges
 *   and order (set-up run twice leaves the workbook identical).
 *
 * Rules written by earlier versions are recognised and replaced once: the Customers markers
 * `N("salesdesk:churn|overdue")`, the Follow-ups markers `N("salesdesk:fu-…")` (any
 * `N("salesdesk:…")`, in fact) and the unmarked Objections rule `=$X2=TRUE` in light red.
 *
 * Cost: on a tab that declares highlights, one read of the rules and a few getters per rule
 * (its formula, format and each range's A1 notation), stopping at the first difference; when
 * something changed, one builder per rule and one setConditionalFormatRules. Never per row.
 */
import { FIRST_DATA_ROW, type HighlightDef } from '../../core/schema';
import { resolveFormula, sameFormula, UnresolvedColumnError } from '../../core/formulas';
import { blockA1, runsOf, type SetupTab } from './tab';

/** The marker text of a highlight: N("salesdesk:hl:customers.overdue")=0 in the rule's formula. */
export function highlightMarker(tabKey: string, key: string): string {
  return `salesdesk:hl:${tabKey}.${key}`;
}

/** A rule set-up wrote (this scheme and the markers of earlier versions). */
const MARKED = /N\(\s*"salesdesk:[^"]*"\s*\)/i;

/** Unmarked rules of earlier versions, by tab: recognised by their exact shape and colour. */
const LEGACY: Record<string, (formula: string, background: string) => boolean> = {
  objections: (f, bg) => bg === '#fce8e6' && /^=\$[A-Z]+\d+=TRUE$/.test(f),
};

/** The arguments of a formula that is one AND(…) call, else null (`AND(a,b)` → `a,b`). */
function andArguments(body: string): string | null {
  if (!/^AND\(/i.test(body)) return null;
  let depth = 0;
  let quote: string | null = null;
  for (let i = 3; i < body.length; i++) {
    const ch = body[i];
    if (quote) {
      if (ch === quote) quote = null; // a doubled quote closes and reopens: same result
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i === body.length - 1 ? body.slice(4, i) : null;
  }
  return null;
}

/**
 * The custom formula set-up writes for a highlight, references resolved against `column`
 * (1-based column of a key of the same tab, or null when missing). Throws UnresolvedColumnError
 * when a key is missing or names another tab (conditional formats cannot read other tabs).
 */
export function highlightFormula(tabKey: string, h: HighlightDef, column: (key: string) => number | null): string {
  const body = resolveFormula(h.formula, {
    tabKey,
    firstDataRow: FIRST_DATA_ROW,
    reference: 'row',
    column: (t, k) => (t === tabKey ? column(k) : null),
    sheetName: () => null,
  }).slice(1);
  return `=AND(${andArguments(body) ?? body},N("${highlightMarker(tabKey, h.key)}")=0)`;
}

interface Wanted {
  formula: string;
  /** [first column, count] of each range, rows FIRST_DATA_ROW … max rows. */
  ranges: [number, number][];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

function wanted(tab: SetupTab, h: HighlightDef): Wanted | null {
  let ranges: [number, number][];
  if (h.columns === 'row') ranges = [[1, Math.max(...tab.columns.values())]];
  else {
    const found = h.columns.map((k) => tab.columns.get(k));
    if (found.some((c) => c === undefined)) return null;
    ranges = runsOf(found as number[]);
  }
  let formula: string;
  try {
    formula = highlightFormula(tab.def.key, h, (k) => tab.columns.get(k) ?? null);
  } catch (e) {
    if (e instanceof UnresolvedColumnError) return null;
    throw e;
  }
  return {
    formula,
    ranges,
    background: h.background ?? null,
    fontColor: h.fontColor ?? null,
    bold: h.bold ?? null,
  };
}

const colour = (c: string | null | undefined) => (c ? c.toLowerCase() : null);

/**
 * True when a rule's range (its A1 notation: one call, where its coordinates take four) is rows
 * FIRST_DATA_ROW…lastRow of the columns `[from, n]`. A range across every column of the sheet may
 * print as rows only ("2:1000"); then the sheet's width (asked once) says whether those are the
 * columns wanted.
 */
function sameRange(a1: string, [from, n]: [number, number], lastRow: number, maxColumns: () => number): boolean {
  const block = blockA1(FIRST_DATA_ROW, lastRow, from, n);
  if (a1 === block || (lastRow === FIRST_DATA_ROW && n === 1 && block === `${a1}:${a1}`)) return true;
  return a1 === `${FIRST_DATA_ROW}:${lastRow}` && from === 1 && n === maxColumns();
}

/** The rules' ranges on a tab created by this run (see SetupTab.prefetch). */
export function highlightRangesA1(tab: SetupTab): string[] {
  return (tab.def.highlights ?? [])
    .map((h) => wanted(tab, h))
    .flatMap((w) => (w ? w.ranges.map(([from, n]) => blockA1(FIRST_DATA_ROW, tab.lastRow(), from, n)) : []));
}

/**
 * Writes the tab's declared highlights (idempotent): replaces only the rules set-up wrote, keeps
 * the user's, covers the sheet's current rows. Returns true when it changed the rules.
 */
export function ensureHighlights(tab: SetupTab): boolean {
  const declared = tab.def.highlights;
  if (!declared || !tab.columns.size) return false;
  const { sheet } = tab;
  const want = declared.map((h) => wanted(tab, h)).filter((w): w is Wanted => w !== null);
  const lastRow = tab.lastRow();
  const rules = tab.created ? [] : sheet.getConditionalFormatRules();
  const legacy = LEGACY[tab.def.key];
  const read = rules.map((r) => {
    const c = r.getBooleanCondition();
    // A rule of another kind has no formula among its criteria values, so no marker either.
    const formula = c ? String(c.getCriteriaValues()[0] ?? '') : '';
    const ours = formula.startsWith('=') && (MARKED.test(formula) || (!!legacy && legacy(formula, colour(c!.getBackground()) ?? '')));
    return { rule: r, condition: c, formula, ours };
  });
  const mine = read.filter((x) => x.ours);
  let columns: number | undefined;
  const maxColumns = () => (columns ??= sheet.getMaxColumns());
  const same =
    mine.length === want.length &&
    want.every((w, i) => {
      const { rule, condition, formula } = mine[i];
      if (!condition || !sameFormula(formula, w.formula)) return false;
      if (colour(condition.getBackground()) !== colour(w.background) || colour(condition.getFontColor()) !== colour(w.fontColor)) return false;
      if ((condition.getBold() ?? null) !== w.bold) return false;
      const rs = rule.getRanges();
      return rs.length === w.ranges.length && rs.every((r, k) => sameRange(r.getA1Notation(), w.ranges[k], lastRow, maxColumns));
    });
  if (same) return false;
  const built = want.map((w) => {
    let b = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(w.formula)
      .setRanges(tab.ranges(w.ranges.map(([from, n]) => blockA1(FIRST_DATA_ROW, lastRow, from, n))));
    if (w.background) b = b.setBackground(w.background);
    if (w.fontColor) b = b.setFontColor(w.fontColor);
    if (w.bold !== null) b = b.setBold(w.bold);
    return b.build();
  });
  sheet.setConditionalFormatRules([...built, ...read.filter((x) => !x.ours).map((x) => x.rule)]);
  return true;
}
