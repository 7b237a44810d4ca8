/**
 * Finding tabs and columns by key, the slow and sure way: the records layer keeps a column map
 * (./column-map.ts) and comes here only when that map no longer matches the header row. Keys live
 * in developer metadata: `salesdesk.tab=<key>` on the sheet and `salesdesk.col=<key>` on the whole column (Sheets accepts developer metadata
 * only on the spreadsheet, a sheet, or entire rows/columns:
 * https://developers.google.com/apps-script/reference/spreadsheet/range#adddevelopermetadatakey,-value
 * and the Sheets API's DeveloperMetadataLocation). Header text in either language is the
 * fallback, so a workbook whose metadata was lost still works. No business rule here.
 */
import { META_COL, META_TAB, TABS, HEADER_ROW, type TabDef } from '../../core/schema';
import { LOCALES } from '../../core/i18n';
import { columnLetter } from '../../core/formulas';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface FoundTab {
  sheet: Sheet;
  /** Sheet.getSheetId(). */
  id: number;
  /** Its 1-based position among the tabs (Sheet.getIndex()). */
  index: number;
  /** How it was found: metadata, or by name in either language. */
  via: 'metadata' | 'name';
}

/** Tab key → sheet. One metadata search for the whole spreadsheet plus one getSheets() (and each sheet's ID). */
export function findTabs(ss: Spreadsheet): Map<string, FoundTab> {
  const out = new Map<string, FoundTab>();
  const byId = new Map<number, { sheet: Sheet; id: number; index: number }>();
  ss.getSheets().forEach((sheet, i) => {
    const id = sheet.getSheetId();
    byId.set(id, { sheet, id, index: i + 1 });
  });
  const known = new Set(TABS.map((t) => t.key));
  const taken = new Set<number>();
  for (const md of ss.createDeveloperMetadataFinder().withKey(META_TAB).withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET).find()) {
    const key = md.getValue() ?? '';
    if (!known.has(key) || out.has(key)) continue;
    const id = md.getLocation().getSheet()?.getSheetId();
    const at = id === undefined ? undefined : byId.get(id);
    if (!at || taken.has(id!)) continue;
    out.set(key, { ...at, via: 'metadata' });
    taken.add(id!);
  }
  for (const tab of TABS) {
    if (out.has(tab.key)) continue;
    for (const [id, at] of byId) {
      if (taken.has(id)) continue;
      const name = at.sheet.getName().trim();
      if (LOCALES.some((l) => tab.name[l] === name)) {
        out.set(tab.key, { ...at, via: 'name' });
        taken.add(id);
        break;
      }
    }
  }
  return out;
}

/** Whole-column range of a 1-based column: the only range shape column metadata may sit on. */
export function wholeColumn(sheet: Sheet, col: number): GoogleAppsScript.Spreadsheet.Range {
  const l = columnLetter(col);
  return sheet.getRange(`${l}:${l}`);
}

/** Column key → 1-based column, from column metadata. */
export function columnsFromMetadata(sheet: Sheet): Map<string, number> {
  const out = new Map<string, number>();
  const found = sheet.createDeveloperMetadataFinder().withKey(META_COL).withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.COLUMN).find();
  for (const md of found) {
    const key = md.getValue() ?? '';
    const range = md.getLocation().getColumn();
    if (!key || !range || out.has(key)) continue;
    out.set(key, range.getColumn());
  }
  return out;
}

/** Normalised header text for matching. */
export function headerKey(text: unknown): string {
  return String(text ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

export interface ColumnMap {
  /** Column key → 1-based column. */
  columns: Map<string, number>;
  /** Keys found through metadata (the others through their header text). */
  viaMetadata: Set<string>;
}

/**
 * Locates the declared columns of a tab: metadata first, then a header whose text equals the
 * column's header in either language (on a column no other key claims).
 */
export function locateColumns(def: TabDef, headers: unknown[], meta: Map<string, number>): ColumnMap {
  const columns = new Map<string, number>();
  const viaMetadata = new Set<string>();
  const claimed = new Set<number>();
  const declared = new Set(def.columns.map((c) => c.key));
  for (const [key, col] of meta) {
    if (!declared.has(key) || claimed.has(col)) continue;
    columns.set(key, col);
    viaMetadata.add(key);
    claimed.add(col);
  }
  for (const c of def.columns) {
    if (columns.has(c.key)) continue;
    const wanted = new Set(LOCALES.map((l) => headerKey(c.header[l])));
    for (let i = 0; i < headers.length; i++) {
      if (claimed.has(i + 1)) continue;
      if (wanted.has(headerKey(headers[i]))) {
        columns.set(c.key, i + 1);
        claimed.add(i + 1);
        break;
      }
    }
  }
  return { columns, viaMetadata };
}

/** The header row of a sheet in one call (empty array for an empty sheet). */
export function readHeaderRow(sheet: Sheet): unknown[] {
  const lastCol = sheet.getLastColumn();
  if (lastCol < 1) return [];
  return sheet.getRange(HEADER_ROW, 1, 1, lastCol).getValues()[0];
}
