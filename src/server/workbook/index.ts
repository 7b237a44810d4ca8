/**
 * The names set-up (src/server/setup*) has imported from here, kept until set-up moves to
 * src/server/records: every one is the records layer's, under its old name and shape. New code
 * imports src/server/records.
 */
import { FIRST_DATA_ROW, getTab, type TabDef } from '../../core/schema';
import { openWorkbook, readSettings as readSettingsOf, settingValues, Tab, Workbook, type ReadRow, type RowRecord, type SettingValues, type TabRef } from '../records';

export { findTabs, columnsFromMetadata, locateColumns, readHeaderRow, wholeColumn, headerKey, type FoundTab, type ColumnMap } from '../records/locate';
export type { ReadRow, RowRecord, SettingValues };

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** An opened tab: its declaration, its sheet and where its keyed columns are. */
export type TabHandle = TabRef;

export class TabNotFoundError extends Error {}

const workbooks = new WeakMap<Spreadsheet, Workbook>();
function workbookOf(ss: Spreadsheet): Workbook {
  let wb = workbooks.get(ss);
  if (!wb) workbooks.set(ss, (wb = new Workbook(ss)));
  return wb;
}

/** Opens several tabs (the header row checked); a tab that is missing is left out. */
export function openTabs(keys: readonly string[], ss: Spreadsheet = openWorkbook().ss): Map<string, TabHandle> {
  const wb = workbookOf(ss);
  const out = new Map<string, TabHandle>();
  for (const key of keys) {
    const tab = wb.tab(key);
    if (!tab) continue;
    tab.checkAll();
    out.set(key, { def: tab.def, sheet: tab.sheet, columns: tab.columns });
  }
  return out;
}

/** Opens one tab by key (see openTabs), or throws TabNotFoundError. */
export function openTab(tabKey: string, ss: Spreadsheet = openWorkbook().ss): TabHandle {
  const tab = openTabs([tabKey], ss).get(tabKey);
  if (!tab) throw new TabNotFoundError(`Tab ${tabKey} is missing: run Set up workbook`);
  return tab;
}

function tabOf(ref: TabHandle): Tab {
  return new Tab(workbookOf(ref.sheet.getParent()), ref.def as TabDef, ref, null, true);
}

/** Every data row of a tab, by column key (records: Tab.readAll). */
export function readRows(ref: TabHandle): ReadRow[] {
  return tabOf(ref).readAll(getTab(ref.def.key).columns.map((c) => c.key)).rows;
}

/** Writes records to consecutive rows from `startRow` (records: Tab.write). */
export function writeRows(ref: TabHandle, startRow: number, records: RowRecord[]): void {
  tabOf(ref).write(startRow, records);
}

/** Every setting by key; the defaults when the Settings tab is missing (null). */
export function readSettings(from: Spreadsheet | TabHandle | null = openWorkbook().ss): SettingValues {
  if (from === null) return settingValues([]);
  return readSettingsOf(workbookOf('def' in from ? from.sheet.getParent() : from));
}

/** Some columns of every data row, by key (records: Tab.readAll). */
export function readColumnBlock(ref: TabHandle, keys: readonly string[]): ReadRow[] {
  return tabOf(ref).readAll(keys).rows;
}

/** As readColumnBlock, one record per sheet row from row 2 (blank rows included), so index i is row 2 + i. */
export function readColumns(ref: TabHandle, keys: readonly string[]): RowRecord[] {
  const out: RowRecord[] = [];
  for (const r of readColumnBlock(ref, keys)) out[r.row - FIRST_DATA_ROW] = r.values;
  return Array.from(out, (v) => v ?? {});
}

/** One full row by key (records: Tab.readRow). */
export function readRowByKey(ref: TabHandle, row: number): RowRecord {
  return tabOf(ref).readRow(row);
}

/** Appends records after the data; returns the first row written (records: Tab.append). */
export function appendRows(ref: TabHandle, records: RowRecord[]): number {
  return tabOf(ref).append(records).row;
}

/** The row after the last data row (records: Tab.extent). */
export function nextFreeRow(ref: TabHandle): number {
  return tabOf(ref).extent().end + 1;
}
