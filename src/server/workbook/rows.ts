/**
 * Reading and writing rows by column key: one getValues per read, one setValues per
 * contiguous block of columns. Strings go through asCellText so typed text stays text.
 */
import { FIRST_DATA_ROW, getTab, type ColumnDef, type TabDef } from '../../core/schema';
import { asCellText } from '../../core/text';
import { columnsFromMetadata, locateColumns, readHeaderRow, findTabs } from './locate';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type RowRecord = Record<string, unknown>;

export interface TabHandle {
  def: TabDef;
  sheet: Sheet;
  /** Column key → 1-based column, as found right now. */
  columns: Map<string, number>;
}

export class TabNotFoundError extends Error {}

/** Opens a tab by key and locates its columns (a handful of calls, independent of the row count). */
export function openTab(tabKey: string, ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): TabHandle {
  const def = getTab(tabKey);
  const found = findTabs(ss).get(tabKey);
  if (!found) throw new TabNotFoundError(`Tab ${tabKey} is missing: run Set up workbook`);
  const { columns } = locateColumns(def, readHeaderRow(found.sheet), columnsFromMetadata(found.sheet));
  return { def, sheet: found.sheet, columns };
}

function isBlank(v: unknown): boolean {
  return v === '' || v === null || v === undefined;
}

export interface ReadRow {
  /** 1-based sheet row. */
  row: number;
  values: RowRecord;
}

/**
 * All data rows of a tab in one getValues. A row counts when any declared, non-computed
 * column holds a value (array formulas fill computed columns down to the last sheet row).
 */
export function readRows(tab: TabHandle): ReadRow[] {
  const lastRow = tab.sheet.getLastRow();
  const lastCol = tab.sheet.getLastColumn();
  if (lastRow < FIRST_DATA_ROW || lastCol < 1) return [];
  const grid = tab.sheet.getRange(FIRST_DATA_ROW, 1, lastRow - FIRST_DATA_ROW + 1, lastCol).getValues();
  const inputs = tab.def.columns.filter((c) => !c.formula && tab.columns.has(c.key));
  const out: ReadRow[] = [];
  for (let r = 0; r < grid.length; r++) {
    const line = grid[r];
    if (inputs.every((c) => isBlank(line[tab.columns.get(c.key)! - 1]))) continue;
    const values: RowRecord = {};
    for (const c of tab.def.columns) {
      const col = tab.columns.get(c.key);
      if (col != null) values[c.key] = line[col - 1];
    }
    out.push({ row: FIRST_DATA_ROW + r, values });
  }
  return out;
}

/** The sheet row after the last data row (computed columns do not count). */
export function nextFreeRow(tab: TabHandle): number {
  const rows = readRows(tab);
  return rows.length ? rows[rows.length - 1].row + 1 : FIRST_DATA_ROW;
}

function cellValue(col: ColumnDef, v: unknown): unknown {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' && col.type !== 'boolean') return asCellText(v);
  return v;
}

/**
 * Writes records to consecutive rows starting at `startRow`. Only the keys present in the
 * records are written (computed columns never); each run of adjacent columns is one setValues.
 */
export function writeRows(tab: TabHandle, startRow: number, records: RowRecord[]): void {
  if (!records.length) return;
  const keys = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) keys.add(k);
  const cols = tab.def.columns
    .filter((c) => keys.has(c.key) && !c.formula && tab.columns.has(c.key))
    .map((c) => ({ def: c, col: tab.columns.get(c.key)! }))
    .sort((a, b) => a.col - b.col);
  const needed = startRow + records.length - 1;
  const maxRows = tab.sheet.getMaxRows();
  if (needed > maxRows) tab.sheet.insertRowsAfter(maxRows, needed - maxRows);
  let i = 0;
  while (i < cols.length) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1].col === cols[j].col + 1) j++;
    const run = cols.slice(i, j + 1);
    const block = records.map((rec) => run.map((c) => cellValue(c.def, rec[c.def.key])));
    tab.sheet.getRange(startRow, run[0].col, records.length, run.length).setValues(block as unknown[][]);
    i = j + 1;
  }
}

/** Appends records after the last data row; returns the first row written. */
export function appendRows(tab: TabHandle, records: RowRecord[]): number {
  const row = nextFreeRow(tab);
  writeRows(tab, row, records);
  return row;
}
