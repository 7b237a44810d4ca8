/**
 * Where a tab's data ends, without reading the tab: a document property per tab remembers the row
 * after the last one written (and, on tabs that give IDs, the highest ID number ever given, so IDs
 * are never reused). The hint is only a guess that one small read confirms — rows typed or pasted
 * by hand, or deleted, since the hint was written are seen by that read (./tab.ts); when it cannot
 * confirm, the end is found from the tab's key columns (Range.getNextDataCell, never getLastRow()
 * on a tab with computed columns: an ARRAYFORMULA's results, even "", count as content for
 * getLastRow on Google).
 *
 * Tabs that give IDs keep the property their counter always had (core/ids ID_SCHEMES); a plain
 * number there is an earlier version's counter, read as `{ seq }`.
 */
import { ID_SCHEMES } from '../../core/ids';

export interface EndHint {
  /** The row after the last data row, when known. */
  row?: number;
  /** Highest ID number ever given (ID tabs). */
  seq?: number;
  /** The sheet's max rows when the hint was written (a lower bound: rows could have been added since). */
  maxRows?: number;
}

/** How many rows past the hinted end one read looks, to see rows added by hand since. */
export const HINT_LOOKAHEAD = 64;
/** How many rows before the hinted end the window starts, to see rows deleted since. */
export const HINT_LOOKBACK = 64;

export function hintProperty(tabKey: string): string {
  return ID_SCHEMES[tabKey]?.property ?? `salesdesk.end.${tabKey}`;
}

export function parseHint(raw: string | null | undefined): EndHint {
  if (!raw) return {};
  const n = Number(raw);
  if (Number.isFinite(n) && String(raw).trim() !== '') return n > 0 ? { seq: Math.floor(n) } : {};
  try {
    const h = JSON.parse(raw) as EndHint;
    const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined);
    return h && typeof h === 'object' ? { row: int(h.row), seq: int(h.seq), maxRows: int(h.maxRows) } : {};
  } catch (_e) {
    return {};
  }
}

export function formatHint(h: EndHint): string {
  return JSON.stringify(h);
}

/**
 * Remembers where a tab set-up has just created and filled ends (the rows it wrote itself), so
 * that the first read of it looks for no end; a tab that already has a hint keeps it.
 */
export function rememberNewTabEnd(
  store: { property(key: string): string | null; setProperty(key: string, value: string): void },
  tabKey: string,
  lastRow: number,
  maxRows: number,
): void {
  const key = hintProperty(tabKey);
  if (store.property(key) !== null) return;
  store.setProperty(key, formatHint({ row: lastRow + 1, maxRows }));
}
