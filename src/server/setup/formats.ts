/**
 * Number formats of the data cells: dates, currency, numbers, and plain text ('@') on text
 * columns so that what a user types stays text (DESIGN principle 6); each setting's value cell
 * by its unit. Checked on every run against the tab's formats, read once over its data block: a
 * column (or a setting's cell) whose cells are not all as declared is written again, every row
 * of the sheet, as one call per distinct format (a RangeList over its columns).
 */
import { FIRST_DATA_ROW, type ColumnDef } from '../../core/schema';
import { SETTINGS, type SettingDef } from '../../core/settings';
import { columnLetter } from '../../core/formulas';
import type { SettingRows } from './settings-rows';
import { blockA1, runsOf, type SetupTab } from './tab';

/** Number format for a column type; null leaves the format alone. */
export function numberFormatFor(col: ColumnDef): string | null {
  if (col.numberFormat) return col.numberFormat;
  switch (col.type) {
    case 'date':
      return 'yyyy-mm-dd';
    case 'datetime':
      return 'yyyy-mm-dd hh:mm';
    case 'currency':
      return '#,##0.00';
    case 'number':
      return '#,##0.##';
    case 'percent':
      return '0%';
    case 'integer':
      return '0';
    case 'text':
    case 'longtext':
    case 'email':
    case 'phone':
    case 'id':
      // Plain text: what a user types stays text (principle 6). Not on computed columns.
      return col.formula ? null : '@';
    default:
      return null;
  }
}

function settingFormat(s: SettingDef): string | null {
  if (s.unit === 'share') return '0.0%';
  if (s.unit === 'boolean' || s.unit === 'choice') return null;
  return '0';
}

/** True when some cell of column `col`, rows `from`…`to` of the data block, is not in `format`. */
function differs(grid: string[][] | null, col: number, format: string, from = 0, to = Infinity): boolean {
  if (!grid) return true;
  const last = Math.min(grid.length - 1, to);
  for (let r = from; r <= last; r++) if (grid[r][col - 1] !== format) return true;
  return false;
}

/** One number format on several blocks of a sheet: one Range, or one RangeList. */
function setFormatOn(tab: SetupTab, a1s: string[], format: string): void {
  if (a1s.length === 1) tab.range(a1s[0]).setNumberFormat(format);
  else tab.sheet.getRangeList(a1s).setNumberFormat(format);
}

/** The runs of adjacent columns to format, as data ranges. */
function runRanges(tab: SetupTab, cols: number[]): { from: number; n: number; a1: string }[] {
  return runsOf(cols).map(([from, n]) => ({ from, n, a1: blockA1(FIRST_DATA_ROW, tab.lastRow(), from, n) }));
}

/** The formatted columns' ranges on a tab created by this run (see SetupTab.prefetch). */
export function formatRangesA1(tab: SetupTab): string[] {
  return runRanges(tab, [...declaredFormats(tab).keys()]).map((r) => r.a1);
}

/** Column → declared format, for the tab's whole data columns (the Settings values are per cell). */
function declaredFormats(tab: SetupTab): Map<number, string> {
  const out = new Map<number, string>();
  for (const { col, at } of tab.placed()) {
    if (tab.def.kind === 'settings' && col.key === 'setting_value') continue;
    const fmt = numberFormatFor(col);
    if (fmt) out.set(at, fmt);
  }
  return out;
}

/**
 * Formats of whole data columns in the fewer calls of two ways: one setNumberFormat(s) per run
 * of adjacent columns (one call when its range is at hand), or one RangeList per distinct format.
 */
function writeColumnFormats(tab: SetupTab, wanted: Map<number, string>): void {
  const byFormat = new Map<string, number[]>();
  for (const [at, fmt] of wanted) byFormat.set(fmt, [...(byFormat.get(fmt) ?? []), at]);
  const runs = runRanges(tab, [...wanted.keys()]);
  const runCalls = runs.reduce((n, r) => n + (tab.hasRange(r.a1) ? 1 : 2), 0);
  if (runCalls <= 2 * byFormat.size) {
    const rows = tab.dataRows();
    for (const { from, n, a1 } of runs) {
      const line = Array.from({ length: n }, (_, i) => wanted.get(from + i)!);
      const range = tab.range(a1);
      if (line.every((f) => f === line[0])) range.setNumberFormat(line[0]);
      else range.setNumberFormats(Array.from({ length: rows }, () => line));
    }
    return;
  }
  for (const [fmt, cols] of byFormat)
    setFormatOn(
      tab,
      runsOf(cols).map(([from, n]) => blockA1(FIRST_DATA_ROW, tab.lastRow(), from, n)),
      fmt,
    );
}

/** Returns true when it repaired something on a tab that existed before this run. */
export function ensureFormats(tab: SetupTab, settingRows: SettingRows | null): boolean {
  if (tab.def.kind === 'shell' || tab.def.kind === 'lists') return false;
  const grid = tab.numberFormats();
  const wanted = new Map([...declaredFormats(tab)].filter(([at, fmt]) => differs(grid, at, fmt)));
  writeColumnFormats(tab, wanted);
  const cells = new Map<string, number[]>();
  if (tab.def.kind === 'settings' && settingRows) {
    const valCol = tab.columns.get('setting_value')!;
    for (const s of SETTINGS) {
      const row = settingRows.get(s.key);
      const fmt = settingFormat(s);
      if (row && fmt && differs(grid, valCol, fmt, row - FIRST_DATA_ROW, row - FIRST_DATA_ROW)) cells.set(fmt, [...(cells.get(fmt) ?? []), row]);
    }
    const L = columnLetter(valCol);
    for (const [fmt, rows] of cells)
      setFormatOn(
        tab,
        runsOf(rows).map(([from, n]) => (n === 1 ? `${L}${from}` : `${L}${from}:${L}${from + n - 1}`)),
        fmt,
      );
  }
  const wrote = wanted.size + cells.size > 0;
  if (wrote) tab.forgetData();
  return wrote && !tab.created;
}
