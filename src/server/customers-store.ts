/**
 * Reading what a customer save needs, in as few Apps Script calls as the row count allows
 * (none of them grows with it): the tabs located once, the Lists and the team list in one
 * read each, and on the Customers tab only the block of columns that identify a customer
 * (ID, name, phone, e-mail) in one getValues. No business rule here: core decides.
 */
import { FIRST_DATA_ROW, getTab } from '../core/schema';
import { LISTS } from '../core/lists';
import { t } from '../core/i18n';
import { parseTeam, type TeamMember } from '../core/customers/team';
import type { ExistingCustomer } from '../core/customers/duplicates';
import type { ListValues } from '../core/customers/validate';
import { columnsFromMetadata, findTabs, locateColumns, readHeaderRow, type TabHandle } from './workbook';
import { currentLocale } from './locale';

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

function documentCache(): GoogleAppsScript.Cache.Cache | null {
  try {
    return CacheService.getDocumentCache();
  } catch (_e) {
    return null;
  }
}

function headerTexts(sheet: GoogleAppsScript.Spreadsheet.Sheet): string[] {
  return readHeaderRow(sheet).map((v) => String(v ?? ''));
}

/**
 * Opens several tabs; a tab that is missing is left out.
 *
 * Finding columns by their developer metadata costs a few calls per column (every save would
 * pay ~300 calls for 9 tabs and 50 keyed columns). So the layout found is kept in the document
 * cache with each tab's header row, and reused while the tab still has the same sheet ID and
 * exactly the same header row: inserting, moving, deleting or renaming a column changes the
 * header row, which sends us back to the metadata search. Cost on the fast path: four calls
 * per tab, whatever the number of rows.
 */
export function openTabs(keys: readonly string[], ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): Map<string, TabHandle> {
  const cache = documentCache();
  let cached: Record<string, CachedTab> = {};
  try {
    cached = JSON.parse(cache?.get(LAYOUT_CACHE_KEY) ?? '{}') as Record<string, CachedTab>;
  } catch (_e) {
    cached = {};
  }
  const fast = new Map<string, TabHandle>();
  for (const key of keys) {
    const c = cached[key];
    if (!c) break;
    const sheet = ss.getSheetById(c.sheetId);
    if (!sheet || JSON.stringify(headerTexts(sheet)) !== JSON.stringify(c.headers)) break;
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
    cached[key] = { sheetId: f.sheet.getSheetId(), headers: headers.map((v) => String(v ?? '')), columns: [...columns] };
  }
  try {
    cache?.put(LAYOUT_CACHE_KEY, JSON.stringify(cached), LAYOUT_CACHE_SECONDS);
  } catch (_e) {
    // A full cache only costs speed.
  }
  return out;
}

/** The Customers tab, or an error the user can act on. */
export function requireCustomers(tabs: Map<string, TabHandle>): TabHandle {
  const tab = tabs.get('customers');
  if (!tab || !tab.columns.has('customer_id') || !tab.columns.has('name')) {
    throw new Error(t(currentLocale(), 'customers.missingTab'));
  }
  return tab;
}

function isBlank(v: unknown): boolean {
  return v === '' || v === null || v === undefined;
}

/**
 * One getValues over rows 2…last, columns first…last of `keys` (a contiguous block: the
 * columns in between come along, the rest of the row does not). Returns the values by key per row.
 */
export function readColumnBlock(tab: TabHandle, keys: readonly string[]): { row: number; values: Record<string, unknown> }[] {
  const cols = keys.map((k) => tab.columns.get(k)).filter((c): c is number => c != null);
  if (!cols.length) return [];
  const lastRow = tab.sheet.getLastRow();
  if (lastRow < FIRST_DATA_ROW) return [];
  const first = Math.min(...cols);
  const last = Math.max(...cols);
  const grid = tab.sheet.getRange(FIRST_DATA_ROW, first, lastRow - FIRST_DATA_ROW + 1, last - first + 1).getValues();
  const out: { row: number; values: Record<string, unknown> }[] = [];
  for (let r = 0; r < grid.length; r++) {
    const line = grid[r];
    const values: Record<string, unknown> = {};
    for (const k of keys) {
      const c = tab.columns.get(k);
      if (c != null) values[k] = line[c - first];
    }
    // A row counts when any column of the block holds something (computed columns are not in it).
    if (line.every(isBlank)) continue;
    out.push({ row: FIRST_DATA_ROW + r, values });
  }
  return out;
}

export const IDENTIFYING_KEYS = ['customer_id', 'name', 'phone', 'email'] as const;

export interface CustomerIndex {
  existing: ExistingCustomer[];
  /** The row after the last row that holds a customer. */
  nextRow: number;
}

/** The identifying columns of every customer (one read), and where the next one goes. */
export function readCustomerIndex(tab: TabHandle): CustomerIndex {
  const rows = readColumnBlock(tab, IDENTIFYING_KEYS);
  const existing = rows.map((r) => ({
    row: r.row,
    id: String(r.values.customer_id ?? '').trim(),
    name: String(r.values.name ?? '').trim(),
    phone: String(r.values.phone ?? '').trim(),
    email: String(r.values.email ?? '').trim(),
  }));
  return { existing, nextRow: rows.length ? rows[rows.length - 1].row + 1 : FIRST_DATA_ROW };
}

/** Every list's values as the Lists tab holds them (one read); built-in labels when the tab is missing. */
export function readListValues(tabs: Map<string, TabHandle>, locale = currentLocale()): ListValues {
  const out: Record<string, string[]> = {};
  for (const l of LISTS) out[l.key] = l.items.map((i) => i.label[locale]);
  const tab = tabs.get('lists');
  if (!tab) return out;
  const lastRow = tab.sheet.getLastRow();
  const lastCol = tab.sheet.getLastColumn();
  if (lastRow < FIRST_DATA_ROW || lastCol < 1) return out;
  const grid = tab.sheet.getRange(FIRST_DATA_ROW, 1, lastRow - FIRST_DATA_ROW + 1, lastCol).getValues();
  for (const l of LISTS) {
    const c = tab.columns.get(l.key);
    if (c == null) continue;
    const seen = new Set<string>();
    const values: string[] = [];
    for (const line of grid) {
      const v = String(line[c - 1] ?? '').trim();
      if (v && !seen.has(v)) {
        seen.add(v);
        values.push(v);
      }
    }
    if (values.length) out[l.key] = values;
  }
  return out;
}

/** The team list from Settings (one read of its three columns). */
export function readTeam(tabs: Map<string, TabHandle>): TeamMember[] {
  const tab = tabs.get('settings');
  if (!tab || !tab.columns.has('team_name')) return [];
  const rows = readColumnBlock(tab, ['team_name', 'team_email', 'team_role']);
  return parseTeam(rows.map((r) => r.values));
}

/** One full row of a tab (one read), by column key. */
export function readRowByKey(tab: TabHandle, row: number): Record<string, unknown> {
  const lastCol = Math.max(1, tab.sheet.getLastColumn());
  const line = tab.sheet.getRange(row, 1, 1, lastCol).getValues()[0];
  const out: Record<string, unknown> = {};
  for (const [key, col] of tab.columns) out[key] = line[col - 1];
  return out;
}
