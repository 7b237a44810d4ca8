/**
 * One array formula per computed column, in its first data row (the anchor), written with the
 * columns' current letters and the tabs' current names. Checked on every run from the tab's
 * first data row (read once with the header row):
 *
 * - an anchor without a formula gets it, unless cells of the column were typed into;
 * - an anchor with an older Sales Desk array formula (another version, or columns that moved
 *   since) is brought up to date; a formula that is not ours is kept and reported;
 * - an anchor showing #REF! means cells were typed in the array's way: those cells (exactly
 *   those — see typed-cells.ts) are reported, and set-up offers to clear them.
 *
 * Nothing is overwritten that a user typed. Cost: no call per row; a column is read whole only
 * when its anchor says something was typed into it.
 */
import type { Locale } from '../../core/i18n';
import { FIRST_DATA_ROW, type ColumnDef } from '../../core/schema';
import { columnLetter, resolveFormula, sameFormula, UnresolvedColumnError } from '../../core/formulas';
import { cellList, type SetupReport } from './report';
import { blockA1, runsOf, type SetupTab } from './tab';
import type { SetupTabs } from './tabs';
import { isBlockedAnchor, typedRows } from './typed-cells';

const OURS = /^=\s*ARRAYFORMULA\s*\(/i;
const REFERENCE = /\{([a-z][a-z0-9_]*)(?:\.([a-z][a-z0-9_]*))?\}/g;

/** The computed columns a formula reads, as [tab key, column key]. */
function computedInputs(tabKey: string, col: ColumnDef, tabs: SetupTabs): [string, string][] {
  const out: [string, string][] = [];
  for (const m of col.formula!.matchAll(REFERENCE)) {
    const [t, k] = m[2] ? [m[1], m[2]] : [tabKey, m[1]];
    if (tabs.get(t)?.def.columns.find((c) => c.key === k)?.formula) out.push([t, k]);
  }
  return out;
}

/** The anchor value of a computed column, or '' when the tab or column is not there. */
function anchorOf(tabs: SetupTabs, tabKey: string, colKey: string): unknown {
  const tab = tabs.get(tabKey);
  const at = tab?.columns.get(colKey);
  return tab && at ? tab.anchorValues()[at - 1] : '';
}

export function ensureFormulas(tabs: SetupTabs, tab: SetupTab, locale: Locale, report: SetupReport): void {
  const computed = tab.placed().filter(({ col }) => col.formula);
  if (!computed.length) return;
  const ctx = {
    tabKey: tab.def.key,
    firstDataRow: FIRST_DATA_ROW,
    column: (tabKey: string, key: string) => tabs.get(tabKey)?.columns.get(key) ?? null,
    sheetName: (tabKey: string) => tabs.get(tabKey)?.name() ?? null,
  };
  const formulas = tab.anchorFormulas();
  const values = tab.anchorValues();
  const writes: { at: number; formula: string }[] = [];
  for (const { col, at } of computed) {
    let expected: string;
    try {
      expected = resolveFormula(col.formula!, ctx);
    } catch (e) {
      if (e instanceof UnresolvedColumnError) continue;
      throw e;
    }
    const anchorFormula = formulas[at - 1];
    const header = String(tab.headers()[at - 1] || col.header[locale]);
    const typed = (withAnchor: boolean) => (tab.created ? [] : typedRows(tab.sheet, at, tab.maxRows(), withAnchor));
    if (!anchorFormula) {
      const rows = typed(true);
      if (rows.length) reportTyped(tab, at, header, rows, expected, report);
      else writes.push({ at, formula: expected });
      continue;
    }
    if (!sameFormula(anchorFormula, expected)) {
      if (!OURS.test(anchorFormula)) {
        report.problems.push({ code: 'userFormula', params: { sheet: tab.name(), column: header, cell: `${columnLetter(at)}${FIRST_DATA_ROW}` } });
        continue;
      }
      // Ours, from another version or written before the columns moved: bring it up to date.
      writes.push({ at, formula: expected });
    }
    if (!isBlockedAnchor(values[at - 1])) continue;
    // #REF! that may only be passed on from a computed column this one reads: wait until that one is clear.
    if (computedInputs(tab.def.key, col, tabs).some(([t, k]) => isBlockedAnchor(anchorOf(tabs, t, k)))) continue;
    const rows = typed(false);
    if (rows.length) reportTyped(tab, at, header, rows, expected, report);
  }
  const byCol = new Map(writes.map((w) => [w.at, w.formula]));
  for (const [from, n] of anchorSpans(tab, [...byCol.keys()])) {
    const line = Array.from({ length: n }, (_, i) => byCol.get(from + i) ?? '');
    tab.range(blockA1(FIRST_DATA_ROW, FIRST_DATA_ROW, from, n)).setFormulas([line]);
  }
  if (writes.length) {
    tab.forgetAnchors();
    if (!tab.created) for (const w of writes) report.repairs.push(`${tab.def.key}.${columnKeyAt(tab, w.at)}: formula`);
  }
}

/**
 * Where anchors are written: one setFormulas per run of adjacent anchors; on a tab created by
 * this run, whose first data row is empty, one for all of them ('' leaves the cells between empty).
 */
function anchorSpans(tab: SetupTab, cols: number[]): [number, number][] {
  if (!cols.length) return [];
  if (!tab.created) return runsOf(cols);
  const from = Math.min(...cols);
  return [[from, Math.max(...cols) - from + 1]];
}

/** The anchors' range on a tab created by this run (see SetupTab.prefetch). */
export function anchorRangesA1(tab: SetupTab): string[] {
  const cols = tab
    .placed()
    .filter(({ col }) => col.formula)
    .map(({ at }) => at);
  return anchorSpans(tab, cols).map(([from, n]) => blockA1(FIRST_DATA_ROW, FIRST_DATA_ROW, from, n));
}

function columnKeyAt(tab: SetupTab, at: number): string {
  for (const [k, c] of tab.columns) if (c === at) return k;
  return String(at);
}

function reportTyped(tab: SetupTab, at: number, header: string, rows: number[], formula: string, report: SetupReport): void {
  report.problems.push({ code: 'userDataInFormula', params: { sheet: tab.name(), column: header, cells: cellList(columnLetter(at), rows) } });
  report.typed.push({ tabKey: tab.def.key, sheetId: tab.sheetId, sheetName: tab.name(), column: at, header, rows, formula });
}
