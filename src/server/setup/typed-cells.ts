/**
 * Cells someone typed into a computed column — the one place that says what they look like
 * through Google's API, and how set-up clears them when the user agrees.
 *
 * A computed column is one ARRAYFORMULA in its first data row (the anchor); the results below
 * it have no formula of their own (getFormula() is ''). When a cell in the way holds something,
 * Sheets does not expand the array at all and the anchor shows #REF! ("Array result was not
 * expanded because it would overwrite data in …"; the array fills again once the cell is
 * cleared). So, in a column whose anchor shows #REF!, every cell below the anchor whose formula
 * is '' and whose value is not blank, or which holds a formula, was typed or pasted there.
 * A column with no formula in its anchor has no array at all: whatever it holds was typed.
 *
 * A column whose formula reads a computed column that shows #REF! may show #REF! only because
 * of it; its array did expand, so its values are results, not typed cells. It is not examined
 * until the column it reads is clear (typedCellsOf's caller decides that from the formulas).
 */
import { FIRST_DATA_ROW } from '../../core/schema';
import type { TypedCells } from './report';
import { isEmptyCell, runsOf } from './tab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The anchor of an array that could not expand. */
export function isBlockedAnchor(anchorValue: unknown): boolean {
  return anchorValue === '#REF!';
}

/** A cell that holds something other than an array result. */
export function isTypedCell(formula: string, value: unknown): boolean {
  return formula !== '' || !isEmptyCell(value);
}

/**
 * The rows (sheet rows) of a computed column that were typed into, from the first data row to
 * the last row of the sheet; the anchor row counts only when it has no formula (`withAnchor`).
 * Reads the column once (its formulas and values).
 */
export function typedRows(sheet: Sheet, col: number, maxRows: number, withAnchor: boolean): number[] {
  const n = Math.max(1, maxRows - FIRST_DATA_ROW + 1);
  const range = sheet.getRange(FIRST_DATA_ROW, col, n, 1);
  const formulas = range.getFormulas();
  const values = range.getValues();
  const rows: number[] = [];
  for (let r = withAnchor ? 0 : 1; r < n; r++) if (isTypedCell(formulas[r][0], values[r][0])) rows.push(FIRST_DATA_ROW + r);
  return rows;
}

/**
 * Clears the typed cells set-up listed, after checking each column is still the one it found
 * (same sheet, same header text) and each cell still holds something typed; then writes the
 * column's array formula in its anchor again (it is gone when the anchor itself was typed over,
 * and writing our own formula back is harmless otherwise). Returns how many cells were cleared.
 */
export function clearTypedCells(ss: Spreadsheet, found: TypedCells[]): number {
  let cleared = 0;
  for (const t of found) {
    const sheet = ss.getSheetById(t.sheetId);
    if (!sheet || String(sheet.getRange(1, t.column).getValue()) !== t.header) continue;
    const maxRows = sheet.getMaxRows();
    const still = new Set(typedRows(sheet, t.column, maxRows, true));
    const rows = t.rows.filter((r) => still.has(r));
    for (const [from, n] of runsOf(rows)) sheet.getRange(from, t.column, n, 1).clearContent();
    cleared += rows.length;
    if (rows.length) sheet.getRange(FIRST_DATA_ROW, t.column).setFormula(t.formula);
  }
  return cleared;
}
