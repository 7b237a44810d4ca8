/**
 * The one writer: records by column key, one setValues per run of adjacent columns (computed
 * columns are never written: their array formula fills them), every string through core/text so
 * typed text stays text, and new rows made inside the ranges set-up formatted.
 */
import type { ColumnDef, TabDef } from '../../core/schema';
import { asCellText } from '../../core/text';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type RowRecord = Record<string, unknown>;

/** A tab located right now: its declaration, its sheet and where its keyed columns are. */
export interface TabRef {
  def: TabDef;
  sheet: Sheet;
  /** Column key → 1-based column. */
  columns: Map<string, number>;
}

/** Types whose cells set-up formats as plain text (`@`); see core/text on what that changes. */
const PLAIN_TEXT_TYPES = new Set(['text', 'longtext', 'email', 'phone', 'id']);

/** What one cell receives for a value of a column. */
export function cellValue(col: ColumnDef, v: unknown): unknown {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' && col.type !== 'boolean') return asCellText(v, PLAIN_TEXT_TYPES.has(col.type) && !col.formula);
  return v;
}

/** Runs of adjacent columns among `cols` (sorted), as [first index, last index] into `cols`. */
export function adjacentRuns<T extends { col: number }>(cols: readonly T[]): T[][] {
  const sorted = [...cols].sort((a, b) => a.col - b.col);
  const runs: T[][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1].col + 1 === c.col) last.push(c);
    else runs.push([c]);
  }
  return runs;
}

/** The input columns of `keys` that the tab has, with their position. */
export function writableColumns(ref: TabRef, keys: Iterable<string>): { def: ColumnDef; col: number }[] {
  const wanted = new Set(keys);
  return ref.def.columns.filter((c) => wanted.has(c.key) && !c.formula && ref.columns.has(c.key)).map((c) => ({ def: c, col: ref.columns.get(c.key)! }));
}

/**
 * Writes records to consecutive rows from `startRow`: only the keys the records carry, one
 * setValues per run of adjacent columns. The rows must exist (see growFor).
 */
export function writeRuns(ref: TabRef, startRow: number, records: readonly RowRecord[]): void {
  if (!records.length) return;
  const keys = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) keys.add(k);
  for (const run of adjacentRuns(writableColumns(ref, keys))) {
    const block = records.map((rec) => run.map((c) => cellValue(c.def, rec[c.def.key])));
    ref.sheet.getRange(startRow, run[0].col, records.length, run.length).setValues(block);
  }
}

/**
 * Makes room for rows up to `lastRow`, keeping the sheet's last row spare. New rows are inserted
 * before the last row, so they land inside every range that covered the rows set-up formatted —
 * dropdowns, number formats, highlights, protections and named ranges grow with them, as a range
 * does when rows are inserted inside it (Sheets adjusts ranges on inserts; developer metadata
 * "will remain associated at those locations as they move around",
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.developerMetadata).
 * Not confirmed on a Google page for conditional-format and validation ranges: a probe of "Check
 * this spreadsheet" (dropdowns on appended rows) holds it. When the last row itself holds data
 * (filled by hand to the very bottom), rows go after it: they then carry the formats Sheets copies
 * from the row above, and set-up's repair extends the rest.
 * Returns the sheet's max rows afterwards.
 */
export function growFor(ref: TabRef, lastRow: number, maxRows: number, lastRowHasData: boolean): number {
  if (lastRow < maxRows) return maxRows;
  const add = lastRow + 1 - maxRows;
  if (lastRowHasData) ref.sheet.insertRowsAfter(maxRows, add);
  else ref.sheet.insertRowsBefore(maxRows, add);
  return maxRows + add;
}
