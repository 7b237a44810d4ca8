/**
 * Opening tabs by key, with their column layout kept in the document cache.
 *
 * Finding columns by their developer metadata costs a few calls per column (every save would
 * pay ~300 calls for 9 tabs and 50 keyed columns). So the layout found is kept in the document
 * cache with each tab's header row, and reused only while the tab still has the same sheet ID
 * and exactly the same header row: inserting, moving, deleting or renaming a column changes the
 * header row, which sends us back to the metadata search. A layout is cached only when every
 * located column has a non-blank header that no other cell of the header row repeats, so that
 * moving one of our columns always shows in the header row. Cost on the fast path: a handful
 * of calls per tab, whatever the number of rows.
 */
import { getTab } from '../../core/schema';
import { columnsFromMetadata, findTabs, locateColumns, readHeaderRow } from './locate';
import type { TabHandle } from './rows';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Document cache entry: where each tab was found and what its header row said then. */
const LAYOUT_CACHE_KEY = 'salesdesk.layout.v1';
/** Longest time CacheService keeps a value (https://developers.google.com/apps-script/reference/cache/cache#put(String,String,Integer)). */
const LAYOUT_CACHE_SECONDS = 21_600;

interface CachedTab {
  sheetId: number;
  headers: string[];
  columns: [string, number][];
}

export class TabNotFoundError extends Error {}

function documentCache(): GoogleAppsScript.Cache.Cache | null {
  try {
    return CacheService.getDocumentCache();
  } catch (_e) {
    return null;
  }
}

function readCache(cache: GoogleAppsScript.Cache.Cache | null): Record<string, CachedTab> {
  try {
    const parsed = JSON.parse(cache?.get(LAYOUT_CACHE_KEY) ?? '{}') as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, CachedTab>) : {};
  } catch (_e) {
    return {};
  }
}

/** True when the header row identifies every located column: non-blank and not repeated. */
function headersIdentifyColumns(headers: string[], columns: Map<string, number>): boolean {
  const seen = new Map<string, number>();
  for (const h of headers) seen.set(h, (seen.get(h) ?? 0) + 1);
  for (const col of columns.values()) {
    const h = headers[col - 1];
    if (h === undefined || !h.trim() || seen.get(h) !== 1) return false;
  }
  return true;
}

/** Opens several tabs; a tab that is missing is left out. */
export function openTabs(keys: readonly string[], ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): Map<string, TabHandle> {
  const cache = documentCache();
  const cached = readCache(cache);
  const fast = new Map<string, TabHandle>();
  for (const key of keys) {
    const c = cached[key];
    if (!c) break;
    const sheet = ss.getSheetById(c.sheetId);
    if (!sheet || JSON.stringify(readHeaderRow(sheet).map((v) => String(v ?? ''))) !== JSON.stringify(c.headers)) break;
    fast.set(key, { def: getTab(key), sheet, columns: new Map(c.columns) });
  }
  if (fast.size === keys.length) return fast;

  const found = findTabs(ss);
  const out = new Map<string, TabHandle>();
  for (const key of keys) {
    const f = found.get(key);
    if (!f) continue;
    const def = getTab(key);
    const headers = readHeaderRow(f.sheet);
    const { columns } = locateColumns(def, headers, columnsFromMetadata(f.sheet));
    out.set(key, { def, sheet: f.sheet, columns });
    const texts = headers.map((v) => String(v ?? ''));
    if (headersIdentifyColumns(texts, columns)) cached[key] = { sheetId: f.sheet.getSheetId(), headers: texts, columns: [...columns] };
    else delete cached[key];
  }
  try {
    cache?.put(LAYOUT_CACHE_KEY, JSON.stringify(cached), LAYOUT_CACHE_SECONDS);
  } catch (_e) {
    // A full cache only costs speed.
  }
  return out;
}

/** Opens one tab by key (see openTabs), or throws TabNotFoundError. */
export function openTab(tabKey: string, ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): TabHandle {
  const tab = openTabs([tabKey], ss).get(tabKey);
  if (!tab) throw new TabNotFoundError(`Tab ${tabKey} is missing: run Set up workbook`);
  return tab;
}
