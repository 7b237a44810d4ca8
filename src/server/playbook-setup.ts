/**
 * The objection part of "Set up workbook", kept out of setup.ts so set-up calls it in one line:
 * the Playbook tab gets the built-in lines once. Each carries its stable key in the `entry_key`
 * column, and the keys written so far are remembered in developer metadata on the sheet, so a
 * re-run never overwrites a manager's edit, never re-adds a line a manager deleted, and only
 * appends lines a newer version brings. (The Objections tab's overdue highlight is declared in
 * the schema and written by src/server/highlights.ts, like every tab's.)
 *
 * Cost: a fixed handful of calls (one read of the key column, one metadata search, one write
 * per run of adjacent columns), whatever the number of rows.
 */
import { PLAYBOOK_SEEDED_META, builtInRow, decodeSeeded, encodeSeeded, linesToSeed } from '../core/playbook';
import { listLabel } from '../core/lists';
import { FIRST_DATA_ROW } from '../core/schema';
import type { Locale } from '../core/i18n';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The part of set-up's per-tab state this module needs. */
export interface SetupTab {
  sheet: Sheet;
  columns: Map<string, number>;
  created: boolean;
}

/** Writes the built-in playbook lines that were never written before. Returns how many. */
export function seedPlaybook(st: SetupTab, locale: Locale): number {
  const { sheet, columns } = st;
  const keyCol = columns.get('entry_key');
  if (!keyCol) return 0;
  const last = sheet.getLastRow();
  const keys = last >= FIRST_DATA_ROW ? sheet.getRange(FIRST_DATA_ROW, keyCol, last - FIRST_DATA_ROW + 1, 1).getValues().map((r) => String(r[0] ?? '')) : [];
  const marker = sheet.createDeveloperMetadataFinder().withKey(PLAYBOOK_SEEDED_META).find()[0] ?? null;
  const seeded = decodeSeeded(marker ? marker.getValue() : '');
  const todo = linesToSeed(keys, seeded);
  if (!todo.length) return 0;
  const records = todo.map((l) => builtInRow(l, locale, listLabel('objection_type', l.type, locale)));
  const start = Math.max(FIRST_DATA_ROW, last + 1);
  const needed = start + records.length - 1;
  if (needed > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
  // One setValues per run of adjacent columns (users may have moved columns apart).
  const placed = Object.keys(records[0])
    .filter((k) => columns.has(k))
    .map((k) => ({ k, col: columns.get(k)! }))
    .sort((a, b) => a.col - b.col);
  let i = 0;
  while (i < placed.length) {
    let j = i;
    while (j + 1 < placed.length && placed[j + 1].col === placed[j].col + 1) j++;
    const run = placed.slice(i, j + 1);
    sheet.getRange(start, run[0].col, records.length, run.length).setValues(records.map((r) => run.map((p) => r[p.k])));
    i = j + 1;
  }
  const value = encodeSeeded([...seeded, ...todo.map((l) => l.key)]);
  if (marker) marker.setValue(value);
  else sheet.addDeveloperMetadata(PLAYBOOK_SEEDED_META, value);
  return todo.length;
}

/**
 * Set-up's one-line hook: seeds the playbook. What it changed on a
 * workbook that already existed is added to `repairs` (so a re-run that changes nothing says so).
 */
export function setupObjectionTabs(tabs: Map<string, SetupTab>, locale: Locale, report: { repairs: string[] }): void {
  const pb = tabs.get('playbook');
  if (pb) {
    const n = seedPlaybook(pb, locale);
    if (n && !pb.created) report.repairs.push(`playbook: ${n} built-in lines`);
  }
}
