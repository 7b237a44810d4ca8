/**
 * THE column map: where each tab is and where its keyed columns are. One home for records and
 * set-up: set-up writes it for every tab at the end of each run (so the first save after set-up
 * finds its columns at once), the records layer reads it at the start of every execution and
 * writes it again when it had to find a tab anew (./workbook.ts).
 *
 * Where it is kept: one document property per tab, so that one read of the document properties
 * returns the map of every tab however long ago it was written (the document cache forgets after
 * 6 hours or on any header edit) — and that read is not a SpreadsheetApp call at all.
 *
 * When it is trusted: only while the header cells of the columns an execution reads or writes
 * still read as they did when the map was made (./tab.ts checks them, in the same call as a read
 * from the header row, else by reading the whole header row). Inserting, moving, deleting or
 * renaming one of those columns, or one before them, changes those cells; the tab is then found
 * again by its developer metadata (./locate.ts) and the map made anew. A map is kept
 * only when every located column has a non-blank header that no other cell of the header row
 * repeats, so that moving one of our columns always shows in the header row (two columns both
 * headed "" could be swapped unseen: such a tab is located by metadata every time).
 *
 * Why not a map the sheet keeps itself (a hidden tab of `=COLUMN('Customers'!$C:$C)` cells, which
 * Sheets rewrites when columns move): reading it is a call in every execution, where the header
 * check is free for a read that starts at the header row; it needs SHEET() to tell sheets apart,
 * whose numbering of hidden tabs Google's page does not state (https://support.google.com/docs/answer/16865249)
 * and which HyperFormula counts by creation; and pasted over as values it would answer with stale
 * columns unseen. The README's "Cost of an action" has the measured table.
 */
import type { ColumnMap } from './locate';

/** What the map remembers of one tab. */
export interface TabMap {
  /** Sheet.getSheetId() when the map was made. */
  sheetId: number;
  /** Sheet.getIndex() (1-based position among the tabs) when the map was made. */
  index: number;
  /** The header row's texts up to its last used column. */
  headers: string[];
  /** Column key → 1-based column. */
  columns: [string, number][];
  /** True when every declared column carried its developer metadata when the map was made (set-up then need not look). */
  keyed?: boolean;
}

/** Document property holding one tab's map. */
export function columnMapProperty(tabKey: string): string {
  return `salesdesk.layout.${tabKey}`;
}

export function parseTabMap(raw: string | undefined | null): TabMap | null {
  if (!raw) return null;
  try {
    const r = JSON.parse(raw) as TabMap;
    if (!r || !Number.isInteger(r.index) || r.index < 1 || !Array.isArray(r.headers) || !Array.isArray(r.columns)) return null;
    return r;
  } catch (_e) {
    return null;
  }
}

/** The text of a header cell as the map compares it. */
export function headerText(v: unknown): string {
  return String(v ?? '');
}

/** True when the header row identifies every located column: non-blank and not repeated. */
export function headersIdentifyColumns(headers: readonly string[], columns: ColumnMap['columns']): boolean {
  const seen = new Map<string, number>();
  for (const h of headers) seen.set(h, (seen.get(h) ?? 0) + 1);
  for (const col of columns.values()) {
    const h = headers[col - 1];
    if (h === undefined || !h.trim() || seen.get(h) !== 1) return false;
  }
  return true;
}

/**
 * True when the cells read from the header row (starting at column `from`) are the ones the map
 * remembers. Cells past the remembered row must be blank, so a column moved to the far right is
 * noticed too.
 */
export function headersMatch(rec: TabMap, from: number, cells: readonly unknown[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const want = rec.headers[from - 1 + i] ?? '';
    if (headerText(cells[i]) !== want) return false;
  }
  return true;
}

/** The map of a tab located now, or null when its header row cannot vouch for its columns. */
export function tabMapOf(sheetId: number, index: number, headerRow: readonly unknown[], columns: Map<string, number>, keyed: boolean): TabMap | null {
  const headers = headerRow.map(headerText);
  if (!headersIdentifyColumns(headers, columns)) return null;
  return { sheetId, index, headers, columns: [...columns], ...(keyed ? { keyed } : {}) };
}

/** What the map is kept in: the document properties as one execution sees them (./workbook.ts). */
export interface MapStore {
  property(key: string): string | null;
  setProperty(key: string, value: string): void;
  deleteProperty(key: string): void;
}

/**
 * Remembers a tab's map (null forgets a stale one, so no execution trusts it), writing only what
 * changed: a set-up run with nothing to repair writes nothing. A full property store only costs
 * speed (the tab is found the slow way next time), never a failure.
 */
export function storeTabMap(store: MapStore, tabKey: string, map: TabMap | null): void {
  const key = columnMapProperty(tabKey);
  const text = map ? JSON.stringify(map) : null;
  if (store.property(key) === text) return;
  try {
    if (text === null) store.deleteProperty(key);
    else store.setProperty(key, text);
  } catch (_e) {
    // see above
  }
}
