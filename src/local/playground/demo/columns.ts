/**
 * Finds a tab and its columns by KEY, as the add-in does: developer metadata `salesdesk.tab`
 * on the sheet and `salesdesk.col` on each column, with the declared headers (English or
 * Chinese) from src/core/schema as a fallback. Demo data is then written column by column,
 * never by position.
 */
import type { AnyLocalRuntime } from '../../index';
import { getTab, META_COL, META_TAB, type TabDef } from '../../../core/schema';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface TabColumns {
  tab: TabDef;
  sheet: Sheet;
  /** Column key → 1-based column number. */
  index: Map<string, number>;
  /** The language the headers are written in. */
  lang: 'en' | 'zh';
}

export function findSheet(rt: AnyLocalRuntime, tabKey: string): Sheet | null {
  const tab = getTab(tabKey);
  const sheets = rt.spreadsheet.getSheets();
  for (const s of sheets) {
    try {
      const md = s.getDeveloperMetadata().find((m) => m.getKey() === META_TAB);
      if (md && md.getValue() === tabKey) return s;
    } catch {
      break; // metadata not available: fall back to names
    }
  }
  return sheets.find((s) => s.getName() === tab.name.en || s.getName() === tab.name.zh) ?? null;
}

export function findColumns(rt: AnyLocalRuntime, tabKey: string): TabColumns | null {
  const tab = getTab(tabKey);
  const sheet = findSheet(rt, tabKey);
  if (!sheet) return null;
  const index = new Map<string, number>();
  try {
    const finder = sheet.createDeveloperMetadataFinder().withKey(META_COL);
    for (const md of finder.find()) {
      const loc = md.getLocation();
      const value = md.getValue();
      if (value && String(loc.getLocationType()) === 'COLUMN') index.set(value, loc.getColumn()!.getColumn());
    }
  } catch {
    /* fall back to headers below */
  }
  const lastCol = Math.max(1, sheet.getLastColumn());
  const headers = sheet.getRange(1, 1, 1, lastCol).getDisplayValues()[0] ?? [];
  let zh = 0;
  let en = 0;
  for (const col of tab.columns) {
    const atEn = headers.indexOf(col.header.en);
    const atZh = headers.indexOf(col.header.zh);
    if (atEn >= 0) en++;
    if (atZh >= 0 && col.header.zh !== col.header.en) zh++;
    if (!index.has(col.key)) {
      const at = atEn >= 0 ? atEn : atZh;
      if (at >= 0) index.set(col.key, at + 1);
    }
  }
  const lang: 'en' | 'zh' = zh > en || sheet.getName() === tab.name.zh ? 'zh' : 'en';
  return { tab, sheet, index, lang };
}
