/**
 * The column map set-up keeps where one read returns it: one developer-metadata entry on the
 * spreadsheet holding, per tab, its sheet ID, the width of the Sales Desk part of its header
 * row, a hash of that header row and the column of every key.
 *
 * A later run trusts the map for a tab only while that tab's header row — read anyway — still
 * hashes the same. Inserting, moving, deleting or renaming a column changes the header row, and
 * set-up then locates the tab's columns from their own developer metadata, as every run did
 * before. The map is kept only for a tab whose header row identifies each Sales Desk column
 * (non-blank, not repeated), so that moving one always shows.
 *
 * The columns' own metadata needs no check while the map holds: Sheets moves metadata with its
 * column and deletes it only with the column ("If the associated object is deleted its metadata
 * is deleted too", https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.developerMetadata),
 * and either shows in the header row.
 *
 * Cost: reading is one metadata search (4 calls); writing happens only when the map changed.
 */
import type { SetupTab } from './tab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Metadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

export const COLUMN_MAP_KEY = 'salesdesk.setup.columns';

/** One tab as the map remembers it. */
export interface MappedTab {
  /** Sheet ID. */
  id: number;
  /** Columns 1…w hold every Sales Desk column. */
  w: number;
  /** Hash of the header row's texts, columns 1…w. */
  h: string;
  /** Column of each key. */
  c: Record<string, number>;
}

export interface ColumnMap {
  tabs: Record<string, MappedTab>;
}

export interface StoredColumnMap {
  map: ColumnMap | null;
  /** The metadata entry holding it, to update in place. */
  entry: Metadata | null;
  /** The stored text, to write only when something changed. */
  text: string;
}

/** The stored map, or an empty one (no entry yet, or unreadable). */
export function readColumnMap(ss: Spreadsheet): StoredColumnMap {
  const entry = ss.createDeveloperMetadataFinder().withKey(COLUMN_MAP_KEY).find()[0] ?? null;
  const text = entry ? String(entry.getValue() ?? '') : '';
  let map: ColumnMap | null = null;
  try {
    const parsed = JSON.parse(text) as ColumnMap;
    if (parsed && typeof parsed === 'object' && parsed.tabs && typeof parsed.tabs === 'object') map = parsed;
  } catch (_e) {
    // none yet, or written by something else: the slow path rebuilds it
  }
  return { map, entry, text };
}

/** cyrb53: a small 53-bit string hash (plenty to tell two header rows apart). */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The hash of a header row as set-up compares it. */
export function headerHash(headers: unknown[]): string {
  return hash(JSON.stringify(headers.map((v) => String(v ?? ''))));
}

/** True when the header row names each located column with a text no other cell repeats. */
function headersIdentify(headers: unknown[], columns: Map<string, number>): boolean {
  const texts = headers.map((v) => String(v ?? ''));
  const seen = new Map<string, number>();
  for (const t of texts) seen.set(t, (seen.get(t) ?? 0) + 1);
  for (const col of columns.values()) {
    const t = texts[col - 1];
    if (t === undefined || !t.trim() || seen.get(t) !== 1) return false;
  }
  return true;
}

/** The map's entry for a tab as set-up leaves it, or null when its header row cannot vouch for it. */
export function mapEntry(tab: SetupTab): MappedTab | null {
  if (!tab.def.columns.length || tab.columns.size !== tab.def.columns.length || tab.keyed.size !== tab.def.columns.length) {
    return tab.def.columns.length ? null : { id: tab.sheetId, w: 0, h: '', c: {} };
  }
  const headers = tab.headers();
  if (!headersIdentify(headers, tab.columns)) return null;
  return { id: tab.sheetId, w: tab.width, h: headerHash(headers), c: Object.fromEntries(tab.columns) };
}

/** True when the stored entry still describes this tab: same header row, every declared key mapped. */
export function mapFits(entry: MappedTab, tab: SetupTab): boolean {
  if (!tab.def.columns.length) return true;
  if (!tab.def.columns.every((c) => Number.isInteger(entry.c[c.key]) && entry.c[c.key] >= 1 && entry.c[c.key] <= entry.w)) return false;
  return headerHash(tab.headers()) === entry.h;
}

/** Writes the map when it changed (a run with nothing to repair writes nothing). */
export function saveColumnMap(ss: Spreadsheet, stored: StoredColumnMap, entries: Record<string, MappedTab>): boolean {
  const text = JSON.stringify({ tabs: entries } satisfies ColumnMap);
  if (text === stored.text) return false;
  if (stored.entry) stored.entry.setValue(text);
  else ss.addDeveloperMetadata(COLUMN_MAP_KEY, text);
  return true;
}
