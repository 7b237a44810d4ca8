/**
 * The column map: where each tab is and where its keyed columns are, kept in a document property
 * per tab so that one read of the document properties returns it for every tab, however long ago
 * it was written (the document cache used before forgot it after 6 hours or on any header edit,
 * and finding columns again by their developer metadata costs about four calls per column).
 *
 * A map is trusted only while the tab's header row still reads exactly as it did when the map was
 * made: inserting, moving, deleting or renaming a column changes the header row, and the tab is
 * then found again by its developer metadata (./locate.ts) and the map made anew. A map is stored
 * only when every located column has a non-blank header that no other cell of the header row
 * repeats, so that moving one of our columns always shows in the header row (two columns both
 * headed "" could be swapped unseen: such a tab is located by metadata every time).
 */
import type { ColumnMap } from './locate';

/** What the map remembers of one tab. */
export interface LayoutRecord {
  /** Sheet.getSheetId() when the map was made. */
  sheetId: number;
  /** Sheet.getIndex() (1-based position among the tabs) when the map was made. */
  index: number;
  /** The header row's texts up to its last used column. */
  headers: string[];
  /** Column key → 1-based column. */
  columns: [string, number][];
}

/** Document property holding one tab's map. */
export function layoutProperty(tabKey: string): string {
  return `salesdesk.layout.${tabKey}`;
}

export function parseLayout(raw: string | undefined | null): LayoutRecord | null {
  if (!raw) return null;
  try {
    const r = JSON.parse(raw) as LayoutRecord;
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
export function headersMatch(rec: LayoutRecord, from: number, cells: readonly unknown[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const want = rec.headers[from - 1 + i] ?? '';
    if (headerText(cells[i]) !== want) return false;
  }
  return true;
}
