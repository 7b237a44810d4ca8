/**
 * Reading and writing rows by column key: one getValues per read, one setValues per
 * contiguous block of columns. Strings go through asCellText so typed text stays text.
 */
import { FIRST_DATA_ROW, type ColumnDef, type TabDef } from '../../core/schema';
import { asCellText } from '../../core/text';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type RowRecord = Record<string, unknown>;

/** An opened tab (see openTabs in ./layout). */
export interface TabHandle {
  def: TabDef;
  sheet: Sheet;
  /** Column key → 1-based column, as found right now (or cached while the header row is unchanged). */
  columns: Map<string, number>;
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

/**
 * Reads only some columns of a tab: one getValues over rows 2…last and the span from the
 * leftmost to the rightmost of `keys` (the columns in between come along, the rest of the row
 * does not). One record per sheet row, blank rows included, so index i is row FIRST_DATA_ROW + i.
 */
export function readColumns(tab: TabHandle, keys: readonly string[]): RowRecord[] {
  return columnSpan(tab, keys).map((line) => line.values);
}

/** As readColumns, but only the rows where any column of the span holds something, with their row. */
export function readColumnBlock(tab: TabHandle, keys: readonly string[]): ReadRow[] {
  const out: ReadRow[] = [];
  columnSpan(tab, keys).forEach((line, i) => {
    if (!line.blank) out.push({ row: FIRST_DATA_ROW + i, values: line.values });
  });
  return out;
}

function columnSpan(tab: TabHandle, keys: readonly string[]): { values: RowRecord; blank: boolean }[] {
  const cols = keys.filter((k) => tab.columns.has(k)).map((k) => [k, tab.columns.get(k)!] as const);
  const last = tab.sheet.getLastRow();
  if (!cols.length || last < FIRST_DATA_ROW) return [];
  const from = Math.min(...cols.map((c) => c[1]));
  const to = Math.max(...cols.map((c) => c[1]));
  const grid = tab.sheet.getRange(FIRST_DATA_ROW, from, last - FIRST_DATA_ROW + 1, to - from + 1).getValues();
  return grid.map((line) => {
    const values: RowRecord = {};
    for (const [k, c] of cols) values[k] = line[c - from];
    return { values, blank: line.every(isBlank) };
  });
}

/** One full row of a tab (one read), by column key. */
export function readRowByKey(tab: TabHandle, row: number): RowRecord {
  const lastCol = Math.max(1, tab.sheet.getLastColumn());
  const line = tab.sheet.getRange(row, 1, 1, lastCol).getValues()[0];
  const out: RowRecord = {};
  for (const [key, col] of tab.columns) out[key] = line[col - 1];
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
